/**
 * The lifecycle buttons of a session: exactly the transitions the core lists
 * in `allowedTransitions`, each confirmed in a dialog. A cancellation asks
 * for its reason; starting on another day than the session's date (the core
 * says so in `startDate`) warns and confirms that the real date is recorded;
 * a refusal shows the core's Spanish message. Once a change is made, the
 * button that opened the dialog is usually gone: the page says where the
 * focus goes next (`onSettled`).
 */
import { Alert, Button, Stack, Text, Textarea } from '@mantine/core'
import { IconAlertTriangle, IconBan, IconFlag, IconPlayerPlay, IconSend } from '@tabler/icons-react'
import { useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { SessionDetail } from '../../../main/core/contract/views'
import type { Session } from '../../../main/core/model/schema'
import { errorMessage } from '../api/api-error'
import { useSessionOperation } from '../api/sessions'
import { ConfirmModal } from '../common/confirm-modal'
import { formatLongDate } from '../common/dates'
import { notifyDone, notifyError } from '../common/notify'

type Target = Exclude<Session['status'], 'borrador' | 'en-firma' | 'firmada'>

const ICONS: Record<Target, ReactNode> = {
  convocada: <IconSend size={18} aria-hidden />,
  'en-curso': <IconPlayerPlay size={18} aria-hidden />,
  concluida: <IconFlag size={18} aria-hidden />,
  cancelada: <IconBan size={18} aria-hidden />,
}

const ORDER: Target[] = ['convocada', 'en-curso', 'concluida', 'cancelada']

/** One button per transition the core allows now. */
export function LifecycleButtons({
  detail,
  onSettled,
}: {
  detail: SessionDetail
  /** After a change of state, once its dialog has closed: where the focus goes; `focusButton` moves it to one of these buttons if the core offers it. */
  onSettled?: (status: Target, focusButton: (status: Session['status']) => boolean) => void
}) {
  const { t } = useTranslation()
  const [target, setTarget] = useState<Target | null>(null)
  const done = useRef<Target | null>(null)
  const buttons = useRef(new Map<Session['status'], HTMLButtonElement>())
  const targets = ORDER.filter((status) => detail.allowedTransitions.includes(status))
  const focusButton = (status: Session['status']) => {
    const button = buttons.current.get(status)
    button?.focus()
    return Boolean(button)
  }
  return (
    <>
      {targets.map((status) => (
        <Button
          key={status}
          ref={(element) => {
            if (element) buttons.current.set(status, element)
            else buttons.current.delete(status)
          }}
          leftSection={ICONS[status]}
          color={status === 'cancelada' ? 'red' : undefined}
          variant={status === 'cancelada' ? 'subtle' : 'filled'}
          onClick={() => setTarget(status)}
        >
          {t(`lifecycle.${status}.button`)}
        </Button>
      ))}
      <TransitionModal
        detail={detail}
        target={target}
        onClose={() => setTarget(null)}
        onDone={() => {
          done.current = target
        }}
        onExited={() => {
          const status = done.current
          done.current = null
          if (status) onSettled?.(status, focusButton)
        }}
      />
    </>
  )
}

export function TransitionModal({
  detail,
  target,
  onClose,
  before,
  onDone,
  onExited,
}: {
  detail: SessionDetail
  target: Target | null
  onClose: () => void
  /** Work to finish first, e.g. saving the notes being typed. */
  before?: () => Promise<void>
  onDone?: (detail: SessionDetail) => void
  /** After the closing transition, whether or not the change was made. */
  onExited?: () => void
}) {
  const { t } = useTranslation()
  const change = useSessionOperation('changeSessionStatus')
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [shown, setShown] = useState<Target>('convocada')
  if (target !== null && target !== shown) setShown(target)

  // Started on another day than its date: the core asks for the confirmation, the dialog words it.
  const otherDay = shown === 'en-curso' && detail.startDate?.differs === true ? detail.startDate : null

  const close = () => {
    setReason('')
    setError(null)
    onClose()
  }
  const confirm = async () => {
    if (!target) return
    setError(null)
    try {
      await before?.()
      const next = await change.mutateAsync({ id: detail.session.id, status: target, reason, ...(otherDay ? { confirmDate: true } : {}) })
      notifyDone(t(`lifecycle.${target}.done`, { title: next.title }))
      close()
      onDone?.(next)
    } catch (failure) {
      if (target === 'cancelada') {
        setError(errorMessage(failure, t('errors.unexpected')))
      } else {
        close()
        notifyError(failure)
      }
    }
  }

  return (
    <ConfirmModal
      opened={target !== null}
      title={t(`lifecycle.${shown}.title`)}
      confirmLabel={otherDay ? t('lifecycle.en-curso.otherDay.confirm') : t(`lifecycle.${shown}.confirm`)}
      dismissLabel={shown === 'cancelada' ? t('lifecycle.back') : undefined}
      color={shown === 'cancelada' ? 'red' : undefined}
      loading={change.isPending}
      onConfirm={() => void confirm()}
      onClose={close}
      onExited={onExited}
    >
      <Stack gap="md">
        {otherDay ? (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={20} aria-hidden />} title={t('lifecycle.en-curso.otherDay.title')}>
            <Stack gap="xs">
              <Text size="sm" fw={600}>
                {t('lifecycle.en-curso.otherDay.text', { scheduled: formatLongDate(otherDay.scheduled), today: formatLongDate(otherDay.today) })}
              </Text>
              <Text size="sm">{t('lifecycle.en-curso.otherDay.record', { startTime: detail.session.startTime })}</Text>
            </Stack>
          </Alert>
        ) : null}
        <Text size="sm">{t(`lifecycle.${shown}.text`, { title: detail.title })}</Text>
        {shown === 'cancelada' ? (
          <Textarea
            label={t('lifecycle.reason')}
            description={t('lifecycle.reasonHint')}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={error}
            autosize
            minRows={3}
            maxLength={1000}
            withAsterisk
            data-autofocus
          />
        ) : null}
      </Stack>
    </ConfirmModal>
  )
}
