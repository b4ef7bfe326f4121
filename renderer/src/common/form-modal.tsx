/**
 * The dialog of every form: a title, the fields, the core's refusal and the
 * «Cancelar» / submit pair with its progress. Each opening starts from the
 * given values (the body mounts when the dialog opens and unmounts once it
 * has closed); the field marked `data-autofocus` takes the focus, Escape and
 * the close button close it, and Intro in a field submits. Closing a form
 * with typed text asks first: nothing typed is thrown away by a stray Escape.
 * The buttons stay visible at the foot of the dialog while a long form
 * scrolls.
 */
import { Alert, Button, Group, Modal, ScrollArea, Stack, Text, type MantineColor, type ModalProps } from '@mantine/core'
import { useForm, type FormValidateInput, type UseFormReturnType } from '@mantine/form'
import { getHotkeyHandler } from '@mantine/hooks'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useEffect, useRef, useState, type MutableRefObject, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../api/api-error'
import { FORM_ERROR } from './zod-form'
import dialog from './dialog.module.css'

export type ModalForm<V, T = V> = UseFormReturnType<V, T>

export interface FormModalProps<V, T = V> {
  opened: boolean
  onClose: () => void
  /** After the closing transition, e.g. to move the focus somewhere better than the button that opened it. */
  onExited?: () => void
  title: ReactNode
  /** A line under the title: what the form belongs to. */
  subtitle?: ReactNode
  size?: ModalProps['size']
  /** Long forms scroll inside the dialog. */
  scrollable?: boolean
  /** The values each opening starts from. */
  initialValues: V
  validate?: FormValidateInput<V>
  /** What the submit handler receives, e.g. the schema's parsed input (see `zodForm`). */
  transformValues?: (values: V) => T
  /** Saves. A rejection's message is shown in the dialog, which stays open with what was typed. */
  onSubmit: (submitted: T, form: ModalForm<V, T>) => unknown
  submitLabel: ReactNode
  submitColor?: MantineColor
  /** The save is running: the submit button shows it and «Cancelar» waits. */
  pending?: boolean
  /** A refusal the caller holds, shown like the submit handler's. */
  error?: string | null
  errorTitle?: string
  /** The label of the way back; «Cancelar» unless that would read as the action itself. */
  cancelLabel?: string
  /** Beside the buttons, e.g. a keyboard hint. */
  footer?: ReactNode
  /** Ctrl+Intro submits from any field, a multi-line one too. */
  submitOnModEnter?: boolean
  /** The submit button takes the focus instead of the field marked `data-autofocus`. */
  focusSubmit?: boolean
  /** The fields, given the form. */
  children: (form: ModalForm<V, T>) => ReactNode
}

export function FormModal<V extends object, T = V>(props: FormModalProps<V, T>) {
  const { opened, onClose, onExited, title, subtitle, size, scrollable } = props
  const { t } = useTranslation()
  const guard = useDiscardGuard(onClose, props.pending ?? false)
  return (
    <Modal
      opened={opened}
      onClose={guard.requestClose}
      onExitTransitionEnd={() => {
        guard.reset()
        onExited?.()
      }}
      size={size}
      scrollAreaComponent={scrollable ? ScrollArea.Autosize : undefined}
      title={<ModalHeading title={title} subtitle={subtitle} />}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <FormBody {...props} onClose={guard.requestClose} guard={guard} />
    </Modal>
  )
}

interface DiscardGuard {
  /** Set by the form after each render: whether it holds typed text. */
  dirtyRef: MutableRefObject<() => boolean>
  /** The question «¿Descartar lo escrito?» is on screen. */
  asking: boolean
  /** Closes, or asks first when the form holds typed text; while asking, goes back to the form. */
  requestClose: () => void
  keepEditing: () => void
  discard: () => void
  reset: () => void
}

function useDiscardGuard(onClose: () => void, pending: boolean): DiscardGuard {
  const dirtyRef = useRef<() => boolean>(() => false)
  const [asking, setAsking] = useState(false)
  // Where the secretary was typing, to return there after «Seguir editando».
  const typingIn = useRef<HTMLElement | null>(null)
  const keepEditing = () => {
    setAsking(false)
    const field = typingIn.current
    typingIn.current = null
    if (field?.isConnected) requestAnimationFrame(() => field.focus())
  }
  return {
    dirtyRef,
    asking,
    requestClose: () => {
      // While a save runs the dialog stays: its answer (or refusal) is shown with what was typed.
      if (pending) return
      if (asking) keepEditing()
      else if (dirtyRef.current()) {
        typingIn.current = document.activeElement instanceof HTMLElement ? document.activeElement : null
        setAsking(true)
      } else onClose()
    },
    keepEditing,
    discard: () => {
      setAsking(false)
      onClose()
    },
    reset: () => {
      setAsking(false)
      typingIn.current = null
      dirtyRef.current = () => false
    },
  }
}

