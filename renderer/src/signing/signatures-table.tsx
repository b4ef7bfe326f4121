/**
 * The signatures of a PDF as the core verified them: who signed (RFC, CURP),
 * in which signature field, when (the time the signer declared, in Mexico
 * City), whether the signed bytes are intact, whether the document was
 * modified after the signature (in red, with the core's list of changes),
 * whether it certifies the document, whether it covers the whole document,
 * and how far its certificate can be trusted, with the core's explanation.
 */
import { Alert, Badge, Group, List, Stack, Table, Text, type MantineColor } from '@mantine/core'
import { IconAlertTriangle, IconInfoCircle, IconCircleCheck, IconCircleX, IconShieldCheck, IconRosetteDiscountCheck } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { SignatureView } from '../../../main/core/contract/views'
import { formatInstantTime, formatShortDate } from '../common/dates'

const TRUST_COLORS: Record<string, MantineColor> = {
  confiable: 'green',
  autofirmado: 'yellow',
  'emisor-desconocido': 'yellow',
  vencido: 'orange',
  'no-vigente-al-firmar': 'red',
  'cadena-invalida': 'red',
  'sin-certificado': 'red',
}
const TRUST_KEYS = ['confiable', 'autofirmado', 'emisor-desconocido', 'vencido', 'no-vigente-al-firmar', 'cadena-invalida', 'sin-certificado'] as const
type TrustKey = (typeof TRUST_KEYS)[number]
const isTrustKey = (value: string): value is TrustKey => (TRUST_KEYS as readonly string[]).includes(value)

function Check({ ok, yes, no }: { ok: boolean; yes: string; no: string }) {
  return (
    <Group gap={6} wrap="nowrap">
      {ok ? <IconCircleCheck size={20} color="var(--mantine-color-green-7)" aria-hidden /> : <IconCircleX size={20} color="var(--mantine-color-red-7)" aria-hidden />}
      <Text size="sm" fw={600} c={ok ? 'green.8' : 'red.8'}>
        {ok ? yes : no}
      </Text>
    </Group>
  )
}

/**
 * Whether the signed bytes are intact, and whether anything but a later
 * signature changed the document after it: then the signature is red and the
 * core's list of changes is shown, even though its own bytes are intact.
 */
function Integrity({ signature }: { signature: SignatureView }) {
  const { t } = useTranslation()
  if (!signature.intact || !signature.modifiedAfter) return <Check ok={signature.intact} yes={t('verify.intactYes')} no={t('verify.intactNo')} />
  return (
    <Stack gap={4}>
      <Badge color="red" variant="filled" leftSection={<IconAlertTriangle size={14} aria-hidden />} style={{ whiteSpace: 'normal', height: 'auto', paddingBlock: 2 }}>
        {t('verify.modified')}
      </Badge>
      {signature.changes.length > 0 ? (
        <List size="xs" c="red.8" spacing={2} aria-label={t('verify.changes')}>
          {signature.changes.map((change) => (
            <List.Item key={change}>{change}</List.Item>
          ))}
        </List>
      ) : null}
      <Text size="xs" c="dimmed">
        {t('verify.signedPartIntact')}
      </Text>
    </Stack>
  )
}

/** Whether a signature covers the whole file; an earlier one followed by later signatures is expected not to. */
function Coverage({ signature, followed }: { signature: SignatureView; followed: boolean }) {
  const { t } = useTranslation()
  if (signature.coversWholeDocument || !followed || !signature.intact || signature.modifiedAfter) return <Check ok={signature.coversWholeDocument} yes={t('verify.yes')} no={t('verify.no')} />
  return (
    <Stack gap={2}>
      <Group gap={6} wrap="nowrap">
        <IconInfoCircle size={20} color="var(--mantine-color-gray-6)" aria-hidden />
        <Text size="sm" fw={600} c="gray.7">
          {t('verify.followed')}
        </Text>
      </Group>
      <Text size="xs" c="dimmed">
        {t('verify.followedHint')}
      </Text>
    </Stack>
  )
}

/** One line saying what the whole set of signatures means. */
export function SignaturesSummary({ signatures }: { signatures: SignatureView[] }) {
  const { t } = useTranslation()
  let color: MantineColor = 'green'
  let text: string
  let icon: ReactNode = <IconShieldCheck size={20} aria-hidden />
  if (signatures.length === 0) {
    color = 'gray'
    text = t('verify.none')
    icon = <IconAlertTriangle size={20} aria-hidden />
  } else if (signatures.some((signature) => !signature.intact)) {
    color = 'red'
    text = t('verify.someBroken')
    icon = <IconCircleX size={20} aria-hidden />
  } else if (signatures.some((signature) => signature.modifiedAfter)) {
    color = 'red'
    text = t('verify.modifiedSummary')
    icon = <IconCircleX size={20} aria-hidden />
  } else if (!signatures[signatures.length - 1]?.coversWholeDocument) {
    color = 'orange'
    text = t('verify.notWhole')
    icon = <IconAlertTriangle size={20} aria-hidden />
  } else {
    text = t('verify.allIntact')
  }
  return (
    <Alert color={color} variant="light" icon={icon} role="status">
      {text}
    </Alert>
  )
}

