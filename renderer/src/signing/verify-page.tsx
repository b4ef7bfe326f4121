/**
 * «Verificar PDF»: the signatures of any PDF, checked in this computer; and
 * the Plan de Acción's «Reporte de avance (PDF)».
 */
import { Alert, Button, Card, FileButton, Group, Loader, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { IconAlertTriangle, IconFileSearch, IconShieldCheck } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SignatureView } from '../../../main/core/contract/views'
import { useVerifyPdf } from '../api/signing'
import { PageHeader } from '../common/page-header'
import { ErrorState } from '../common/query-state'
import { formatBytes } from '../common/format'
import { ReportCard } from '../documents/report-card'
import { readAsBase64 } from './read-file'
import { SignaturesTable } from './signatures-table'

export function VerifyPage() {
  const { t } = useTranslation()
  return (
    <>
      <PageHeader title={t('verify.title')} description={t('verify.description')} />
      <Stack gap="lg">
        <VerifyCard />
        <ReportCard />
      </Stack>
    </>
  )
}

function VerifyCard() {
  const { t } = useTranslation()
  const verify = useVerifyPdf()
  const [file, setFile] = useState<{ name: string; size: number } | null>(null)
  const [result, setResult] = useState<SignatureView[] | null>(null)
  const [readError, setReadError] = useState<string | null>(null)

  const choose = async (chosen: File | null) => {
    if (!chosen) return
    setFile({ name: chosen.name, size: chosen.size })
    setResult(null)
    setReadError(null)
    verify.reset()
    let content: string
    try {
      content = await readAsBase64(chosen)
    } catch {
      setReadError(t('signing.readFailed', { name: chosen.name }))
      return
    }
    try {
      setResult(await verify.mutateAsync(content))
    } catch {
      // Shown below from the mutation's error.
    }
  }

  return (
    <Card component="section" aria-labelledby="firmas-de-un-pdf">
      <Stack gap="md">
        <Group gap="md" wrap="nowrap" align="flex-start">
          <ThemeIcon size={40} radius="md" variant="light" aria-hidden>
            <IconShieldCheck size={24} stroke={1.6} />
          </ThemeIcon>
          <Stack gap={2}>
            <Title order={2} id="firmas-de-un-pdf">
              {t('verify.cardTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('verify.cardText')}
            </Text>
          </Stack>
        </Group>
        <Group gap="md">
          <FileButton onChange={(chosen) => void choose(chosen)} accept="application/pdf,.pdf">
            {(props) => (
              <Button {...props} leftSection={<IconFileSearch size={18} aria-hidden />} loading={verify.isPending}>
                {t('verify.choose')}
              </Button>
            )}
          </FileButton>
          {file ? (
            <Text size="sm" className="break-anywhere">
              {t('verify.chosen', { name: file.name })} <Text span c="dimmed" size="sm">· {formatBytes(file.size)}</Text>
            </Text>
          ) : null}
        </Group>
        {verify.isPending ? (
          <Group gap="sm" role="status">
            <Loader size="sm" />
            <Text size="sm">{t('verify.checking')}</Text>
          </Group>
        ) : null}
        {readError ? (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={20} aria-hidden />} role="alert">
            {readError}
          </Alert>
        ) : null}
        {verify.isError ? <ErrorState error={verify.error} title={t('errors.title')} /> : null}
        {result ? <SignaturesTable signatures={result} /> : null}
      </Stack>
    </Card>
  )
}
