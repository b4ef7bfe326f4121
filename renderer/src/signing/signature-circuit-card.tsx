/**
 * «Circuito de firma»: an acta out for signature travels to each signer, who
 * signs it on their own computer with their own e.firma, and comes back with
 * one more signature. The card shows, as the core computes it, who signed
 * (when, with which certificate), who is pending and who signs next; the
 * current file to send («Guardar archivo actual»); «Recibir acta firmada»
 * for the file a signer returns (the core's refusal shown as it says it);
 * «Cambiar orden»; and «Firmar acta» for whoever signs here, at this
 * computer. Once everyone signed, the card stays as a read-only record.
 */
import { Alert, Badge, Button, Code, Divider, FileButton, Group, Paper, Stack, Table, Text, ThemeIcon, Title } from '@mantine/core'
import { IconAlertTriangle, IconArrowsSort, IconDownload, IconFileUpload, IconFolderOpen, IconRoute, IconSignature } from '@tabler/icons-react'
import type { TFunction } from 'i18next'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CircuitSignerView, SessionDetail, SignatureCircuitView } from '../../../main/core/contract/views'
import { errorMessage } from '../api/api-error'
import { useDownloadCurrentActa, useOpenActasFolder, useReceiveSignedActa, useSignatureCircuit } from '../api/signing'
import { formatDate, formatDateTime, formatInstantTime } from '../common/dates'
import { notifyDone, notifyError } from '../common/notify'
import { ErrorState } from '../common/query-state'
import { readAsBase64 } from './read-file'
import { SignActaModal } from './sign-acta-modal'
import { SignatureOrderModal } from './signature-order-modal'

export function SignatureCircuitCard({ detail }: { detail: SessionDetail }) {
  const { t } = useTranslation()
  const sessionId = detail.session.id
  const started = detail.session.signatureCircuit !== null
  const circuit = useSignatureCircuit(sessionId, started)
  const download = useDownloadCurrentActa()
  const openFolder = useOpenActasFolder()
  const receive = useReceiveSignedActa()
  const [refusal, setRefusal] = useState<{ fileName: string; message: string } | null>(null)
  const [ordering, setOrdering] = useState(false)
  const [signing, setSigning] = useState(false)
  if (!started) return null

  const open = detail.can.receiveSignature
  const view = circuit.data

  const save = async () => {
    try {
      const fileName = await download.mutateAsync(sessionId)
      notifyDone(t('circuit.saved', { fileName }))
    } catch (error) {
      notifyError(error)
    }
  }

  const receiveFile = async (file: File | null) => {
    if (!file) return
    setRefusal(null)
    let contentBase64: string
    try {
      contentBase64 = await readAsBase64(file)
    } catch {
      setRefusal({ fileName: file.name, message: t('signing.readFailed', { name: file.name }) })
      return
    }
    const before = view?.signers ?? []
    try {
      const { circuit: after } = await receive.mutateAsync({ sessionId, contentBase64 })
      notifyDone(receivedMessage(t, before, after), t('circuit.receivedTitle'))
    } catch (error) {
      setRefusal({ fileName: file.name, message: errorMessage(error, t('errors.unexpected')) })
    }
  }

  return (
    <Paper withBorder p="lg" mb="lg" component="section" aria-labelledby="circuito-de-firma" data-state={view?.state}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="md">
          <Group gap="md" wrap="nowrap" align="flex-start" style={{ flex: 1, minWidth: 320 }}>
            <ThemeIcon size={44} radius="md" color={view?.state === 'firmada' ? 'green' : 'grape'} variant="light" aria-hidden>
              <IconRoute size={24} />
            </ThemeIcon>
            <Stack gap={4} style={{ minWidth: 0 }}>
              <Group gap="xs">
                <Title order={2} size="h3" id="circuito-de-firma" tabIndex={-1}>
                  {t('circuit.title')}
                </Title>
                {view ? (
                  <>
                    <Badge color={view.state === 'firmada' ? 'green' : 'grape'} variant="light">
                      {t(`circuit.states.${view.state}`)}
                    </Badge>
                    <Badge color="gray" variant="outline">
                      {t('circuit.progress', { signed: view.signers.filter((signer) => signer.status === 'firmada').length, total: view.signers.length })}
                    </Badge>
                  </>
                ) : null}
              </Group>
              <Text size="sm">
                {view?.startedAt ? `${t('circuit.startedAt', { date: formatDate(view.startedAt), time: formatInstantTime(view.startedAt) })} ` : ''}
                {view?.state === 'firmada' ? t('circuit.doneText') : t('circuit.text')}
              </Text>
            </Stack>
          </Group>
          {open ? (
            <Group gap="sm">
              <Button variant="default" leftSection={<IconArrowsSort size={18} aria-hidden />} onClick={() => setOrdering(true)} aria-haspopup="dialog">
                {t('circuit.changeOrder')}
              </Button>
              {detail.can.signActa ? (
                <Button variant="light" leftSection={<IconSignature size={18} aria-hidden />} onClick={() => setSigning(true)} aria-haspopup="dialog">
                  {t('signing.sign')}
                </Button>
              ) : null}
            </Group>
          ) : null}
        </Group>
        {circuit.isError ? <ErrorState error={circuit.error} onRetry={() => void circuit.refetch()} /> : null}
        {view ? <SignersTable signers={view.signers} /> : null}
        {view?.current && open ? (
          <>
            <Divider />
            <CurrentFile current={view.current} />
            <Group gap="sm">
              <Button variant="default" leftSection={<IconDownload size={18} aria-hidden />} loading={download.isPending} onClick={() => void save()}>
                {t('circuit.download')}
              </Button>
              <Button variant="subtle" leftSection={<IconFolderOpen size={18} aria-hidden />} loading={openFolder.isPending} onClick={() => openFolder.mutate(undefined, { onError: (error) => notifyError(error) })}>
                {t('circuit.openFolder')}
              </Button>
              <FileButton onChange={(file) => void receiveFile(file)} accept="application/pdf,.pdf">
                {(props) => (
                  <Button {...props} leftSection={<IconFileUpload size={18} aria-hidden />} loading={receive.isPending}>
                    {t('circuit.receive')}
                  </Button>
                )}
              </FileButton>
            </Group>
            <Text size="xs" c="dimmed">
              {t('circuit.receiveHint')}
            </Text>
          </>
        ) : null}
        {refusal ? (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertTriangle size={20} aria-hidden />}
            title={t('circuit.refusedTitle', { fileName: refusal.fileName })}
            role="alert"
            withCloseButton
            closeButtonLabel={t('common.close')}
            onClose={() => setRefusal(null)}
          >
            {refusal.message}
          </Alert>
        ) : null}
      </Stack>
      <SignatureOrderModal detail={detail} opened={ordering} onClose={() => setOrdering(false)} mode="change" />
      <SignActaModal detail={detail} opened={signing} onClose={() => setSigning(false)} />
    </Paper>
  )
}

