/** «Restaurar un respaldo completo» as a card of its own, for the recovery screen. */
import { Button, Card, Group, Stack, Text, Title } from '@mantine/core'
import { IconArchive } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { RestoreBackupModal } from './restore-backup-modal'

export function RestoreFullBackupOffer() {
  const { t } = useTranslation()
  const [opened, setOpened] = useState(false)
  return (
    <Card component="section" aria-labelledby="restaurar-respaldo-completo">
      <Stack gap="sm">
        <Title order={2} id="restaurar-respaldo-completo">
          {t('restoreBackup.offerTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('restoreBackup.offerText')}
        </Text>
        <Group>
          <Button variant="default" leftSection={<IconArchive size={18} aria-hidden />} onClick={() => setOpened(true)}>
            {t('fullBackup.restore')}
          </Button>
        </Group>
      </Stack>
      <RestoreBackupModal opened={opened} onClose={() => setOpened(false)} />
    </Card>
  )
}
