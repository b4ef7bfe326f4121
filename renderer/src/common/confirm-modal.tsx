import type { MantineColor } from '@mantine/core'
import type { ReactNode } from 'react'
import { FormModal } from './form-modal'

interface ConfirmModalProps {
  opened: boolean
  title: string
  children: ReactNode
  confirmLabel: string
  /** The label of the way back; «Cancelar» unless that would read as the action itself. */
  dismissLabel?: string
  color?: MantineColor
  loading?: boolean
  /** A refusal to show inside the dialog, e.g. the core's message. */
  error?: string | null
  onConfirm: () => void
  onClose: () => void
  /** After the closing transition, e.g. to move the focus somewhere better than the button that opened it. */
  onExited?: () => void
  /** The confirm button has the focus; false leaves it where the dialog puts it first (its close button). */
  focusConfirm?: boolean
}

const NO_FIELDS = {}

/** A yes/no question before something that cannot be undone; the confirm button has the focus. */
export function ConfirmModal({ opened, title, children, confirmLabel, dismissLabel, color, loading, error, onConfirm, onClose, onExited, focusConfirm = true }: ConfirmModalProps) {
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      onExited={onExited}
      title={title}
      initialValues={NO_FIELDS}
      onSubmit={onConfirm}
      submitLabel={confirmLabel}
      submitColor={color}
      cancelLabel={dismissLabel}
      pending={loading}
      error={error}
      focusSubmit={focusConfirm}
    >
      {() => <div>{children}</div>}
    </FormModal>
  )
}
