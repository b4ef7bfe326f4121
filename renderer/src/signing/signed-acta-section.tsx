/**
 * A signed session: the lock («la sesión está bloqueada; correcciones como fe
 * de erratas»), who signed and when, the signed PDF to download, its
 * verification (stored file integrity and each signature), another signer,
 * and the fe de erratas.
 */
import { Alert, Badge, Button, Code, Divider, Group, Paper, Stack, Table, Text, ThemeIcon, Title } from '@mantine/core'
import { IconCircleCheck, IconCircleX, IconDownload, IconLock, IconShieldCheck, IconUserPlus } from '@tabler/icons-react'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SessionDetail, SignedActaCheck } from '../../../main/core/contract/views'
import { useDownloadSignedActa, useVerifySignedActa } from '../api/signing'
import { formatDate, formatDateTime, formatInstantTime } from '../common/dates'
import { notifyDone, notifyError } from '../common/notify'
import { ErrataCard } from './errata-card'
import { SignActaModal } from './sign-acta-modal'
import { SignaturesTable } from './signatures-table'

export function SignedActaSection({ detail }: { detail: SessionDetail }) {
  const { t } = useTranslation()
  const signed = detail.session.signedActa
  const download = useDownloadSignedActa()
  const verify = useVerifySignedActa()
  const [check, setCheck] = useState<{ at: string; result: SignedActaCheck } | null>(null)
  const [signing, setSigning] = useState(false)
  // A new signature changes the file: an earlier check no longer describes it.
  const [checkedHash, setCheckedHash] = useState<string | null>(null)
  const resultHeading = useRef<HTMLHeadingElement>(null)
  // Out for signature, the signatures received so far are followed in the «Circuito de firma» card.
  if (!signed || detail.session.status === 'en-firma') return null
  const current = check && checkedHash === signed.sha256 ? check : null

  const save = async () => {
    try {
      const fileName = await download.mutateAsync(detail.session.id)
      notifyDone(t('signed.downloaded', { fileName }))
    } catch (error) {
      notifyError(error)
    }
  }
  const runCheck = async () => {
    try {
      const result = await verify.mutateAsync(detail.session.id)
      setCheck({ at: result.checkedAt, result })
      setCheckedHash(signed.sha256)
      // The result appears below: take the focus (and the view) there.
      window.requestAnimationFrame(() => resultHeading.current?.focus())
    } catch (error) {
      notifyError(error)
    }
  }

  return (
    <Stack gap="lg" mb="lg">
      <Paper withBorder p="lg" component="section" aria-labelledby="acta-firmada">
        <Stack gap="md">
          <Group justify="space-between" align="flex-start" gap="md">
            <Group gap="md" wrap="nowrap" align="flex-start" style={{ flex: 1, minWidth: 320 }}>
              <ThemeIcon size={44} radius="md" color="green" variant="light" aria-hidden>
                <IconLock size={24} />
              </ThemeIcon>
              <Stack gap={4} style={{ minWidth: 0 }}>
                <Group gap="xs">
                  <Title order={2} size="h3" id="acta-firmada" tabIndex={-1}>
                    {t('signed.title')}
                  </Title>
                  <Badge color="green" variant="light">
                    {t('signed.signersCount', { count: signed.signers.length })}
                  </Badge>
                </Group>
                <Text size="sm">{t('signed.lockText', { date: formatDate(signed.signedAt), time: formatInstantTime(signed.signedAt) })}</Text>
              </Stack>
            </Group>
            <Group gap="sm">
              <Button variant="default" leftSection={<IconDownload size={18} aria-hidden />} loading={download.isPending} onClick={() => void save()}>
                {t('signed.download')}
              </Button>
              <Button variant="default" leftSection={<IconShieldCheck size={18} aria-hidden />} loading={verify.isPending} onClick={() => void runCheck()}>
                {t('signed.verify')}
              </Button>
              <Button variant="light" leftSection={<IconUserPlus size={18} aria-hidden />} onClick={() => setSigning(true)} aria-haspopup="dialog">
                {t('signing.addSigner')}
              </Button>
            </Group>
          </Group>
          <Divider />
          <Stack gap="xs">
            <Text size="xs" c="dimmed" fw={650} tt="uppercase">
              {t('signed.signers')}
            </Text>
            <Table verticalSpacing={6} aria-label={t('signed.signers')}>
              <Table.Tbody>
                {signed.signers.map((signer, index) => (
                  <Table.Tr key={`${signer.name}-${signer.signedAt}`}>
                    <Table.Td w={32}>
                      <Text size="sm" c="dimmed">
                        {index + 1}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {signer.name}
                      </Text>
                      {signer.field ? (
                        <Text size="xs" c="dimmed">
                          {t('verify.field', { field: signer.field })}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {signer.rfc ?? ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c="dimmed">
                        {t('signed.signedAt', { date: `${formatDateTime(signer.signedAt)} h` })}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Text size="xs" c="dimmed">
              {t('signed.sha256')}: <Code className="break-anywhere">{signed.sha256}</Code>
            </Text>
          </Stack>
          {current ? (
            <Stack gap="sm" aria-labelledby="verificacion-acta" component="section">
              <Divider />
              <Group justify="space-between" gap="sm">
                <Title order={3} size="h4" id="verificacion-acta" ref={resultHeading} tabIndex={-1}>
                  {t('verify.resultTitle')}
                </Title>
                <Text size="xs" c="dimmed">
                  {t('verify.checkedAt', { time: formatInstantTime(current.at) })}
                </Text>
              </Group>
              <Alert
                color={current.result.storedIntact ? 'green' : 'red'}
                variant="light"
                title={t('verify.storedTitle')}
                icon={current.result.storedIntact ? <IconCircleCheck size={20} aria-hidden /> : <IconCircleX size={20} aria-hidden />}
              >
                {current.result.storedIntact ? t('verify.storedIntact') : t('verify.storedChanged')}
              </Alert>
              <SignaturesTable signatures={current.result.signatures} />
            </Stack>
          ) : null}
        </Stack>
      </Paper>
      <ErrataCard detail={detail} />
      <SignActaModal detail={detail} opened={signing} onClose={() => setSigning(false)} />
    </Stack>
  )
}
