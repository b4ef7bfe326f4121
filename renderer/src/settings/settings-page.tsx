import { Grid, Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useSettings } from '../api/settings'
import { useStatus } from '../api/status'
import { PageHeader } from '../common/page-header'
import { ErrorState, LoadingCards } from '../common/query-state'
import { AboutCard } from './about-card'
import { AuditLinkCard } from '../audit/audit-link-card'
import { SettingsForm } from './settings-form'
import { TrustedAuthoritiesCard } from './trusted-authorities-card'
import { FullBackupCard } from './full-backup-card'

export function SettingsPage() {
  const { t } = useTranslation()
  const settings = useSettings()
  const status = useStatus()

  return (
    <>
      <PageHeader title={t('settings.title')} description={t('settings.description')} />
      <Stack gap="lg">
        <Grid gap="lg" align="flex-start">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            {settings.isPending ? (
              <LoadingCards count={1} />
            ) : settings.isError ? (
              <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
            ) : (
              <SettingsForm initial={settings.data} key={settings.dataUpdatedAt} />
            )}
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            {status.data?.state === 'listo' ? <AboutCard status={status.data} /> : <LoadingCards count={1} />}
          </Grid.Col>
        </Grid>
        <FullBackupCard />
        <TrustedAuthoritiesCard />
        <AuditLinkCard />
      </Stack>
    </>
  )
}
