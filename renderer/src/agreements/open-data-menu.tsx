/**
 * «Datos abiertos»: downloads agreements or commitments (with milestones) as
 * CSV (UTF-8 with BOM, so spreadsheets read the accents) or JSON.
 */
import { Button, Menu } from '@mantine/core'
import { IconBraces, IconChevronDown, IconDatabaseExport, IconFileSpreadsheet } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { exportOpenData, type OpenDataRequest } from '../api/open-data'
import { notifyDone, notifyError } from '../common/notify'

export function OpenDataMenu({ what }: { what: OpenDataRequest['what'] }) {
  const { t } = useTranslation()
  const [busy, setBusy] = useState(false)

  const download = async (format: OpenDataRequest['format']) => {
    setBusy(true)
    try {
      const fileName = await exportOpenData({ what, format })
      notifyDone(t('openData.downloaded', { file: fileName }))
    } catch (error) {
      notifyError(error, t('openData.failed'))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Menu position="bottom-end" shadow="md" width={260}>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconDatabaseExport size={18} aria-hidden />}
          rightSection={<IconChevronDown size={14} aria-hidden />}
          loading={busy}
        >
          {t('openData.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t(`openData.${what}`)}</Menu.Label>
        <Menu.Item leftSection={<IconFileSpreadsheet size={16} aria-hidden />} onClick={() => void download('csv')}>
          {t('openData.csv')}
        </Menu.Item>
        <Menu.Item leftSection={<IconBraces size={16} aria-hidden />} onClick={() => void download('json')}>
          {t('openData.json')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Label>{t('openData.hint')}</Menu.Label>
      </Menu.Dropdown>
    </Menu>
  )
}