/**
 * «Seguir editando» takes the focus when the question appears, and keeps it
 * through the next frame: a re-render of the page behind the dialog (an
 * autosave answering) must not leave the focus in the field just left.
 */
function focusOnAsk(button: HTMLButtonElement | null): void {
  if (!button) return
  button.focus()
  requestAnimationFrame(() => {
    const active = document.activeElement
    if (button.isConnected && active !== button && (active === null || active === document.body || button.closest('[role="dialog"]')?.contains(active))) button.focus()
  })
}

/** The title of every dialog, with an optional dimmed line under it. */
export function ModalHeading({ title, subtitle }: { title: ReactNode; subtitle?: ReactNode }) {
  const heading = (
    <Text fw={700} size="lg">
      {title}
    </Text>
  )
  return subtitle ? (
    <Stack gap={0}>
      {heading}
      <Text size="sm" c="dimmed" lineClamp={1}>
        {subtitle}
      </Text>
    </Stack>
  ) : (
    heading
  )
}

function FormBody<V extends object, T>({
  onClose,
  guard,
  initialValues,
  validate,
  transformValues,
  onSubmit,
  submitLabel,
  submitColor,
  pending = false,
  error,
  errorTitle,
  cancelLabel,
  footer,
  submitOnModEnter = false,
  focusSubmit = false,
  children,
}: FormModalProps<V, T> & { guard: DiscardGuard }) {
  const { t } = useTranslation()
  const form = useForm<V, T>({ initialValues, validate, transformValues })
  const [refusal, setRefusal] = useState<string | null>(null)
  const { dirtyRef } = guard
  useEffect(() => {
    dirtyRef.current = () => form.isDirty()
  })

  const submit = form.onSubmit(async (submitted) => {
    setRefusal(null)
    try {
      await onSubmit(submitted, form)
    } catch (failure) {
      setRefusal(errorMessage(failure, t('errors.unexpected')))
    }
  })
  const shown = error ?? refusal ?? form.errors[FORM_ERROR]

  return (
    <form
      onSubmit={(event) => {
        // The dialog is portalled, but React still bubbles its submit to any form around the component that opened it.
        event.stopPropagation()
        submit(event)
      }}
      onKeyDown={submitOnModEnter ? getHotkeyHandler([['mod+Enter', () => submit()]]) : undefined}
      noValidate
    >
      <Stack gap="md">
        {children(form)}
        {shown ? (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} role="alert" title={errorTitle}>
            {shown}
          </Alert>
        ) : null}
        {guard.asking ? (
          <div className={dialog.footer}>
            <Alert
              color="orange"
              variant="light"
              icon={<IconAlertTriangle size={18} aria-hidden />}
              title={t('common.discardTitle')}
            >
              <Stack gap="sm">
                <Text size="sm">{t('common.discardText')}</Text>
                <Group justify="flex-end">
                  <Button variant="default" onClick={guard.discard}>
                    {t('common.discard')}
                  </Button>
                  <Button onClick={guard.keepEditing} ref={focusOnAsk}>
                    {t('common.keepEditing')}
                  </Button>
                </Group>
              </Stack>
            </Alert>
          </div>
        ) : (
          <Group justify={footer ? 'space-between' : 'flex-end'} className={dialog.footer}>
            {footer}
            <Group>
              <Button variant="default" onClick={onClose} disabled={pending}>
                {cancelLabel ?? t('common.cancel')}
              </Button>
              <Button type="submit" color={submitColor} loading={pending} data-autofocus={focusSubmit || undefined}>
                {submitLabel}
              </Button>
            </Group>
          </Group>
        )}
      </Stack>
    </form>
  )
}

/** What a dialog was opened with, kept while it closes so its title and fields do not change mid-transition. */
export function useOpenedWith<T>(opened: boolean, value: T): T {
  const [kept, setKept] = useState(value)
  if (opened && kept !== value) setKept(value)
  return opened ? value : kept
}
