import { Alert, Button, Group, Modal, Stack, Text, type MantineColor } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

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
}

/** A yes/no question before something that cannot be undone; the confirm button has the focus. */
export function ConfirmModal({ opened, title, children, confirmLabel, dismissLabel, color, loading, error, onConfirm, onClose, onExited }: ConfirmModalProps) {
  const { t } = useTranslation()
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      onExitTransitionEnd={onExited}
      title={
        <Text fw={700} size="lg">
          {title}
        </Text>
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="lg">
        <div>{children}</div>
        {error ? (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} role="alert">
            {error}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={loading}>
            {dismissLabel ?? t('common.cancel')}
          </Button>
          <Button color={color} loading={loading} onClick={onConfirm} data-autofocus>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
