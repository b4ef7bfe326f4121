/**
 * What a document job looks like: its progress while it runs, a summary card
 * with «Guardar PDF» and «Abrir en el visor» once ready, or the core's Spanish
 * refusal. There is no in-app preview: the window's Content-Security-Policy
 * allows no frames or objects (default-src 'none', object-src 'none'), so the
 * PDF is shown by the system's viewer instead.
 */
import { Alert, Button, Group, Paper, Progress, Stack, Text, ThemeIcon } from '@mantine/core'
import { IconAlertTriangle, IconDownload, IconExternalLink, IconFileTypePdf, IconRefresh } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { saveDocument, useOpenInViewer, type DocumentJobState } from '../api/documents'
import { formatBytes } from '../common/format'
import { notifyDone, notifyError } from '../common/notify'
import { base64Size } from './file-size'

interface DocumentJobViewProps {
  state: DocumentJobState
  onRetry: () => void
}

export function DocumentJobView({ state, onRetry }: DocumentJobViewProps) {
  const { t } = useTranslation()
  const viewer = useOpenInViewer()

  if (state.phase === 'error') {
    return (
      <Alert color="red" variant="light" icon={<IconAlertTriangle size={20} aria-hidden />} title={t('documents.failed')} role="alert">
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{state.message}</Text>
          <Button size="xs" variant="white" color="red" leftSection={<IconRefresh size={14} aria-hidden />} onClick={onRetry}>
            {t('common.retry')}
          </Button>
        </Stack>
      </Alert>
    )
  }

  if (state.phase === 'ready') {
    const { file, jobId, warnings } = state
    const open = async () => {
      try {
        await viewer.mutateAsync(jobId)
        notifyDone(t('documents.opened', { fileName: file.fileName }))
      } catch (error) {
        notifyError(error)
      }
    }
    return (
      <Stack gap="md">
        <Paper withBorder p="md" radius="md" aria-label={t('documents.ready')} role="group">
          <Group gap="md" wrap="nowrap" align="flex-start">
            <ThemeIcon size={48} radius="md" color="red" variant="light" aria-hidden>
              <IconFileTypePdf size={28} stroke={1.6} />
            </ThemeIcon>
            <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
              <Text fw={700} role="status">
                {t('documents.ready')}
              </Text>
              <Text size="sm" ff="monospace" className="break-anywhere">
                {file.fileName}
              </Text>
              <Text size="xs" c="dimmed">
                {formatBytes(base64Size(file.contentBase64))} · {t('documents.formatValue')}
              </Text>
            </Stack>
          </Group>
        </Paper>
        {warnings.map((warning) => (
          <Alert key={warning} color="yellow" variant="light" icon={<IconAlertTriangle size={20} aria-hidden />} title={t('documents.warningTitle')} role="alert">
            {warning}
          </Alert>
        ))}
        <Text size="sm" c="dimmed">
          {t('documents.previewNote')}
        </Text>
        <Group gap="sm">
          <Button
            leftSection={<IconDownload size={18} aria-hidden />}
            onClick={() => {
              saveDocument(file)
              notifyDone(t('documents.saved', { fileName: file.fileName }))
            }}
            data-autofocus
          >
            {t('documents.save')}
          </Button>
          <Button variant="default" leftSection={<IconExternalLink size={18} aria-hidden />} loading={viewer.isPending} onClick={() => void open()}>
            {t('documents.openViewer')}
          </Button>
          <Button variant="subtle" leftSection={<IconRefresh size={18} aria-hidden />} onClick={onRetry}>
            {t('documents.generateAgain')}
          </Button>
        </Group>
      </Stack>
    )
  }

  const percent = state.phase === 'running' ? Math.round(state.progress * 100) : 0
  return (
    <Stack gap="xs">
      <Group justify="space-between" gap="sm">
        <Text fw={600} size="sm" role="status">
          {state.phase === 'running' ? t('documents.generating') : t('documents.starting')}
        </Text>
        <Text fw={700} size="sm" ff="monospace" aria-hidden>
          {t('documents.percent', { value: percent })}
        </Text>
      </Group>
      <Progress value={percent} size="lg" radius="xl" animated aria-label={t('documents.progressLabel')} />
      <Text size="xs" c="dimmed">
        {t('documents.keepWorking')}
      </Text>
    </Stack>
  )
}
