/**
 * Shown instead of the app when the data file could not be used. Nothing has
 * been overwritten; the user chooses a backup to restore or, when allowed, a
 * fresh empty file. On success the status query flips back to `listo` and the
 * app appears.
 */
import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle, IconCheck, IconFilePlus, IconLifebuoy, IconX } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppStatus, BackupInfo } from '../../../main/core/contract/views'
import { errorMessage } from '../api/api-error'
import { useRestoreBackup, useStartEmpty } from '../api/status'
import { ConfirmModal } from '../common/confirm-modal'
import { BackupTable } from './backup-table'
import { RestoreFullBackupOffer } from '../backup/restore-offer'
import { LabelledPath, StartupScreen } from './startup-screen'

type Recovery = Extract<AppStatus, { state: 'recuperacion' }>

export function RecoveryScreen({ status }: { status: Recovery }) {
  const { t } = useTranslation()
  const restore = useRestoreBackup()
  const startEmpty = useStartEmpty()
  const [restoring, setRestoring] = useState<string | null>(null)
  const [confirming, setConfirming] = useState(false)
  const busy = restore.isPending || startEmpty.isPending

  const fail = (error: unknown) =>
    notifications.show({
      color: 'red',
      icon: <IconX size={18} aria-hidden />,
      title: t('errors.title'),
      message: errorMessage(error, t('errors.unexpected')),
      autoClose: 10_000,
    })
  const succeed = (message: string) =>
    notifications.show({
      color: 'green',
      icon: <IconCheck size={18} aria-hidden />,
      title: t('recovery.successTitle'),
      message,
    })

  const onRestore = async (backup: BackupInfo) => {
    setRestoring(backup.name)
    try {
      await restore.mutateAsync(backup.name)
      succeed(t('recovery.restored'))
    } catch (error) {
      fail(error)
    } finally {
      setRestoring(null)
    }
  }

  const onStartEmpty = async () => {
    try {
      await startEmpty.mutateAsync()
      setConfirming(false)
      succeed(t('recovery.startedEmpty'))
    } catch (error) {
      setConfirming(false)
      fail(error)
    }
  }

  return (
    <StartupScreen
      icon={<IconLifebuoy size={30} aria-hidden />}
      title={t('recovery.title')}
      intro={t('recovery.intro')}
      overlay={
        <ConfirmModal
          opened={confirming}
          title={t('recovery.confirmTitle')}
          confirmLabel={t('recovery.confirmButton')}
          color="orange"
          loading={startEmpty.isPending}
          onConfirm={() => void onStartEmpty()}
          onClose={() => setConfirming(false)}
          focusConfirm={false}
        >
          <Text size="sm">{t('recovery.confirmText')}</Text>
        </ConfirmModal>
      }
    >
      <Alert color="orange" variant="light" icon={<IconAlertTriangle size={20} aria-hidden />} title={t('recovery.problem')}>
        <Stack gap="sm">
          <Text size="sm">{status.problem}</Text>
          <LabelledPath label={t('recovery.dataFile')} path={status.dataFile} />
          {status.quarantinedTo ? (
            <LabelledPath label={t('recovery.quarantined')} path={status.quarantinedTo} />
          ) : (
            <Text size="sm">{t('recovery.notQuarantined')}</Text>
          )}
        </Stack>
      </Alert>

      <Card component="section" aria-labelledby="copias">
        <Stack gap="sm">
          <Title order={2} id="copias">
            {t('recovery.backupsTitle')}
          </Title>
          {status.backups.length > 0 ? (
            <>
              <Text size="sm" c="dimmed">
                {t('recovery.backupsHint')}
              </Text>
              <BackupTable
                backups={status.backups}
                restoring={restoring}
                disabled={busy}
                onRestore={(backup) => void onRestore(backup)}
              />
            </>
          ) : (
            <Text size="sm" c="dimmed">
              {t(status.keptBecause ? 'recovery.backupsKept' : 'recovery.noBackups')}
            </Text>
          )}
        </Stack>
      </Card>

      {/* A full backup (.stlbak) replaces the file; refused, like a fresh start, for a file that must be kept. */}
      {status.canStartEmpty ? <RestoreFullBackupOffer /> : null}

      <Card component="section" aria-labelledby="empezar-vacio">
        <Stack gap="sm">
          <Title order={2} id="empezar-vacio">
            {t('recovery.startEmpty')}
          </Title>
          {status.canStartEmpty ? (
            <>
              <Text size="sm" c="dimmed">
                {t('recovery.startEmptyHint')}
              </Text>
              <Group>
                <Button
                  variant="default"
                  leftSection={<IconFilePlus size={18} aria-hidden />}
                  onClick={() => setConfirming(true)}
                  disabled={busy}
                >
                  {t('recovery.startEmpty')}
                </Button>
              </Group>
            </>
          ) : (
            <Text size="sm">
              {t(
                status.keptBecause === 'demasiado-grande'
                  ? 'recovery.cannotStartEmptyTooBig'
                  : status.keptBecause === 'solo-lectura'
                    ? 'recovery.cannotStartEmptyReadOnly'
                    : 'recovery.cannotStartEmpty',
              )}
            </Text>
          )}
        </Stack>
      </Card>
    </StartupScreen>
  )
}
