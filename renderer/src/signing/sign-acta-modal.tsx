/**
 * «Firmar acta»: what you see is what you sign. The dialog asks the core for
 * the exact document to be signed and shows it (pdf.js preview) with the
 * expected signers and their state; the signer chooses whose reserved space
 * to fill, a .p12/.pfx or an e.firma (.cer + .key) and its password, sees who
 * will sign («Verificar certificado»), then signs: `signActa` receives the
 * previewed document's SHA-256, and the core signs those bytes or refuses.
 * The password and the files live only in this dialog's state and are
 * dropped when it closes; the core's refusals (wrong password, expired
 * certificate, key not matching, a document changed since the preview) are
 * shown here, and nothing changes. Once signed, the focus goes to the signed
 * acta's heading (or the signature circuit's), not back to a button the
 * signature may have removed.
 */
import { Alert, Badge, Button, Center, Code, Grid, Group, Loader, Modal, Select, Stack, Table, Text, Title } from '@mantine/core'
import { IconAlertTriangle, IconInfoCircle, IconRefresh, IconSignature } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ActaSigningView, SessionDetail } from '../../../main/core/contract/views'
import { errorMessage } from '../api/api-error'
import { usePrepareActaSigning, useSignActa } from '../api/signing'
import { formatDateTime } from '../common/dates'
import { notifyDone } from '../common/notify'
import { PdfPreview, type PreviewStatus } from './pdf-preview'
import { SigningCredentials, useSigningCredentials } from './signing-credentials'

/** The Select's value for «Según el certificado» (signerId null); '*' is never part of an id. */
const BY_CERTIFICATE = '*certificado*'

/** Where the session page shows a signature once made: the signed acta, or the circuit it joined. */
const SIGNED_HEADINGS = ['acta-firmada', 'circuito-de-firma']

/** Focuses the first of those headings once the page shows it (the session's new state renders after the dialog closes). */
function focusSignedHeading(framesLeft = 60): void {
  const heading = SIGNED_HEADINGS.map((id) => document.getElementById(id)).find((element) => element !== null)
  heading?.focus()
  // Until the heading is there and keeps the focus (the closing dialog lets go of it).
  if (heading && document.activeElement === heading) heading.scrollIntoView({ block: 'nearest' })
  else if (framesLeft > 0) window.requestAnimationFrame(() => focusSignedHeading(framesLeft - 1))
}

interface SignActaModalProps {
  detail: SessionDetail
  opened: boolean
  onClose: () => void
}

