import { Card, Code, DataList, Divider, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { AppStatus } from '../../../main/core/contract/views'
import { formatDateTime, formatRelative } from '../common/dates'
import { formatBytes } from '../common/format'
import { SupportActions } from '../documents/support-actions'

type Ready = Extract<AppStatus, { state: 'listo' }>

/** Where the data lives and how well it is backed up. */
export function AboutCard({ status }: { status: Ready }) {
  const { t } = useTranslation()
  const last = status.lastBackup
  return (
    <Card component="section" aria-labelledby="acerca-de">
      <Stack gap="md">
        <Title order={2} id="acerca-de">
          {t('settings.about.title')}
        </Title>
        <DataList orientation="vertical" gap="md" withDivider>
          <DataList.Item>
            <DataList.ItemLabel>{t('settings.about.version')}</DataList.ItemLabel>
            <DataList.ItemValue>{status.version}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('settings.about.dataFile')}</DataList.ItemLabel>
            <DataList.ItemValue>
              <Code block className="break-anywhere">
                {status.dataFile}
              </Code>
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('settings.about.dataFolder')}</DataList.ItemLabel>
            <DataList.ItemValue>
              <Code block className="break-anywhere">
                {status.dataFolder}
              </Code>
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('settings.about.schemaVersion')}</DataList.ItemLabel>
            <DataList.ItemValue>{status.schemaVersion}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('settings.about.lastBackup')}</DataList.ItemLabel>
            <DataList.ItemValue>
              {last ? (
                <Stack gap={0}>
                  <Text size="sm">{formatDateTime(last.savedAt)}</Text>
                  <Text size="xs" c="dimmed">
                    {formatRelative(last.savedAt)} · {t(`enums.backupKind.${last.kind}`)} · {formatBytes(last.size)}
                  </Text>
                </Stack>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('settings.about.noBackup')}
                </Text>
              )}
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('settings.about.backups')}</DataList.ItemLabel>
            <DataList.ItemValue>{t('settings.about.backupsCount', { count: status.backups.length })}</DataList.ItemValue>
          </DataList.Item>
        </DataList>
        <Divider />
        <SupportActions />
      </Stack>
    </Card>
  )
}