/** «Se recibió la firma de X. Sigue Y.», from the circuit before and after the file was received. */
function receivedMessage(t: TFunction, before: CircuitSignerView[], after: SignatureCircuitView): string {
  const wasSigned = new Set(before.filter((signer) => signer.status === 'firmada').map((signer) => signer.memberId))
  const added = after.signers.filter((signer) => signer.status === 'firmada' && !wasSigned.has(signer.memberId))
  const names = added.map((signer) => signer.name).join(', ')
  const who = names ? t('circuit.receivedFrom', { name: names }) : t('circuit.receivedSome')
  if (after.state === 'firmada') return `${who} ${t('circuit.receivedAll')}`
  const next = after.signers.find((signer) => signer.next)
  return next ? `${who} ${t('circuit.receivedNext', { name: next.name })}` : who
}

/** The expected signers in signing order: state, date, certificate and who signs next. */
function SignersTable({ signers }: { signers: CircuitSignerView[] }) {
  const { t } = useTranslation()
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing={8} aria-label={t('circuit.tableLabel')} withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={56}>{t('circuit.columns.order')}</Table.Th>
            <Table.Th>{t('circuit.columns.signer')}</Table.Th>
            <Table.Th w={170}>{t('circuit.columns.status')}</Table.Th>
            <Table.Th w={170}>{t('circuit.columns.signedAt')}</Table.Th>
            <Table.Th>{t('circuit.columns.certificate')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {signers.map((signer, index) => (
            <Table.Tr
              key={signer.memberId}
              data-signer={signer.memberId}
              data-status={signer.status}
              data-next={signer.next ? 'true' : undefined}
              bg={signer.next ? 'var(--mantine-color-grape-0)' : undefined}
            >
              <Table.Td>
                <Text size="sm" fw={600}>
                  {index + 1}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={600} className="break-anywhere">
                  {signer.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {signer.capacity}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={6}>
                  <Badge color={signer.status === 'firmada' ? 'green' : 'gray'} variant="light">
                    {t(`signing.signerStatus.${signer.status}`)}
                  </Badge>
                  {signer.next ? (
                    <Badge color="grape" variant="filled">
                      {t('circuit.next')}
                    </Badge>
                  ) : null}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={signer.signedAt ? undefined : 'dimmed'} style={{ whiteSpace: 'nowrap' }}>
                  {signer.signedAt ? `${formatDateTime(signer.signedAt)} h` : t('common.none')}
                </Text>
              </Table.Td>
              <Table.Td>
                {signer.certificate ? (
                  <Stack gap={0}>
                    <Text size="sm" className="break-anywhere">
                      {signer.certificate.name}
                    </Text>
                    {signer.certificate.rfc ? (
                      <Text size="xs" c="dimmed">
                        {t('signing.rfc')}{' '}
                        <Text span ff="monospace" size="xs">
                          {signer.certificate.rfc}
                        </Text>
                      </Text>
                    ) : null}
                    {signer.certificate.serial ? (
                      <Text size="xs" c="dimmed" className="break-anywhere">
                        {t('circuit.serial')}{' '}
                        <Text span ff="monospace" size="xs">
                          {signer.certificate.serial}
                        </Text>
                      </Text>
                    ) : null}
                  </Stack>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('common.none')}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

/** The file to send to the next signer: its name, SHA-256 and how many signatures it carries. */
function CurrentFile({ current }: { current: NonNullable<SignatureCircuitView['current']> }) {
  const { t } = useTranslation()
  return (
    <Stack gap={4} role="group" aria-label={t('circuit.currentTitle')}>
      <Text size="xs" c="dimmed" fw={650} tt="uppercase">
        {t('circuit.currentTitle')}
      </Text>
      <Group gap="sm">
        <Text size="sm" ff="monospace" className="break-anywhere">
          {current.fileName}
        </Text>
        <Badge color="gray" variant="light">
          {t('circuit.signatures', { count: current.signatures })}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed">
        {t('signing.sha256')}: <Code className="break-anywhere">{current.sha256}</Code>
      </Text>
    </Stack>
  )
}