export function SignActaModal({ detail, opened, onClose }: SignActaModalProps) {
  const { t } = useTranslation()
  const sign = useSignActa()
  const form = useSigningCredentials()
  const { signer, error, setError } = form
  const [signFailed, setSignFailed] = useState(false)
  // Just signed: the dialog does not hand the focus back to its trigger, the heading of what was signed takes it.
  const [signedNow, setSignedNow] = useState(false)
  const [space, setSpace] = useState<string>(BY_CERTIFICATE)
  // The preview's status, with the SHA-256 of the document it is about: only that document's «lista» allows signing it.
  const [preview, setPreview] = useState<{ status: PreviewStatus; sha256: string } | null>(null)
  const { query: prepared, forget } = usePrepareActaSigning(detail.session.id, opened)
  // After a failed reload, the earlier document is not offered for signing: the failure is shown instead.
  const acta = prepared.isError ? null : (prepared.data ?? null)
  const pending = acta?.signers.filter((expected) => expected.status === 'pendiente') ?? []
  // A space that was signed meanwhile is no longer offered: back to «Según el certificado».
  const chosenSpace = pending.some((expected) => expected.memberId === space) ? space : BY_CERTIFICATE
  const more = detail.session.signedActa !== null
  // Out for signature: this signature joins the circuit's current file, the others sign on their own computers.
  const inCircuit = detail.session.status === 'en-firma'
  const busy = form.checking || sign.isPending
  const previewReady = acta !== null && !prepared.isFetching && preview?.sha256 === acta.sha256 && preview.status === 'lista'

  const close = (signed = false) => {
    setSignedNow(signed)
    // Nothing of the credentials outlives the dialog.
    form.reset()
    setSignFailed(false)
    setSpace(BY_CERTIFICATE)
    setPreview(null)
    sign.reset()
    // The next opening asks the core for the document again.
    forget()
    onClose()
  }

  const reload = () => {
    setError(null)
    setSignFailed(false)
    void prepared.refetch()
  }

  const confirm = async () => {
    const given = form.credentials()
    if (!given || !signer || !acta || !previewReady) return
    setError(null)
    setSignFailed(false)
    try {
      const next = await sign.mutateAsync({
        sessionId: detail.session.id,
        credentials: given,
        reason: form.reason,
        location: form.location,
        // The document shown is the one to sign: the core refuses if it changed since.
        expectedSha256: acta.sha256,
        signerId: chosenSpace === BY_CERTIFICATE ? null : chosenSpace,
      })
      if (next.session.status === 'en-firma') notifyDone(t('signing.doneInCircuit', { title: next.title, name: signer.name }), t('signing.doneInCircuitTitle'))
      else notifyDone(t('signing.done', { title: next.title, name: signer.name }), t('signing.doneTitle'))
      close(true)
      window.requestAnimationFrame(() => focusSignedHeading())
    } catch (failure) {
      setError(errorMessage(failure, t('errors.unexpected')))
      setSignFailed(true)
    }
  }

  return (
    <Modal
      opened={opened}
      onClose={busy ? () => undefined : () => close()}
      returnFocus={!signedNow}
      onExitTransitionEnd={() => setSignedNow(false)}
      title={
        <Text fw={700} size="lg" component="span">
          {more ? t('signing.modalTitleMore') : t('signing.modalTitle')}
        </Text>
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
      size="min(92rem, calc(100vw - 2rem))"
    >
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          {/* Beside the form, the preview stays in view while the form scrolls (below the dialog's sticky header). */}
          <Stack gap="sm" component="section" aria-labelledby="documento-a-firmar" pos="sticky" top={64}>
            <Stack gap={2}>
              <Title order={3} size="h5" id="documento-a-firmar">
                {t('signing.previewTitle')}
              </Title>
              <Text size="sm" c="dimmed">
                {inCircuit ? t('signing.previewHintCircuit') : acta?.alreadySigned ? t('signing.previewHintMore') : t('signing.previewHint')}
              </Text>
            </Stack>
            {acta ? (
              <PdfPreview contentBase64={acta.contentBase64} documentId={acta.sha256} onStatus={(status, sha256) => setPreview({ status, sha256 })} />
            ) : prepared.isError ? (
              <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} role="alert">
                <Stack gap="xs" align="flex-start">
                  <Text size="sm">{errorMessage(prepared.error, t('errors.unexpected'))}</Text>
                  <Button size="compact-sm" variant="default" leftSection={<IconRefresh size={16} aria-hidden />} onClick={reload} loading={prepared.isFetching}>
                    {t('signing.reload')}
                  </Button>
                </Stack>
              </Alert>
            ) : (
              <Center h="max(320px, min(60vh, 900px))" bg="var(--mantine-color-gray-1)" style={{ borderRadius: 'var(--mantine-radius-md)' }}>
                <Stack gap="sm" align="center" role="status">
                  <Loader size="md" />
                  <Text size="sm">{t('signing.preparing')}</Text>
                </Stack>
              </Center>
            )}
            {acta ? <DocumentFacts acta={acta} /> : null}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <Text size="sm">{inCircuit ? t('signing.introCircuit') : more ? t('signing.introMore') : t('signing.intro', { title: detail.title })}</Text>
            {acta ? <ExpectedSigners acta={acta} /> : null}
            {acta ? (
              <Select
                label={t('signing.field')}
                description={pending.length > 0 ? t('signing.fieldHint') : t('signing.noPending')}
                data={[
                  { value: BY_CERTIFICATE, label: t('signing.fieldAuto') },
                  ...pending.map((expected) => ({ value: expected.memberId, label: t('signing.fieldOption', { name: expected.name, capacity: expected.capacity }) })),
                ]}
                value={chosenSpace}
                onChange={(value) => setSpace(value ?? BY_CERTIFICATE)}
                allowDeselect={false}
                disabled={busy}
              />
            ) : null}
            <SigningCredentials state={form} busy={sign.isPending} />
            {signer && !previewReady ? (
              <Text size="sm" c="dimmed">
                {t('signing.previewFirst')}
              </Text>
            ) : null}
            {error ? (
              <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} role="alert">
                {error}
              </Alert>
            ) : null}
            <Group justify="flex-end">
              {signFailed ? (
                <Button variant="subtle" leftSection={<IconRefresh size={18} aria-hidden />} onClick={reload} disabled={busy} mr="auto">
                  {t('signing.reload')}
                </Button>
              ) : null}
              <Button variant="default" onClick={() => close()} disabled={busy}>
                {t('common.cancel')}
              </Button>
              <Button leftSection={<IconSignature size={18} aria-hidden />} disabled={!signer || form.checking || !previewReady} loading={sign.isPending} onClick={() => void confirm()}>
                {t('signing.confirm')}
              </Button>
            </Group>
          </Stack>
        </Grid.Col>
      </Grid>
    </Modal>
  )
}

