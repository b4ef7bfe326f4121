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
 * shown here, and nothing changes.
 */
import { Alert, Badge, Button, Center, Code, Grid, Group, Loader, Modal, PasswordInput, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { IconAlertTriangle, IconCertificate, IconInfoCircle, IconLock, IconRefresh, IconSignature } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ActaSigningView, SessionDetail, SignerView } from '../../../main/core/contract/views'
import { errorMessage } from '../api/api-error'
import { useDescribeCredentials, usePrepareActaSigning, useSignActa, type Credentials } from '../api/signing'
import { formatDateTime } from '../common/dates'
import { notifyDone } from '../common/notify'
import { FilePick } from './file-pick'
import { PdfPreview, type PreviewStatus } from './pdf-preview'
import { readAsBase64 } from './read-file'
import { SignerCard } from './signer-card'

/** The Select's value for «Según el certificado» (signerId null); '*' is never part of an id. */
const BY_CERTIFICATE = '*certificado*'

type Kind = Credentials['kind']
interface Picked {
  name: string
  base64: string
}

interface SignActaModalProps {
  detail: SessionDetail
  opened: boolean
  onClose: () => void
}

export function SignActaModal({ detail, opened, onClose }: SignActaModalProps) {
  const { t } = useTranslation()
  const describe = useDescribeCredentials()
  const sign = useSignActa()
  const [kind, setKind] = useState<Kind>('p12')
  const [p12, setP12] = useState<Picked | null>(null)
  const [cer, setCer] = useState<Picked | null>(null)
  const [key, setKey] = useState<Picked | null>(null)
  const [password, setPassword] = useState('')
  const [reason, setReason] = useState<string>(() => t('signing.reasonDefault'))
  const [location, setLocation] = useState<string>(() => t('signing.locationDefault'))
  const [signer, setSigner] = useState<SignerView | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [signFailed, setSignFailed] = useState(false)
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
  const busy = describe.isPending || sign.isPending
  const previewReady = acta !== null && !prepared.isFetching && preview?.sha256 === acta.sha256 && preview.status === 'lista'

  // Whatever changes the credentials asks for a new check before signing.
  const changed = () => {
    setSigner(null)
    setError(null)
  }

  const pick = (set: (value: Picked | null) => void) => async (file: File | null) => {
    changed()
    if (!file) return
    try {
      set({ name: file.name, base64: await readAsBase64(file) })
    } catch {
      set(null)
      setError(t('signing.readFailed', { name: file.name }))
    }
  }

  const credentials = (): Credentials | null => {
    if (kind === 'p12') return p12 ? { kind, p12Base64: p12.base64, password } : null
    return cer && key ? { kind, cerBase64: cer.base64, keyBase64: key.base64, password } : null
  }
  const ready = credentials() !== null

  const close = () => {
    // Nothing of the credentials outlives the dialog.
    setP12(null)
    setCer(null)
    setKey(null)
    setPassword('')
    setSigner(null)
    setError(null)
    setSignFailed(false)
    setSpace(BY_CERTIFICATE)
    setPreview(null)
    setReason(t('signing.reasonDefault'))
    setLocation(t('signing.locationDefault'))
    describe.reset()
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

  const check = async () => {
    const given = credentials()
    if (!given) return
    setError(null)
    try {
      setSigner(await describe.mutateAsync(given))
    } catch (failure) {
      setSigner(null)
      setError(errorMessage(failure, t('errors.unexpected')))
    }
  }

  const confirm = async () => {
    const given = credentials()
    if (!given || !signer || !acta || !previewReady) return
    setError(null)
    setSignFailed(false)
    try {
      const next = await sign.mutateAsync({
        sessionId: detail.session.id,
        credentials: given,
        reason,
        location,
        // The document shown is the one to sign: the core refuses if it changed since.
        expectedSha256: acta.sha256,
        signerId: chosenSpace === BY_CERTIFICATE ? null : chosenSpace,
      })
      notifyDone(t('signing.done', { title: next.title, name: signer.name }), t('signing.doneTitle'))
      close()
    } catch (failure) {
      setError(errorMessage(failure, t('errors.unexpected')))
      setSignFailed(true)
    }
  }

  return (
    <Modal
      opened={opened}
      onClose={busy ? () => undefined : close}
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
                {acta?.alreadySigned ? t('signing.previewHintMore') : t('signing.previewHint')}
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
            <Text size="sm">{more ? t('signing.introMore') : t('signing.intro', { title: detail.title })}</Text>
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
            <Stack gap={4}>
              <Text size="sm" fw={600} id="tipo-de-certificado">
                {t('signing.kindLabel')}
              </Text>
              <SegmentedControl
                fullWidth
                aria-labelledby="tipo-de-certificado"
                value={kind}
                onChange={(value) => {
                  setKind(value === 'efirma' ? 'efirma' : 'p12')
                  changed()
                }}
                data={[
                  { value: 'p12', label: t('signing.kinds.p12') },
                  { value: 'efirma', label: t('signing.kinds.efirma') },
                ]}
                disabled={busy}
              />
            </Stack>
            {kind === 'p12' ? (
              <FilePick
                label={t('signing.p12Label')}
                buttonLabel={t('signing.chooseP12')}
                accept=".p12,.pfx,application/x-pkcs12"
                fileName={p12?.name ?? null}
                onPick={(file) => void pick(setP12)(file)}
                disabled={busy}
              />
            ) : (
              <Stack gap="sm">
                <FilePick
                  label={t('signing.cerLabel')}
                  buttonLabel={t('signing.chooseCer')}
                  accept=".cer,.crt,.der,application/pkix-cert"
                  fileName={cer?.name ?? null}
                  onPick={(file) => void pick(setCer)(file)}
                  disabled={busy}
                />
                <FilePick
                  label={t('signing.keyLabel')}
                  buttonLabel={t('signing.chooseKey')}
                  accept=".key"
                  fileName={key?.name ?? null}
                  onPick={(file) => void pick(setKey)(file)}
                  disabled={busy}
                />
              </Stack>
            )}
            <form
              onSubmit={(event) => {
                event.preventDefault()
                void check()
              }}
            >
              <Group align="flex-end" gap="sm" wrap="nowrap">
                <PasswordInput
                  label={t('signing.password')}
                  description={kind === 'p12' ? t('signing.passwordHintP12') : t('signing.passwordHintEfirma')}
                  value={password}
                  onChange={(event) => {
                    setPassword(event.currentTarget.value)
                    changed()
                  }}
                  autoComplete="off"
                  leftSection={<IconLock size={16} aria-hidden />}
                  disabled={busy}
                  maxLength={256}
                  style={{ flex: 1 }}
                  visibilityToggleButtonProps={{ 'aria-label': t('signing.showPassword') }}
                />
                <Button type="submit" variant={signer ? 'default' : 'filled'} leftSection={<IconCertificate size={18} aria-hidden />} disabled={!ready || sign.isPending} loading={describe.isPending}>
                  {t('signing.check')}
                </Button>
              </Group>
            </form>
            {signer ? (
              <>
                <SignerCard signer={signer} />
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                  <TextInput label={t('signing.reason')} value={reason} onChange={(event) => setReason(event.currentTarget.value)} maxLength={200} disabled={busy} />
                  <TextInput label={t('signing.location')} value={location} onChange={(event) => setLocation(event.currentTarget.value)} maxLength={200} disabled={busy} />
                </SimpleGrid>
              </>
            ) : (
              <Text size="sm" c="dimmed">
                {t('signing.checkFirst')}
              </Text>
            )}
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
              <Button variant="default" onClick={close} disabled={busy}>
                {t('common.cancel')}
              </Button>
              <Button leftSection={<IconSignature size={18} aria-hidden />} disabled={!signer || describe.isPending || !previewReady} loading={sign.isPending} onClick={() => void confirm()}>
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
