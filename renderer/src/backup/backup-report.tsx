/** What a verified full backup holds, as the core reported it. */
import { DataList, Stack, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { FullBackupReport } from '../../../main/core/contract/views'
import { formatDateTime } from '../common/dates'
import { formatBytes } from '../common/format'

export function BackupReportList({ report }: { report: FullBackupReport }) {
  const { t } = useTranslation()
  const rows: [string, ReactNode][] = [
    [t('restoreBackup.createdAt'), formatDateTime(report.createdAt)],
    [t('restoreBackup.organization'), `${report.bodyName} · ${report.organization}`],
    [t('restoreBackup.counts'), t('restoreBackup.countsValue', report.counts)],
    [
      t('restoreBackup.files'),
      t('restoreBackup.filesValue', { count: report.files, attachments: report.attachments, actas: report.actas, size: formatBytes(report.contentBytes) }),
    ],
    [t('restoreBackup.createdBy'), t('restoreBackup.createdByValue', { version: report.appVersion, schema: report.schemaVersion })],
    [
      t('restoreBackup.archive'),
      <Stack gap={2} key="archivo">
        <Text size="sm">{formatBytes(report.archiveBytes)}</Text>
        <Text size="xs" c="dimmed" ff="monospace" className="break-anywhere">
          SHA-256 {report.archiveSha256}
        </Text>
      </Stack>,
    ],
  ]
  return (
    <DataList orientation="horizontal" gap="xs" withDivider aria-label={t('restoreBackup.verifiedTitle')}>
      {rows.map(([label, value]) => (
        <DataList.Item key={label}>
          <DataList.ItemLabel>{label}</DataList.ItemLabel>
          <DataList.ItemValue>{value}</DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  )
}
