/**
 * «Firmar acta recibida»: the signer's side of the signature circuit. A
 * member opens the acta PDF the technical secretary sent them, sees it drawn
 * (the same preview as «Firmar acta»), its signature spaces with their state,
 * picks their own, loads their e.firma or .p12, sees who will sign (name,
 * RFC, CURP), signs, and saves the signed PDF to send back. Nothing is
 * stored: the core signs the bytes previewed (their SHA-256) and returns the
 * new file; the key and the password are dropped once signed.
 */
import { Alert, Badge, Button, Card, Code, FileButton, Grid, Group, List, Loader, Paper, Radio, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { IconAlertTriangle, IconCircleCheck, IconDownload, IconFileImport, IconSignature } from '@tabler/icons-react'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ActaForSigningView, FileDownload } from '../../../main/core/contract/views'
import { errorMessage } from '../api/api-error'
import { downloadBase64 } from '../api/download'
import { useOpenActaForSigning, useSignActaFile } from '../api/signing'
import { formatBytes } from '../common/format'
import { notifyDone } from '../common/notify'
import { PageHeader } from '../common/page-header'
import { PdfPreview, type PreviewStatus } from './pdf-preview'
import { readAsBase64 } from './read-file'
import { SignaturesTable } from './signatures-table'
import { SigningCredentials, useSigningCredentials } from './signing-credentials'

export function SignReceivedPage() {
  const { t } = useTranslation()
  const openActa = useOpenActaForSigning()
  const sign = useSignActaFile()
  const form = useSigningCredentials()
  const [chosen, setChosen] = useState<{ name: string; size: number } | null>(null)
  const [acta, setActa] = useState<ActaForSigningView | null>(null)
  const [openError, setOpenError] = useState<string | null>(null)
  const [field, setField] = useState<string | null>(null)
  const [preview, setPreview] = useState<{ status: PreviewStatus; sha256: string } | null>(null)
  // The signed PDF, kept (it holds no key) so it can be saved again.
  const [signed, setSigned] = useState<FileDownload | null>(null)
  // Once signed, the focus goes to the news (the sign button it was on is disabled by then).
  const signedNotice = useRef<HTMLDivElement>(null)

  const pendingFields = acta?.fields.filter((entry) => !entry.signed) ?? []
  const chosenField = pendingFields.some((entry) => entry.field === field) ? field : null
  const previewReady = acta !== null && preview?.sha256 === acta.sha256 && preview.status === 'lista'
  const busy = sign.isPending || form.checking

  const show = (view: ActaForSigningView) => {
    setActa(view)
    setField(null)
    setPreview(null)
  }

  const choose = async (file: File | null) => {
    if (!file) return
    setChosen({ name: file.name, size: file.size })
    setOpenError(null)
    setSigned(null)
    setActa(null)
    form.setError(null)
    let contentBase64: string
    try {
      contentBase64 = await readAsBase64(file)
    } catch {
      setOpenError(t('signing.readFailed', { name: file.name }))
      return
    }
    try {
      show(await openActa.mutateAsync({ fileName: file.name, contentBase64 }))
    } catch (failure) {
      setOpenError(errorMessage(failure, t('errors.unexpected')))
    }
  }

  const confirm = async () => {
    const credentials = form.credentials()
    if (!acta || !credentials || !form.signer || !chosenField || !previewReady) return
    form.setError(null)
    const name = form.signer.name
    try {
      const file = await sign.mutateAsync({
        fileName: acta.fileName,
        contentBase64: acta.contentBase64,
        // The document shown is the one signed: the core refuses other bytes.
        expectedSha256: acta.sha256,
        field: chosenField,
        credentials,
        reason: form.reason,
        location: form.location,
      })
      downloadBase64(file)
      setSigned(file)
      window.requestAnimationFrame(() => signedNotice.current?.focus())
      // Signed: nothing of the key or its password stays.
      form.reset()
      notifyDone(t('signFile.done', { name, fileName: file.fileName }), t('signFile.doneTitle'))
      // The signed file, read back: its space now shows as signed.
      try {
        show(await openActa.mutateAsync({ fileName: file.fileName, contentBase64: file.contentBase64 }))
      } catch {
        // The signed file was saved; the earlier view stays.
      }
    } catch (failure) {
      form.setError(errorMessage(failure, t('errors.unexpected')))
    }
  }

  return (
    <>
      <PageHeader title={t('signFile.title')} description={t('signFile.description')} />
      <Stack gap="lg">
        <Card component="section" aria-labelledby="acta-recibida">
          <Stack gap="md">
            <Group gap="md" wrap="nowrap" align="flex-start">
              <ThemeIcon size={40} radius="md" variant="light" aria-hidden>
                <IconSignature size={24} stroke={1.6} />
              </ThemeIcon>
              <Stack gap={2}>
                <Title order={2} id="acta-recibida">
                  {t('signFile.cardTitle')}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('signFile.cardText')}
                </Text>
              </Stack>
            </Group>
            <Group gap="md">
              <FileButton onChange={(file) => void choose(file)} accept="application/pdf,.pdf">
                {(props) => (
                  <Button {...props} leftSection={<IconFileImport size={18} aria-hidden />} loading={openActa.isPending && !sign.isPending} disabled={busy}>
                    {acta ? t('signFile.chooseAnother') : t('signFile.choose')}
                  </Button>
                )}
              </FileButton>
              {chosen ? (
                <Text size="sm" className="break-anywhere">
                  {t('verify.chosen', { name: chosen.name })}{' '}
                  <Text span c="dimmed" size="sm">
                    · {formatBytes(chosen.size)}
                  </Text>
                </Text>
              ) : null}
            </Group>
            {openActa.isPending && !acta ? (
              <Group gap="sm" role="status">
                <Loader size="sm" />
                <Text size="sm">{t('signFile.opening')}</Text>
              </Group>
            ) : null}
            {openError ? (
              <Alert color="red" variant="light" icon={<IconAlertTriangle size={20} aria-hidden />} role="alert" title={t('signFile.openFailed')}>
                {openError}
              </Alert>
            ) : null}
            {!acta && !openError && !openActa.isPending ? (
              <List type="ordered" size="sm" spacing={4}>
                <List.Item>{t('signFile.steps.open')}</List.Item>
                <List.Item>{t('signFile.steps.review')}</List.Item>
                <List.Item>{t('signFile.steps.sign')}</List.Item>
                <List.Item>{t('signFile.steps.return')}</List.Item>
              </List>
            ) : null}
          </Stack>
        </Card>

        {acta ? (
          <Grid gap="xl">
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <Stack gap="sm" component="section" aria-labelledby="acta-a-firmar">
                <Stack gap={2}>
                  <Title order={2} size="h4" id="acta-a-firmar">
                    {t('signFile.previewTitle')}
                  </Title>
                  {acta.title ? (
                    <Text size="sm" fw={600} className="break-anywhere">
                      {acta.title}
                    </Text>
                  ) : null}
                  <Text size="sm" c="dimmed">
                    {t('signFile.previewHint')}
                  </Text>
                </Stack>
                <PdfPreview contentBase64={acta.contentBase64} documentId={acta.sha256} onStatus={(status, sha256) => setPreview({ status, sha256 })} />
                <Text size="xs" c="dimmed" className="break-anywhere">
                  {t('signing.fileName', { fileName: acta.fileName })}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('signing.sha256')}: <Code className="break-anywhere">{acta.sha256}</Code>
                </Text>
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <Stack gap="md">
                {signed ? (
                  <Alert color="green" variant="light" icon={<IconCircleCheck size={20} aria-hidden />} title={t('signFile.signedTitle')} ref={signedNotice} tabIndex={-1}>
                    <Stack gap="xs" align="flex-start">
                      <Text size="sm">{t('signFile.signedText', { fileName: signed.fileName })}</Text>
                      <Button size="compact-sm" variant="default" leftSection={<IconDownload size={16} aria-hidden />} onClick={() => downloadBase64(signed)}>
                        {t('signFile.saveAgain')}
                      </Button>
                    </Stack>
                  </Alert>
                ) : null}
                <FieldChoice acta={acta} value={chosenField} onChange={setField} disabled={busy} />
                {pendingFields.length > 0 ? (
                  <>
                    <SigningCredentials state={form} busy={sign.isPending} />
                    {form.signer && !previewReady ? (
                      <Text size="sm" c="dimmed">
                        {t('signing.previewFirst')}
                      </Text>
                    ) : null}
                    {form.signer && previewReady && !chosenField ? (
                      <Text size="sm" c="dimmed">
                        {t('signFile.fieldFirst')}
                      </Text>
                    ) : null}
                    {form.error ? (
                      <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} role="alert">
                        {form.error}
                      </Alert>
                    ) : null}
                    <Group justify="flex-end">
                      <Button
                        leftSection={<IconSignature size={18} aria-hidden />}
                        disabled={!form.signer || form.checking || !previewReady || !chosenField}
                        loading={sign.isPending}
                        onClick={() => void confirm()}
                      >
                        {t('signFile.confirm')}
                      </Button>
                    </Group>
                  </>
                ) : null}
              </Stack>
            </Grid.Col>
          </Grid>
        ) : null}

        {acta && acta.signatures.length > 0 ? (
          <Card component="section" aria-labelledby="firmas-del-acta-recibida">
            <Stack gap="sm">
              <Title order={2} size="h4" id="firmas-del-acta-recibida">
                {t('signFile.signaturesTitle')}
              </Title>
              <SignaturesTable signatures={acta.signatures} />
            </Stack>
          </Card>
        ) : null}
      </Stack>
    </>
  )
}

