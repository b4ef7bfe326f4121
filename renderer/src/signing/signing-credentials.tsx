/**
 * The signer's credentials, shared by «Firmar acta» (signing in the app) and
 * «Firmar acta recibida» (a member signing the acta sent to them): a .p12/.pfx
 * or an e.firma (.cer + .key) and its password, «Verificar certificado» to
 * see who will sign (name, RFC, CURP, issuer, validity), then the reason and
 * place of the signature. A password left empty that does not open the
 * file is asked for on the field, in the core's words. The files and the password
 * live only in this state; `reset` drops them, and the screens using it call
 * it when they close or once they have signed.
 */
import { Button, Group, PasswordInput, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { IconCertificate, IconLock } from '@tabler/icons-react'
import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { EMPTY_PASSWORD_MESSAGE } from '../../../main/core/contract/document-inputs'
import type { SignerView } from '../../../main/core/contract/views'
import { errorMessage } from '../api/api-error'
import { useDescribeCredentials, type Credentials } from '../api/signing'
import { FilePick } from './file-pick'
import { readAsBase64 } from './read-file'
import { SignerCard } from './signer-card'

type Kind = Credentials['kind']
interface Picked {
  name: string
  base64: string
}

export interface SigningCredentialsState {
  kind: Kind
  setKind: (kind: Kind) => void
  p12: Picked | null
  cer: Picked | null
  key: Picked | null
  password: string
  setPassword: (password: string) => void
  /** Why the password cannot be tried (it is empty), shown on the field; null otherwise. */
  passwordError: string | null
  /** Counts the times the password was asked for: each one takes the focus to the field. */
  passwordAsked: number
  reason: string
  setReason: (reason: string) => void
  location: string
  setLocation: (location: string) => void
  /** Who the verified certificate names; null until «Verificar certificado» succeeds for the current credentials. */
  signer: SignerView | null
  /** The last failure to show (reading a file, the certificate check, or one the screen reports with `setError`). */
  error: string | null
  setError: (error: string | null) => void
  pickP12: (file: File | null) => void
  pickCer: (file: File | null) => void
  pickKey: (file: File | null) => void
  /** The credentials as the bridge takes them, or null while a file is missing. */
  credentials: () => Credentials | null
  /** The certificate is being checked. */
  checking: boolean
  check: () => Promise<void>
  /** Forgets the files, the password, the verified signer and the error. */
  reset: () => void
}

export function useSigningCredentials(): SigningCredentialsState {
  const { t } = useTranslation()
  const describe = useDescribeCredentials()
  const [kind, setKindState] = useState<Kind>('p12')
  const [p12, setP12] = useState<Picked | null>(null)
  const [cer, setCer] = useState<Picked | null>(null)
  const [key, setKey] = useState<Picked | null>(null)
  const [password, setPasswordState] = useState('')
  const [passwordError, setPasswordError] = useState<string | null>(null)
  const [passwordAsked, setPasswordAsked] = useState(0)
  const [reason, setReason] = useState<string>(() => t('signing.reasonDefault'))
  const [location, setLocation] = useState<string>(() => t('signing.locationDefault'))
  const [signer, setSigner] = useState<SignerView | null>(null)
  const [error, setError] = useState<string | null>(null)

  // Whatever changes the credentials asks for a new check before signing.
  const changed = () => {
    setSigner(null)
    setError(null)
  }

  const pick = (set: (value: Picked | null) => void) => (file: File | null) => {
    changed()
    if (!file) return
    readAsBase64(file).then(
      (base64) => set({ name: file.name, base64 }),
      () => {
        set(null)
        setError(t('signing.readFailed', { name: file.name }))
      },
    )
  }

  const credentials = (): Credentials | null => {
    if (kind === 'p12') return p12 ? { kind, p12Base64: p12.base64, password } : null
    return cer && key ? { kind, cerBase64: cer.base64, keyBase64: key.base64, password } : null
  }

  const check = async () => {
    const given = credentials()
    if (!given) return
    setError(null)
    try {
      setSigner(await describe.mutateAsync(given))
    } catch (failure) {
      setSigner(null)
      const message = errorMessage(failure, t('errors.unexpected'))
      // The core tried the empty password and asks for one: said on the field, which takes the focus.
      if (message === EMPTY_PASSWORD_MESSAGE) {
        setPasswordError(message)
        setPasswordAsked((count) => count + 1)
      } else setError(message)
    }
  }

  const reset = () => {
    setKindState('p12')
    setP12(null)
    setCer(null)
    setKey(null)
    setPasswordState('')
    setPasswordError(null)
    setSigner(null)
    setError(null)
    setReason(t('signing.reasonDefault'))
    setLocation(t('signing.locationDefault'))
    describe.reset()
  }

  return {
    kind,
    setKind: (next) => {
      setKindState(next)
      changed()
    },
    p12,
    cer,
    key,
    password,
    setPassword: (next) => {
      setPasswordState(next)
      setPasswordError(null)
      changed()
    },
    passwordError,
    passwordAsked,
    reason,
    setReason,
    location,
    setLocation,
    signer,
    error,
    setError,
    pickP12: pick(setP12),
    pickCer: pick(setCer),
    pickKey: pick(setKey),
    credentials,
    checking: describe.isPending,
    check,
    reset,
  }
}

interface SigningCredentialsProps {
  state: SigningCredentialsState
  /** Signing is under way: nothing can be changed. */
  busy: boolean
}

/** The certificate type, its files, the password with «Verificar certificado», and once verified the signer, reason and place. */
export function SigningCredentials({ state, busy }: SigningCredentialsProps) {
  const { t } = useTranslation()
  const disabled = busy || state.checking
  const ready = state.credentials() !== null
  const kindLabel = `${useId()}-tipo-de-certificado`
  const passwordField = useRef<HTMLInputElement>(null)
  // The password was asked for: the field takes the focus, its message is read with it.
  useEffect(() => {
    if (state.passwordAsked > 0) passwordField.current?.focus()
  }, [state.passwordAsked])
  return (
    <>
      <Stack gap={4}>
        <Text size="sm" fw={600} id={kindLabel}>
          {t('signing.kindLabel')}
        </Text>
        <SegmentedControl
          fullWidth
          aria-labelledby={kindLabel}
          value={state.kind}
          onChange={(value) => state.setKind(value === 'efirma' ? 'efirma' : 'p12')}
          data={[
            { value: 'p12', label: t('signing.kinds.p12') },
            { value: 'efirma', label: t('signing.kinds.efirma') },
          ]}
          disabled={disabled}
        />
      </Stack>
      {state.kind === 'p12' ? (
        <FilePick
          label={t('signing.p12Label')}
          buttonLabel={t('signing.chooseP12')}
          accept=".p12,.pfx,application/x-pkcs12"
          fileName={state.p12?.name ?? null}
          onPick={state.pickP12}
          disabled={disabled}
        />
      ) : (
        <Stack gap="sm">
          <FilePick
            label={t('signing.cerLabel')}
            buttonLabel={t('signing.chooseCer')}
            accept=".cer,.crt,.der,application/pkix-cert"
            fileName={state.cer?.name ?? null}
            onPick={state.pickCer}
            disabled={disabled}
          />
          <FilePick label={t('signing.keyLabel')} buttonLabel={t('signing.chooseKey')} accept=".key" fileName={state.key?.name ?? null} onPick={state.pickKey} disabled={disabled} />
        </Stack>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault()
          void state.check()
        }}
      >
        <Group align="flex-end" gap="sm" wrap="nowrap">
          <PasswordInput
            label={t('signing.password')}
            description={state.kind === 'p12' ? t('signing.passwordHintP12') : t('signing.passwordHintEfirma')}
            value={state.password}
            onChange={(event) => state.setPassword(event.currentTarget.value)}
            ref={passwordField}
            error={state.passwordError}
            autoComplete="off"
            leftSection={<IconLock size={16} aria-hidden />}
            disabled={disabled}
            maxLength={256}
            style={{ flex: 1 }}
            visibilityToggleButtonProps={{ 'aria-label': t('signing.showPassword') }}
          />
          <Button
            type="submit"
            variant={state.signer ? 'default' : 'filled'}
            leftSection={<IconCertificate size={18} aria-hidden />}
            disabled={!ready || busy}
            loading={state.checking}
          >
            {t('signing.check')}
          </Button>
        </Group>
      </form>
      {state.signer ? (
        <>
          <SignerCard signer={state.signer} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput label={t('signing.reason')} value={state.reason} onChange={(event) => state.setReason(event.currentTarget.value)} maxLength={200} disabled={disabled} />
            <TextInput label={t('signing.location')} value={state.location} onChange={(event) => state.setLocation(event.currentTarget.value)} maxLength={200} disabled={disabled} />
          </SimpleGrid>
        </>
      ) : (
        <Text size="sm" c="dimmed">
          {t('signing.checkFirst')}
        </Text>
      )}
    </>
  )
}
