import { Button, Center, EmptyState } from '@mantine/core'
import { IconMapQuestion } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

export function NotFoundPage() {
  const { t } = useTranslation()
  return (
    <Center mih="60vh" p="xl">
      <EmptyState
        variant="light"
        icon={<IconMapQuestion size={30} aria-hidden />}
      >
        <EmptyState.Title order={1}>{t('errors.notFoundTitle')}</EmptyState.Title>
        <EmptyState.Description>{t('errors.notFoundText')}</EmptyState.Description>
        <EmptyState.Actions>
          <Button component={Link} to="/sesiones">
            {t('errors.goHome')}
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </Center>
  )
}
