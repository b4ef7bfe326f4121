import { Button, Center, EmptyState, Group } from '@mantine/core'
import { IconHome, IconMoodSad, IconRefresh } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'

/** What the user sees when a screen fails: no stack, two ways forward. */
export function CrashNotice({ onRetry }: { onRetry?: () => void }) {
  const { t } = useTranslation()
  return (
    <Center mih="60vh" p="xl" role="alert">
      <EmptyState
        variant="light"
        color="red"
        icon={<IconMoodSad size={30} aria-hidden />}
        title={t('errors.crashTitle')}
        description={t('errors.crashText')}
      >
        <EmptyState.Actions>
          <Group>
            {onRetry ? (
              <Button leftSection={<IconRefresh size={16} aria-hidden />} onClick={onRetry}>
                {t('common.retry')}
              </Button>
            ) : null}
            <Button
              variant="default"
              component="a"
              href="#/sesiones"
              leftSection={<IconHome size={16} aria-hidden />}
              onClick={() => onRetry?.()}
            >
              {t('errors.goHome')}
            </Button>
          </Group>
        </EmptyState.Actions>
      </EmptyState>
    </Center>
  )
}