/** The file name, its SHA-256 (what the core will sign) and the document's warnings. */
function DocumentFacts({ acta }: { acta: ActaSigningView }) {
  const { t } = useTranslation()
  return (
    <Stack gap={6}>
      <Text size="xs" c="dimmed" className="break-anywhere">
        {t('signing.fileName', { fileName: acta.fileName })}
      </Text>
      <Text size="xs" c="dimmed">
        {t('signing.sha256')}: <Code className="break-anywhere">{acta.sha256}</Code>
      </Text>
      {acta.warnings.length > 0 ? (
        <Alert color="yellow" variant="light" icon={<IconInfoCircle size={18} aria-hidden />} title={t('signing.warningsTitle')} role="note">
          <Stack gap={2}>
            {acta.warnings.map((warning) => (
              <Text size="sm" key={warning}>
                {warning}
              </Text>
            ))}
          </Stack>
        </Alert>
      ) : null}
    </Stack>
  )
}

/** Who is expected to sign and whether each reserved space is signed. */
function ExpectedSigners({ acta }: { acta: ActaSigningView }) {
  const { t } = useTranslation()
  if (acta.signers.length === 0) return null
  return (
    <Stack gap={4}>
      <Text size="xs" c="dimmed" fw={650} tt="uppercase" id="firmas-previstas">
        {t('signing.signers')}
      </Text>
      <Table verticalSpacing={6} aria-labelledby="firmas-previstas" withTableBorder>
        <Table.Tbody>
          {acta.signers.map((expected) => (
            <Table.Tr key={expected.memberId} data-signer={expected.memberId}>
              <Table.Td>
                <Text size="sm" fw={600} className="break-anywhere">
                  {expected.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {expected.capacity}
                </Text>
              </Table.Td>
              <Table.Td w={190} style={{ textAlign: 'right' }}>
                <Badge color={expected.status === 'firmada' ? 'green' : 'gray'} variant="light">
                  {t(`signing.signerStatus.${expected.status}`)}
                </Badge>
                {expected.status === 'firmada' && expected.signedAt ? (
                  <Text size="xs" c="dimmed">
                    {t('signing.signedOn', { date: formatDateTime(expected.signedAt) })}
                  </Text>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  )
}
