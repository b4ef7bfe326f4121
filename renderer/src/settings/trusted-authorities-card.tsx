/**
 * «Autoridades de confianza»: the certificate authorities whose chains make a
 * signature «confiable». The core reads and checks each file; this card only
 * lists, imports and removes.
 */
import { ActionIcon, Button, Card, Code, CopyButton, FileButton, Group, Stack, Table, Text, Title, Tooltip, VisuallyHidden } from '@mantine/core'
import { IconCheck, IconCopy, IconFileCertificate, IconTrash } from '@tabler/icons-react'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TrustedAuthorityView } from '../../../main/core/contract/views'
import { errorMessage } from '../api/api-error'
import { useAddTrustedAuthority, useRemoveTrustedAuthority, useTrustedAuthorities } from '../api/settings'
import { formatDate } from '../common/dates'
import { ConfirmModal } from '../common/confirm-modal'
import { notifyDone, notifyError } from '../common/notify'
import { ErrorState, LoadingCards } from '../common/query-state'
import { readAsBase64 } from '../signing/read-file'

const ACCEPT = '.cer,.crt,.pem,application/pkix-cert,application/x-x509-ca-cert,application/x-pem-file'

/** «3F2A 91C0 7B1D 22E4…»: enough to tell two apart; the whole is in the tooltip and the copy button. */
function shortFingerprint(fingerprint: string): string {
  return `${(fingerprint.slice(0, 16).toUpperCase().match(/.{4}/g) ?? []).join(' ')}…`
}

export function TrustedAuthoritiesCard() {
  const { t } = useTranslation()
  const authorities = useTrustedAuthorities()
  const add = useAddTrustedAuthority()
  const remove = useRemoveTrustedAuthority()
  const [removing, setRemoving] = useState<TrustedAuthorityView | null>(null)
  const resetFile = useRef<() => void>(null)

  const importFile = async (file: File | null) => {
    if (!file) return
    const before = authorities.data?.length ?? 0
    try {
      const list = await add.mutateAsync({ fileName: file.name, contentBase64: await readAsBase64(file) })
      notifyDone(t('settings.trust.added', { count: Math.max(1, list.length - before) }))
    } catch (error) {
      notifyError(error)
    } finally {
      resetFile.current?.()
    }
  }

  return (
    <Card component="section" aria-labelledby="autoridades-confianza">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="md">
          <Stack gap={4} maw={720}>
            <Title order={2} id="autoridades-confianza">
              {t('settings.trust.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('settings.trust.explanation')}
            </Text>
          </Stack>
          <Stack gap={4} align="flex-end">
            <FileButton onChange={(file) => void importFile(file)} accept={ACCEPT} resetRef={resetFile}>
              {(props) => (
                <Button {...props} leftSection={<IconFileCertificate size={18} aria-hidden />} loading={add.isPending} aria-describedby="autoridades-importar-ayuda">
                  {t('settings.trust.import')}
                </Button>
              )}
            </FileButton>
            <Text size="xs" c="dimmed" id="autoridades-importar-ayuda" ta="right" maw={360}>
              {t('settings.trust.importHint')}
            </Text>
          </Stack>
        </Group>

        {authorities.isPending ? (
          <LoadingCards count={1} />
        ) : authorities.isError ? (
          <ErrorState error={authorities.error} onRetry={() => void authorities.refetch()} />
        ) : authorities.data.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('settings.trust.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="sm" horizontalSpacing="md" withTableBorder aria-label={t('settings.trust.listLabel')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('settings.trust.name')}</Table.Th>
                  <Table.Th>{t('settings.trust.issuer')}</Table.Th>
                  <Table.Th>{t('settings.trust.validTo')}</Table.Th>
                  <Table.Th>{t('settings.trust.fingerprint')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('settings.trust.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {authorities.data.map((authority) => (
                  <AuthorityRow key={authority.id} authority={authority} onRemove={() => setRemoving(authority)} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>

      <ConfirmModal
        opened={removing !== null}
        title={t('settings.trust.removeTitle', { name: removing?.name ?? '' })}
        confirmLabel={t('settings.trust.removeConfirm')}
        color="red"
        loading={remove.isPending}
        error={remove.error ? errorMessage(remove.error, t('errors.unexpected')) : null}
        onClose={() => {
          setRemoving(null)
          remove.reset()
        }}
        onConfirm={() => {
          if (!removing) return
          const { id, name } = removing
          remove.mutate(id, {
            onSuccess: () => {
              setRemoving(null)
              notifyDone(t('settings.trust.removed', { name }))
            },
          })
        }}
      >
        <Text size="sm">{t('settings.trust.removeText')}</Text>
      </ConfirmModal>
    </Card>
  )
}

function AuthorityRow({ authority, onRemove }: { authority: TrustedAuthorityView; onRemove: () => void }) {
  const { t } = useTranslation()
  // The moment the row was first shown is close enough to tell an expired authority.
  const [shownAt] = useState(() => Date.now())
  const expired = new Date(authority.validTo).getTime() < shownAt
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={600} className="break-anywhere">
          {authority.name}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" className="break-anywhere">
          {authority.issuer}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" c={expired ? 'red' : undefined} fw={expired ? 600 : undefined}>
          {expired ? t('settings.trust.expired', { date: formatDate(authority.validTo) }) : formatDate(authority.validTo)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <Tooltip label={<Code>{authority.fingerprint}</Code>} multiline maw={360}>
            <Text size="sm" ff="monospace" tabIndex={0}>
              {shortFingerprint(authority.fingerprint)}
            </Text>
          </Tooltip>
          <CopyButton value={authority.fingerprint}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? t('settings.trust.copied') : t('settings.trust.copyFingerprint', { name: authority.name })}>
                <ActionIcon variant="subtle" color={copied ? 'green' : 'gray'} onClick={copy} aria-label={t('settings.trust.copyFingerprint', { name: authority.name })}>
                  {copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        </Group>
      </Table.Td>
      <Table.Td>
        <Tooltip label={t('settings.trust.remove', { name: authority.name })}>
          <ActionIcon variant="subtle" color="red" onClick={onRemove} aria-label={t('settings.trust.remove', { name: authority.name })}>
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Tooltip>
      </Table.Td>
    </Table.Tr>
  )
}
