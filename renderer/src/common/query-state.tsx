/**
 * The states around data: loading (skeletons), failed (Spanish message and a
 * retry), empty (nothing yet: what to do, with the action) and no match
 * (there is data, the filters hide it: a way to clear them). Never a stack
 * trace.
 */
import { Alert, Button, EmptyState, Paper, Skeleton, Stack, Text } from '@mantine/core'
import { IconAlertTriangle, IconFilterOff, IconInbox, IconRefresh } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../api/api-error'

export function LoadingRows({ rows = 6, label }: { rows?: number; label?: string }) {
  const { t } = useTranslation()
  return (
    <Stack gap="xs" aria-busy="true" aria-label={label ?? t('common.loading')} role="status">
      <Skeleton height={36} radius="sm" />
      {Array.from({ length: rows }, (_, index) => (
        <Skeleton key={index} height={28} radius="sm" opacity={1 - index * (0.6 / rows)} />
      ))}
    </Stack>
  )
}

export function LoadingCards({ count = 3 }: { count?: number }) {
  const { t } = useTranslation()
  return (
    <Stack gap="md" aria-busy="true" aria-label={t('common.loading')} role="status">
      {Array.from({ length: count }, (_, index) => (
        <Skeleton key={index} height={140} radius="md" />
      ))}
    </Stack>
  )
}

export function ErrorState({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const { t } = useTranslation()
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle size={20} aria-hidden />}
      title={title ?? t('errors.loadTitle')}
      role="alert"
    >
      <Stack gap="sm" align="flex-start">
        <span>{errorMessage(error, t('errors.unexpected'))}</span>
        {onRetry ? (
          <Button
            size="xs"
            variant="white"
            color="red"
            leftSection={<IconRefresh size={14} aria-hidden />}
            onClick={onRetry}
          >
            {t('common.retry')}
          </Button>
        ) : null}
      </Stack>
    </Alert>
  )
}

interface EmptyProps {
  title: string
  description?: ReactNode
  icon?: ReactNode
  action?: ReactNode
}

export function Empty({ title, description, icon, action }: EmptyProps) {
  return (
    <Paper withBorder radius="md" py={48} px="lg">
      <EmptyState
        variant="light"
        icon={icon ?? <IconInbox size={28} aria-hidden />}
        title={title}
        description={description}
      >
        {action ? <EmptyState.Actions>{action}</EmptyState.Actions> : null}
      </EmptyState>
    </Paper>
  )
}

interface NoMatchProps {
  title: string
  /** How many there are, hidden by the filters, and what to do. */
  description: string
  onClear: () => void
}

/** There is data, but the search or the filters hide all of it: say so, and offer to clear them. */
export function NoMatch({ title, description, onClear }: NoMatchProps) {
  const { t } = useTranslation()
  return (
    <Stack gap="xs" align="center" py="md" role="status">
      <Text fw={600} c="gray.8">
        {title}
      </Text>
      <Text size="sm" c="gray.7" maw={560} ta="center">
        {description}
      </Text>
      <Button variant="default" size="sm" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={onClear}>
        {t('common.clearFilters')}
      </Button>
    </Stack>
  )
}
