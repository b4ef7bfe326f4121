/**
 * «Respaldo completo» in Configuración: what a full backup holds, the last
 * one made, a reminder when it is due (the core decides: none yet, or older
 * than its reminder period), and the buttons to create or restore one.
 */
import { Alert, Button, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { IconAlertTriangle, IconArchive, IconRestore } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FullBackupReport, FullBackupStatusView } from '../../../main/core/contract/views'
import { useCreateFullBackup, useFullBackupStatus } from '../api/backup'
import { RestoreBackupModal } from '../backup/restore-backup-modal'
import { formatDateTime } from '../common/dates'
import { formatBytes } from '../common/format'
import { notifyDone, notifyError } from '../common/notify'
import { ErrorState, LoadingCards } from '../common/query-state'

export function FullBackupCard() {
  const { t } = useTranslation()
  const status = useFullBackupStatus()
  const create = useCreateFullBackup()
  const [restoring, setRestoring] = useState(false)
  const [warnings, setWarnings] = useState<FullBackupReport['warnings']>([])

  const onCreate = () => {
    setWarnings([])
    create.mutate(undefined, {
      onSuccess: (created) => {
        setWarnings(created.report.warnings)
        notifyDone(t('fullBackup.created', { fileName: created.file.fileName, size: formatBytes(created.report.archiveBytes) }))
      },
      onError: (error) => notifyError(error),
    })
  }

  return (
    <Card component="section" aria-labelledby="respaldo-completo">
      <Stack gap="md">
        <Stack gap={4} maw={820}>
          <Title order={2} id="respaldo-completo">
            {t('fullBackup.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('fullBackup.explanation')}
          </Text>
        </Stack>

        {status.isPending ? (
          <LoadingCards count={1} />
        ) : status.isError ? (
          <ErrorState error={status.error} onRetry={() => void status.refetch()} />
        ) : (
          <BackupState status={status.data} />
        )}

        {warnings.length > 0 ? (
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={20} aria-hidden />} title={t('fullBackup.warningsTitle')}>
            <List size="sm">
              {warnings.map((warning) => (
                <List.Item key={warning}>{warning}</List.Item>
              ))}
            </List>
          </Alert>
        ) : null}

        <Group gap="sm">
          <Button leftSection={<IconArchive size={18} aria-hidden />} onClick={onCreate} loading={create.isPending} disabled={!status.isSuccess}>
            {t('fullBackup.create')}
          </Button>
          <Button variant="default" leftSection={<IconRestore size={18} aria-hidden />} onClick={() => setRestoring(true)} disabled={create.isPending}>
            {t('fullBackup.restore')}
          </Button>
          {create.isPending ? (
            <Text size="sm" c="dimmed" role="status">
              {t('fullBackup.creating')}
            </Text>
          ) : null}
        </Group>
        {status.data ? (
          <Text size="xs" c="dimmed">
            {t('fullBackup.limitHint', { size: status.data.maxSizeLabel })}
          </Text>
        ) : null}
      </Stack>
      <RestoreBackupModal opened={restoring} onClose={() => setRestoring(false)} />
    </Card>
  )
}

function BackupState({ status }: { status: FullBackupStatusView }) {
  const { t } = useTranslation()
  const { last, contents } = status
  return (
    <Stack gap="md">
      {status.due ? (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={20} aria-hidden />} title={t('fullBackup.dueTitle')}>
          <Text size="sm">{last ? t('fullBackup.dueOld', { days: status.reminderDays }) : t('fullBackup.dueNever')}</Text>
        </Alert>
      ) : null}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('fullBackup.lastLabel')}
          </Text>
          <div>
            {last ? (
              <Stack gap={0}>
                <Text size="sm">
                  {formatDateTime(last.at)} · {t('fullBackup.age', { count: status.ageDays ?? 0 })}
                </Text>
                <Text size="xs" c="dimmed" className="break-anywhere">
                  {t('fullBackup.lastDetail', { fileName: last.fileName, size: formatBytes(last.bytes) })}
                </Text>
              </Stack>
            ) : (
              <Text size="sm" c="dimmed">
                {t('fullBackup.never')}
              </Text>
            )}
          </div>
        </Stack>
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('fullBackup.contentsLabel')}
          </Text>
          <Text size="sm">{t('fullBackup.contents', contents)}</Text>
        </Stack>
      </SimpleGrid>
    </Stack>
  )
}
