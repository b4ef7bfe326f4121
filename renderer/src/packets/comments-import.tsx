/**
 * «Importar comentarios»: a member's comments file (.json) into the
 * secretariat's data. The core checks it against the packet it answers and
 * the session; the report says, comment by comment, what was added and what
 * was already recorded. A refusal shows the core's Spanish message: nothing
 * changed.
 */
import { Alert, Anchor, Badge, Button, FileButton, Group, Modal, Paper, Stack, Text } from '@mantine/core'
import { IconAlertTriangle, IconCircleCheck, IconFileImport, IconInfoCircle } from '@tabler/icons-react'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { CommentsImportReport } from '../../../main/core/contract/views'
import { MAX_COMMENTS_FILE_BYTES } from '../../../main/core/packets/limits'
import { errorMessage } from '../api/api-error'
import { readFileAsBase64, useImportComments } from '../api/packets'
import { formatDateTime } from '../common/dates'
import { ExpandableText } from '../common/expandable-text'
import { formatBytes } from '../common/format'
import dialog from '../common/dialog.module.css'

type Outcome = { report: CommentsImportReport } | { fileName: string; message: string }

export function CommentsImportButton({ sessionId, variant = 'default' }: { sessionId: string; variant?: 'default' | 'filled' | 'light' }) {
  const { t } = useTranslation()
  const importComments = useImportComments()
  const [reading, setReading] = useState(false)
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  // Cleared after every choice, so the same file can be chosen again (a second import changes nothing).
  const resetRef = useRef<() => void>(null)

  const run = async (file: File | null) => {
    if (!file) return
    resetRef.current?.()
    if (file.size > MAX_COMMENTS_FILE_BYTES) {
      setOutcome({ fileName: file.name, message: t('memberComments.tooBig', { name: file.name, size: formatBytes(file.size) }) })
      return
    }
    setReading(true)
    try {
      let contentBase64: string
      try {
        contentBase64 = await readFileAsBase64(file)
      } catch {
        setOutcome({ fileName: file.name, message: t('memberComments.readFailed', { name: file.name }) })
        return
      }
      const report = await importComments.mutateAsync(contentBase64)
      setOutcome({ report })
    } catch (error) {
      setOutcome({ fileName: file.name, message: errorMessage(error, t('errors.unexpected')) })
    } finally {
      setReading(false)
    }
  }

  const busy = reading || importComments.isPending
  return (
    <>
      <FileButton onChange={(file) => void run(file)} accept=".json,application/json" disabled={busy} resetRef={resetRef}>
        {(props) => (
          <Button {...props} variant={variant} leftSection={<IconFileImport size={18} aria-hidden />} loading={busy} aria-description={t('memberComments.importLabel')}>
            {t('memberComments.import')}
          </Button>
        )}
      </FileButton>
      <ImportOutcome outcome={outcome} currentSessionId={sessionId} onClose={() => setOutcome(null)} />
    </>
  )
}

function ImportOutcome({ outcome, currentSessionId, onClose }: { outcome: Outcome | null; currentSessionId: string; onClose: () => void }) {
  const { t } = useTranslation()
  const failed = outcome !== null && 'message' in outcome
  return (
    <Modal
      opened={outcome !== null}
      onClose={onClose}
      size="lg"
      title={
        <Text fw={700} size="lg">
          {failed ? t('memberComments.failedTitle') : t('memberComments.report.title')}
        </Text>
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {outcome === null ? null : 'message' in outcome ? (
        <Stack gap="md">
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={20} aria-hidden />} role="alert">
            <Stack gap={4}>
              <Text size="sm" ff="monospace" c="dimmed" className="break-anywhere">
                {outcome.fileName}
              </Text>
              <Text size="sm">{outcome.message}</Text>
            </Stack>
          </Alert>
          <Text size="sm" c="dimmed">
            {t('memberComments.unchanged')}
          </Text>
          <Group justify="flex-end">
            <Button onClick={onClose} data-autofocus>
              {t('memberComments.report.close')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <ImportReport report={outcome.report} currentSessionId={currentSessionId} onClose={onClose} />
      )}
    </Modal>
  )
}

function ImportReport({ report, currentSessionId, onClose }: { report: CommentsImportReport; currentSessionId: string; onClose: () => void }) {
  const { t } = useTranslation()
  const headline = [
    report.added > 0 ? t('memberComments.report.added', { count: report.added }) : t('memberComments.report.addedNone'),
    report.duplicates > 0 ? t('memberComments.report.duplicates', { count: report.duplicates }) : null,
  ]
    .filter(Boolean)
    .join('; ')
  return (
    <Stack gap="md">
      <Alert
        color={report.added > 0 ? 'green' : 'gray'}
        variant="light"
        icon={report.added > 0 ? <IconCircleCheck size={20} aria-hidden /> : <IconInfoCircle size={20} aria-hidden />}
        title={`${headline}.`}
        role="status"
      >
        <Stack gap={4}>
          <Text size="sm">{t('memberComments.report.from', { author: report.author, date: formatDateTime(report.writtenAt), session: report.sessionTitle, key: report.sessionKey })}</Text>
          {report.added === 0 ? <Text size="sm">{t('memberComments.report.allKnown')}</Text> : null}
        </Stack>
      </Alert>
      <Stack gap="xs" component="ul" aria-label={t('memberComments.report.listLabel')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {report.comments.map((comment, index) => (
          <Paper key={index} withBorder p="sm" component="li">
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm" mb={4}>
              <Text size="sm" fw={600} className="break-anywhere">
                {comment.itemNumber !== null ? t('memberComments.itemRef', { number: comment.itemNumber, title: comment.itemTitle ?? '' }) : t('memberComments.general')}
              </Text>
              <Badge color={comment.status === 'agregado' ? 'green' : 'gray'} variant="light">
                {t(`memberComments.status.${comment.status}`)}
              </Badge>
            </Group>
            <ExpandableText text={comment.text} lines={3} />
          </Paper>
        ))}
      </Stack>
      <Text size="xs" c="dimmed">
        {t('memberComments.report.identity', { author: report.author })}
      </Text>
      <Group justify="flex-end" className={dialog.footer}>
        {report.sessionId !== currentSessionId ? (
          <Anchor component={Link} to={`/sesiones/${report.sessionId}?pestana=comentarios`} onClick={onClose} size="sm" mr="auto">
            {t('memberComments.report.goToSession', { session: report.sessionTitle })}
          </Anchor>
        ) : null}
        <Button onClick={onClose} data-autofocus>
          {t('memberComments.report.close')}
        </Button>
      </Group>
    </Stack>
  )
}
