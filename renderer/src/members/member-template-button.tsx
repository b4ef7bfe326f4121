/**
 * «Descargar plantilla CSV»: the members template the core defines
 * (domain/csv-columns: the very columns the import reads, UTF-8 with BOM and
 * one example row), saved through the app's one download path.
 */
import { Button } from '@mantine/core'
import { IconDownload } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { MEMBER_CSV_TEMPLATE } from '../../../main/core/domain/csv-columns'
import { downloadText } from '../api/download'
import { notifyDone } from '../common/notify'

/** Saves the template and says what to do with it. */
export function downloadMemberTemplate(announce: (fileName: string) => void): void {
  downloadText(MEMBER_CSV_TEMPLATE)
  announce(MEMBER_CSV_TEMPLATE.fileName)
}

export function MemberTemplateButton({ icon, label, variant = 'default' }: { icon?: ReactNode; label?: string; variant?: 'default' | 'subtle' }) {
  const { t } = useTranslation()
  return (
    <Button
      variant={variant}
      size="sm"
      leftSection={icon ?? <IconDownload size={16} aria-hidden />}
      onClick={() => downloadMemberTemplate((fileName) => notifyDone(t('members.templateDownloaded', { fileName })))}
    >
      {label ?? t('members.downloadTemplate')}
    </Button>
  )
}
