/**
 * «Firmar acta»: choose a .p12/.pfx or an e.firma (.cer + .key), type its
 * password, see who will sign («Verificar certificado»), then sign. The
 * password and the files live only in this dialog's state and are dropped
 * when it closes; the core's refusals (wrong password, expired certificate,
 * key not matching) are shown here, and nothing changes.
 */
import { Alert, Button, Group, Modal, PasswordInput, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { IconAlertTriangle, IconCertificate, IconLock, IconSignature } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SessionDetail, SignerView } from '../../../main/core/contract/views'
import { errorMessage } from '../api/api-error'
import { useDescribeCredentials, useSignActa, type Credentials } from '../api/signing'
import { notifyDone } from '../common/notify'
import { FilePick } from './file-pick'
import { readAsBase64 } from './read-file'
import { SignerCard } from './signer-card'

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
  const more = detail.session.signedActa !== null
  const busy = describe.isPending || sign.isPending

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
    setReason(t('signing.reasonDefault'))
    setLocation(t('signing.locationDefault'))
    describe.reset()
    sign.reset()
    onClose()
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
    if (!given || !signer) return
    setError(null)
    try {
      const next = await sign.mutateAsync({ sessionId: detail.session.id, credentials: given, reason, location })
      notifyDone(t('signing.done', { title: next.title, name: signer.name }), t('signing.doneTitle'))
      close()
    } catch (failure) {
      setError(errorMessage(failure, t('errors.unexpected')))
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
      size="xl"
    >
      <Stack gap="md">
        <Text size="sm">{more ? t('signing.introMore') : t('signing.intro', { title: detail.title })}</Text>
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
        {error ? (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} role="alert">
            {error}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={close} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button leftSection={<IconSignature size={18} aria-hidden />} disabled={!signer || describe.isPending} loading={sign.isPending} onClick={() => void confirm()}>
            {t('signing.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