/** The acta's signature spaces with their state; the signer picks their own among the pending ones. */
function FieldChoice({ acta, value, onChange, disabled }: { acta: ActaForSigningView; value: string | null; onChange: (field: string) => void; disabled: boolean }) {
  const { t } = useTranslation()
  if (acta.fields.length === 0) {
    return (
      <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} role="note">
        {t('signFile.noFields')}
      </Alert>
    )
  }
  const pending = acta.fields.some((entry) => !entry.signed)
  return (
    <Radio.Group
      label={t('signFile.fieldLabel')}
      description={pending ? t('signFile.fieldHint') : t('signFile.allSigned')}
      value={value}
      onChange={onChange}
    >
      <Stack gap="xs" mt="xs">
        {acta.fields.map((entry) => (
          <Paper key={entry.field} withBorder p="sm" radius="md" data-field={entry.field} data-signed={entry.signed ? 'true' : 'false'}>
            <Group justify="space-between" wrap="nowrap" gap="sm">
              <Radio value={entry.field} label={entry.label || entry.field} disabled={disabled || entry.signed} />
              <Badge color={entry.signed ? 'green' : 'gray'} variant="light" style={{ flexShrink: 0 }}>
                {t(`signing.signerStatus.${entry.signed ? 'firmada' : 'pendiente'}`)}
              </Badge>
            </Group>
          </Paper>
        ))}
      </Stack>
    </Radio.Group>
  )
}
