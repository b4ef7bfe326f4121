/**
 * A button that generates one document of a session («Acta (PDF)»,
 * «Convocatoria (PDF)») in a dialog. Closing the dialog does not stop the
 * work: the button keeps showing the progress and reopens the finished PDF.
 */
import { Button, Modal, Stack, Text } from '@mantine/core'
import { IconFileTypePdf } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useDocumentJob } from '../api/documents'
import { DocumentJobView } from './document-job-view'

interface SessionDocumentButtonProps {
  kind: 'acta' | 'convocatoria' | 'lista-asistencia'
  sessionId: string
  sessionTitle: string
  variant?: 'default' | 'light' | 'filled'
}

export function SessionDocumentButton({ kind, sessionId, sessionTitle, variant = 'default' }: SessionDocumentButtonProps) {
  const { t } = useTranslation()
  const job = useDocumentJob(kind, sessionId)
  const [opened, setOpened] = useState(false)
  const running = job.state.phase === 'starting' || job.state.phase === 'running'
  const percent = job.state.phase === 'running' ? Math.round(job.state.progress * 100) : 0

  const open = () => {
    setOpened(true)
    if (job.state.phase === 'idle' || job.state.phase === 'error') job.start()
  }

  return (
    <>
      <Button variant={variant} leftSection={<IconFileTypePdf size={18} aria-hidden />} onClick={open} aria-haspopup="dialog">
        {t(`documents.kinds.${kind}`)}
        {running && !opened ? ` · ${t('documents.percent', { value: percent })}` : ''}
      </Button>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={
          <Text fw={700} size="lg" component="span">
            {t(`documents.titles.${kind}`)}
          </Text>
        }
        closeButtonProps={{ 'aria-label': t('common.close') }}
        size="lg"
      >
        <Stack gap="md">
          <Stack gap={2}>
            <Text fw={600}>{sessionTitle}</Text>
            <Text size="sm" c="dimmed">
              {t(`documents.descriptions.${kind}`)}
            </Text>
          </Stack>
          <DocumentJobView state={job.state} onRetry={job.start} />
        </Stack>
      </Modal>
    </>
  )
}
