import { notifications } from '@mantine/notifications'
import { i18n } from '../i18n'
import { errorMessage } from './api-error'
import { call } from './call'

/** Opens a web or mail link outside the app; main decides whether it is allowed. */
export async function openExternal(url: string): Promise<void> {
  try {
    await call('openExternal', { url })
  } catch (error) {
    notifications.show({
      color: 'red',
      title: i18n.t('errors.title'),
      message: errorMessage(error, i18n.t('errors.unexpected')),
    })
  }
}
