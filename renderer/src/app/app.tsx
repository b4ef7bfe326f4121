/**
 * The first thing the window does: ask main whether the data file opened.
 * A healthy file shows the app; a damaged one shows the recovery screen
 * instead of the shell, so nothing can be edited over a broken file; one that
 * another program holds shows the lock screen.
 */
import { Center, Container, Loader, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { RouterProvider } from 'react-router'
import { useTranslation } from 'react-i18next'
import { useStatus } from '../api/status'
import { ErrorState } from '../common/query-state'
import { LockScreen } from '../recovery/lock-screen'
import { RecoveryScreen } from '../recovery/recovery-screen'
import { createRouter } from './router'

export function App() {
  const { t } = useTranslation()
  const status = useStatus()
  const [router] = useState(createRouter)

  const opening = (
    <Center mih="100dvh">
      <Stack align="center" gap="sm" role="status">
        <Loader size="lg" />
        <Text c="dimmed">{t('app.opening')}</Text>
      </Stack>
    </Center>
  )
  if (status.isPending) return opening
  if (status.isError) {
    return (
      <Container size="sm" py={80}>
        <ErrorState error={status.error} onRetry={() => void status.refetch()} />
      </Container>
    )
  }
  // The recovery and lock screens come with the app: the path for a damaged disk loads nothing more.
  if (status.data.state === 'recuperacion') return <RecoveryScreen status={status.data} />
  if (status.data.state === 'bloqueado') return <LockScreen status={status.data} />
  return <RouterProvider router={router} />
}
