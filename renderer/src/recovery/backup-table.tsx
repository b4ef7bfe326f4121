import { Button, Table, Text } from '@mantine/core'
import { IconRestore } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { BackupInfo } from '../../../main/core/contract/views'
import { formatDateTime, formatRelative } from '../common/dates'
import { formatBytes } from '../common/format'

interface BackupTableProps {
  backups: BackupInfo[]
  /** Name of the backup being restored, if any. */
  restoring: string | null
  disabled: boolean
  onRestore: (backup: BackupInfo) => void
}

export function BackupTable({ backups, restoring, disabled, onRestore }: BackupTableProps) {
  const { t } = useTranslation()
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="sm" highlightOnHover aria-label={t('recovery.backupsLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('recovery.savedAt')}</Table.Th>
            <Table.Th>{t('recovery.kind')}</Table.Th>
            <Table.Th>{t('recovery.size')}</Table.Th>
            <Table.Th ta="right">{t('recovery.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {backups.map((backup) => (
            <Table.Tr key={backup.name}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {formatDateTime(backup.savedAt)}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatRelative(backup.savedAt)}
                </Text>
              </Table.Td>
              <Table.Td>{t(`enums.backupKind.${backup.kind}`)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatBytes(backup.size)}</Table.Td>
              <Table.Td ta="right">
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconRestore size={16} aria-hidden />}
                  loading={restoring === backup.name}
                  disabled={disabled && restoring !== backup.name}
                  onClick={() => onRestore(backup)}
                  aria-label={t('recovery.restoreLabel', { date: formatDateTime(backup.savedAt) })}
                >
                  {t('recovery.restore')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
