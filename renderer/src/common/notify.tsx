/** Notifications with one look: green for done, red with the core's Spanish message for a refusal. */
import { notifications } from '@mantine/notifications'
import { IconCheck, IconX } from '@tabler/icons-react'
import { errorMessage } from '../api/api-error'
import { i18n } from '../i18n'

export function notifyDone(message: string, title: string = i18n.t('common.doneTitle')): void {
  notifications.show({ color: 'green', icon: <IconCheck size={18} aria-hidden />, title, message })
}

export function notifyError(error: unknown, title: string = i18n.t('errors.title')): void {
  notifications.show({
    color: 'red',
    icon: <IconX size={18} aria-hidden />,
    title,
    message: errorMessage(error, i18n.t('errors.unexpected')),
    autoClose: 8000,
  })
}