export function SignaturesTable({ signatures }: { signatures: SignatureView[] }) {
  const { t } = useTranslation()
  if (signatures.length === 0) return <SignaturesSummary signatures={signatures} />
  return (
    <Stack gap="sm">
      <SignaturesSummary signatures={signatures} />
      <Table.ScrollContainer minWidth={860}>
        <Table verticalSpacing="sm" horizontalSpacing="md" withTableBorder aria-label={t('verify.tableLabel')} highlightOnHover={false}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={56}>{t('verify.columns.number')}</Table.Th>
              <Table.Th>{t('verify.columns.signer')}</Table.Th>
              <Table.Th w={130}>{t('verify.columns.signedAt')}</Table.Th>
              <Table.Th w={190}>{t('verify.columns.intact')}</Table.Th>
              <Table.Th w={170}>{t('verify.columns.whole')}</Table.Th>
              <Table.Th w="32%">{t('verify.columns.trust')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {signatures.map((signature, index) => (
              <Table.Tr
                key={index}
                style={{ verticalAlign: 'top', background: signature.modifiedAfter ? 'var(--mantine-color-red-0)' : undefined }}
                data-signature={index + 1}
                data-modified={signature.modifiedAfter ? 'true' : undefined}
              >
                <Table.Td>
                  <Text fw={700} size="sm">{index + 1}</Text>
                </Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    <Text fw={600} size="sm" className="break-anywhere">
                      {signature.signer ?? t('verify.unknownSigner')}
                    </Text>
                    {signature.rfc || signature.curp ? (
                      <Text size="xs" ff="monospace">
                        {[signature.rfc ? `${t('signing.rfc')} ${signature.rfc}` : null, signature.curp ? `${t('signing.curp')} ${signature.curp}` : null].filter(Boolean).join(' · ')}
                      </Text>
                    ) : null}
                    {signature.issuer ? (
                      <Text size="xs" c="dimmed" className="break-anywhere">
                        {t('verify.issuer', { issuer: signature.issuer })}
                      </Text>
                    ) : null}
                    {signature.field ? (
                      <Text size="xs" c="dimmed" className="break-anywhere">
                        {t('verify.field', { field: signature.field })}
                      </Text>
                    ) : null}
                    {signature.certified ? (
                      <Stack gap={0}>
                        <Group gap={4} wrap="nowrap">
                          <IconRosetteDiscountCheck size={16} color="var(--mantine-color-blue-7)" aria-hidden style={{ flexShrink: 0 }} />
                          <Text size="xs" c="blue.8" fw={650}>
                            {t('verify.certified')}
                          </Text>
                        </Group>
                        <Text size="xs" c="dimmed">
                          {t('verify.certifiedHint')}
                        </Text>
                      </Stack>
                    ) : null}
                    {signature.reason ? (
                      <Text size="xs" c="dimmed">
                        {t('verify.reasonLocation', { reason: signature.reason })}
                        {signature.location ? ` · ${t('verify.location', { location: signature.location })}` : ''}
                      </Text>
                    ) : null}
                    {signature.problems.length > 0 ? (
                      <List size="xs" c="red.8" spacing={2} aria-label={t('verify.problems')}>
                        {signature.problems.map((problem) => (
                          <List.Item key={problem}>{problem}</List.Item>
                        ))}
                      </List>
                    ) : null}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  {signature.signedAt ? (
                    <Text size="sm">
                      {formatShortDate(signature.signedAt)}
                      <br />
                      {formatInstantTime(signature.signedAt)} h
                    </Text>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('verify.noDate')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Integrity signature={signature} />
                </Table.Td>
                <Table.Td>
                  <Coverage signature={signature} followed={index < signatures.length - 1} />
                </Table.Td>
                <Table.Td>
                  <Stack gap={4}>
                    <Badge color={TRUST_COLORS[signature.trust] ?? 'gray'} variant="light">
                      {isTrustKey(signature.trust) ? t(`verify.trust.${signature.trust}`) : signature.trust}
                    </Badge>
                    {signature.trustExplanation ? (
                      <Text size="xs" c="dimmed">
                        {signature.trustExplanation}
                      </Text>
                    ) : null}
                  </Stack>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed">
        {t('verify.timeNote')}
      </Text>
    </Stack>
  )
}
