/** «Reporte de avance (PDF)» of the Plan de Acción Local, generated in place. */
import { Button, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { IconReportAnalytics } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useDocumentJob } from '../api/documents'
import { DocumentJobView } from './document-job-view'

export function ReportCard() {
  const { t } = useTranslation()
  const job = useDocumentJob('reporte', null)
  const idle = job.state.phase === 'idle'
  return (
    <Card component="section" aria-labelledby="reporte-de-avance">
      <Stack gap="md">
        <Group gap="md" wrap="nowrap" align="flex-start">
          <ThemeIcon size={40} radius="md" variant="light" aria-hidden>
            <IconReportAnalytics size={24} stroke={1.6} />
          </ThemeIcon>
          <Stack gap={2}>
            <Title order={2} id="reporte-de-avance">
              {t('documents.titles.reporte')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('documents.reportCard.description')}
            </Text>
          </Stack>
        </Group>
        {idle ? (
          <Group>
            <Button leftSection={<IconReportAnalytics size={18} aria-hidden />} onClick={job.start}>
              {t('documents.generate')}
            </Button>
          </Group>
        ) : (
          <DocumentJobView state={job.state} onRetry={job.start} />
        )}
      </Stack>
    </Card>
  )
}
