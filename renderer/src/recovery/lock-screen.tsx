/**
 * Shown instead of the app when another program holds the data file's lock.
 * Nothing was read or written. The user retries, opens the data read-only, or
 * (after a warning) breaks the lock; each choice is the core's to carry out,
 * and the status query then shows the app, or this screen again.
 */
import { Alert, Button, Card, DataList, Group, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconCheck, IconEye, IconLock, IconLockOpen, IconRefresh, IconX } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppStatus } from '../../../main/core/contract/views'
import { errorMessage } from '../api/api-error'
import { useOpenReadOnly, useRetryOpen, useUnlockDataFile } from '../api/status'
import { ConfirmModal } from '../common/confirm-modal'
import { formatDateTime } from '../common/dates'
import { LabelledPath, StartupScreen } from './startup-screen'

type Locked = Extract<AppStatus, { state: 'bloqueado' }>

export function LockScreen({ status }: { status: Locked }) {
  const { t } = useTranslation()
  const retry = useRetryOpen()
  const readOnly = useOpenReadOnly()
  const unlock = useUnlockDataFile()
  const [confirming, setConfirming] = useState(false)
  const [unlockError, setUnlockError] = useState<string | null>(null)
  const [stillLocked, setStillLocked] = useState(false)
  const busy = retry.isPending || readOnly.isPending || unlock.isPending
  const owner = status.owner

  const fail = (error: unknown) =>
    notifications.show({
      color: 'red',
      icon: <IconX size={18} aria-hidden />,
      title: t('errors.title'),
      message: errorMessage(error, t('errors.unexpected')),
      autoClose: 10_000,
    })

  const onRetry = async () => {
    try {
      const next = await retry.mutateAsync()
      setStillLocked(next.state === 'bloqueado')
    } catch (error) {
      fail(error)
    }
  }

  const onReadOnly = async () => {
    try {
      await readOnly.mutateAsync()
    } catch (error) {
      fail(error)
    }
  }

  const onUnlock = async () => {
    setUnlockError(null)
    try {
      const next = await unlock.mutateAsync(status.token)
      setConfirming(false)
      if (next.state !== 'bloqueado') {
        notifications.show({ color: 'green', icon: <IconCheck size={18} aria-hidden />, title: t('lock.unlockedTitle'), message: t('lock.unlocked') })
      }
    } catch (error) {
      setUnlockError(errorMessage(error, t('errors.unexpected')))
    }
  }

  const unknown = t('lock.unknown')
  return (
    <StartupScreen
      icon={<IconLock size={30} aria-hidden />}
      title={t('lock.title')}
      intro={t('lock.intro')}
      overlay={
        <ConfirmModal
          opened={confirming}
          title={t('lock.confirmTitle')}
          confirmLabel={t('lock.confirmButton')}
          color="red"
          loading={unlock.isPending}
          error={unlockError}
          onConfirm={() => void onUnlock()}
          onClose={() => setConfirming(false)}
          focusConfirm={false}
        >
          <Text size="sm">{owner ? t('lock.confirmText', { program: owner.program, host: owner.host }) : t('lock.confirmTextUnknown')}</Text>
        </ConfirmModal>
      }
    >
      <Card component="section" aria-labelledby="quien-lo-tiene">
        <Stack gap="md">
          <Title order={2} id="quien-lo-tiene">
            {t('lock.owner')}
          </Title>
          {owner ? (
            <DataList orientation="horizontal" gap="sm" withDivider>
              <DataList.Item>
                <DataList.ItemLabel>{t('lock.program')}</DataList.ItemLabel>
                <DataList.ItemValue>{owner.program}</DataList.ItemValue>
              </DataList.Item>
              <DataList.Item>
                <DataList.ItemLabel>{t('lock.host')}</DataList.ItemLabel>
                <DataList.ItemValue>{t(owner.sameHost ? 'lock.thisHost' : 'lock.otherHost', { host: owner.host })}</DataList.ItemValue>
              </DataList.Item>
              <DataList.Item>
                <DataList.ItemLabel>{t('lock.user')}</DataList.ItemLabel>
                <DataList.ItemValue>{owner.user || unknown}</DataList.ItemValue>
              </DataList.Item>
              <DataList.Item>
                <DataList.ItemLabel>{t('lock.since')}</DataList.ItemLabel>
                <DataList.ItemValue>{owner.since ? formatDateTime(owner.since) : unknown}</DataList.ItemValue>
              </DataList.Item>
              {owner.sameHost ? (
                <DataList.Item>
                  <DataList.ItemLabel>{t('lock.process')}</DataList.ItemLabel>
                  <DataList.ItemValue>{owner.pid}</DataList.ItemValue>
                </DataList.Item>
              ) : null}
            </DataList>
          ) : (
            <Text size="sm">{t('lock.unknownOwner')}</Text>
          )}
          <LabelledPath label={t('lock.dataFile')} path={status.dataFile} />
        </Stack>
      </Card>

      {stillLocked ? (
        <Alert color="orange" variant="light" role="status" title={t('lock.stillLocked')}>
          <Text size="sm">{status.problem}</Text>
        </Alert>
      ) : null}

      <Card component="section" aria-labelledby="que-hacer">
        <Stack gap="lg">
          <Title order={2} id="que-hacer">
            {t('lock.whatNow')}
          </Title>
          <Group justify="space-between" wrap="nowrap" gap="lg" align="center">
            <Text size="sm">{t('lock.retryHint')}</Text>
            <Button leftSection={<IconRefresh size={18} aria-hidden />} onClick={() => void onRetry()} loading={retry.isPending} disabled={busy && !retry.isPending} style={{ flexShrink: 0 }}>
              {t('lock.retry')}
            </Button>
          </Group>
          <Group justify="space-between" wrap="nowrap" gap="lg" align="center">
            <Text size="sm">{t('lock.readOnlyHint')}</Text>
            <Button variant="default" leftSection={<IconEye size={18} aria-hidden />} onClick={() => void onReadOnly()} loading={readOnly.isPending} disabled={busy && !readOnly.isPending} style={{ flexShrink: 0 }}>
              {t('lock.openReadOnly')}
            </Button>
          </Group>
          <Group justify="space-between" wrap="nowrap" gap="lg" align="center">
            <Text size="sm">{t('lock.unlockHint')}</Text>
            <Button
              variant="outline"
              color="red"
              leftSection={<IconLockOpen size={18} aria-hidden />}
              onClick={() => {
                setUnlockError(null)
                setConfirming(true)
              }}
              disabled={busy || !status.token}
              style={{ flexShrink: 0 }}
            >
              {t('lock.unlock')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </StartupScreen>
  )
}
