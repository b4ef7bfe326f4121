/**
 * «Restaurar un respaldo completo»: the user picks a .stlbak, the core
 * verifies the whole archive and this screen shows what it holds (or the
 * core's refusal); restoring asks first, saying where the current data goes.
 * Used from Configuración and from the recovery screen.
 */
import { Alert, Button, Group, List, Loader, Modal, ScrollArea, Stack, Text } from '@mantine/core'
import { IconAlertTriangle, IconArchive, IconCircleCheck, IconX } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FullBackupInspection } from '../../../main/core/contract/views'
import { errorMessage } from '../api/api-error'
import { useInspectFullBackup, useRestoreFullBackup } from '../api/backup'
import { formatDateTime } from '../common/dates'
import { ModalHeading } from '../common/form-modal'
import { notifyDone } from '../common/notify'
import { FilePick } from '../signing/file-pick'
import { readAsBase64 } from '../signing/read-file'
import { BackupReportList } from './backup-report'
import dialog from '../common/dialog.module.css'

const ACCEPT = '.stlbak,application/zip'

interface Picked {
  fileName: string
  contentBase64: string
}

export function RestoreBackupModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="lg"
      scrollAreaComponent={ScrollArea.Autosize}
      title={<ModalHeading title={t('restoreBackup.title')} />}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {/* Mounted per opening: each one starts with no file. */}
      {opened ? <RestoreBody onClose={onClose} /> : null}
    </Modal>
  )
}

function RestoreBody({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  const inspect = useInspectFullBackup()
  const restore = useRestoreFullBackup()
  const [picked, setPicked] = useState<Picked | null>(null)
  const [confirming, setConfirming] = useState(false)
  const [readError, setReadError] = useState<string | null>(null)
  const verified: FullBackupInspection | undefined = picked && inspect.isSuccess ? inspect.data : undefined
  const busy = inspect.isPending || restore.isPending

  const onPick = async (file: File | null) => {
    if (!file) return
    setConfirming(false)
    setReadError(null)
    restore.reset()
    inspect.reset()
    try {
      const next = { fileName: file.name, contentBase64: await readAsBase64(file) }
      setPicked(next)
      inspect.mutate({ contentBase64: next.contentBase64 })
    } catch (error) {
      setPicked(null)
      setReadError(errorMessage(error, t('errors.unexpected')))
    }
  }

  const onRestore = () => {
    if (!picked || !verified) return
    restore.mutate(picked, {
      onSuccess: (restored) => {
        const date = formatDateTime(restored.report.createdAt)
        notifyDone(
          [t('restoreBackup.done', { date }), restored.movedAsideTo ? t('restoreBackup.doneAside', { folder: restored.movedAsideTo }) : ''].filter(Boolean).join(' '),
          t('restoreBackup.doneTitle'),
        )
        onClose()
      },
    })
  }

  return (
    <Stack gap="md">
      <Text size="sm">{t('restoreBackup.intro')}</Text>
      <FilePick
        label={t('restoreBackup.pickLabel')}
        buttonLabel={t('restoreBackup.pick')}
        accept={ACCEPT}
        fileName={picked?.fileName ?? null}
        onPick={(file) => void onPick(file)}
        disabled={busy}
      />

      {inspect.isPending ? (
        <Group gap="sm" role="status">
          <Loader size="sm" aria-hidden />
          <Text size="sm">{t('restoreBackup.verifying')}</Text>
        </Group>
      ) : null}

      {readError || inspect.isError ? (
        <Alert color="red" variant="light" icon={<IconX size={20} aria-hidden />} title={t('restoreBackup.refusedTitle')} role="alert">
          <Text size="sm">{readError ?? errorMessage(inspect.error, t('errors.unexpected'))}</Text>
        </Alert>
      ) : null}

      {verified ? (
        <>
          <Alert color="green" variant="light" icon={<IconCircleCheck size={20} aria-hidden />} title={t('restoreBackup.verifiedTitle')}>
            <Text size="sm">{t('restoreBackup.verifiedText')}</Text>
          </Alert>
          <BackupReportList report={verified.report} />
          {verified.report.warnings.length > 0 ? (
            <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={20} aria-hidden />} title={t('fullBackup.warningsTitle')}>
              <List size="sm">
                {verified.report.warnings.map((warning) => (
                  <List.Item key={warning}>{warning}</List.Item>
                ))}
              </List>
            </Alert>
          ) : null}
        </>
      ) : null}

      {verified && confirming ? (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle size={20} aria-hidden />} title={t('restoreBackup.confirmTitle')} role="alertdialog" aria-live="polite">
          <Stack gap="xs">
            <Text size="sm">
              {t('restoreBackup.confirmText', { dataFile: verified.dataFile, asideFolder: verified.asideFolder, date: formatDateTime(verified.report.createdAt) })}
            </Text>
            <Text size="sm" c="dimmed">
              {t('restoreBackup.confirmHint')}
            </Text>
          </Stack>
        </Alert>
      ) : null}

      {restore.isError ? (
        <Alert color="red" variant="light" icon={<IconX size={20} aria-hidden />} title={t('errors.title')} role="alert">
          <Text size="sm">{errorMessage(restore.error, t('errors.unexpected'))}</Text>
        </Alert>
      ) : null}

      <Group justify="flex-end" gap="sm" className={dialog.footer}>
        {confirming ? (
          <>
            <Button variant="default" onClick={() => setConfirming(false)} disabled={restore.isPending}>
              {t('restoreBackup.back')}
            </Button>
            <Button color="orange" onClick={onRestore} loading={restore.isPending} autoFocus>
              {t('restoreBackup.confirmButton')}
            </Button>
          </>
        ) : (
          <>
            <Button variant="default" onClick={onClose} disabled={restore.isPending}>
              {t('restoreBackup.close')}
            </Button>
            <Button leftSection={<IconArchive size={18} aria-hidden />} onClick={() => setConfirming(true)} disabled={!verified || busy}>
              {t('restoreBackup.restore')}
            </Button>
          </>
        )}
      </Group>
    </Stack>
  )
}
