/** In Configuración: where the bitácora went (its own section, with filters and CSV export). */
import { Button, Card, Group, Stack, Text, Title } from '@mantine/core'
import { IconArrowRight, IconHistory } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

export function AuditLinkCard() {
  const { t } = useTranslation()
  return (
    <Card component="section" aria-labelledby="bitacora">
      <Group justify="space-between" gap="md">
        <Group gap="md" wrap="nowrap">
          <IconHistory size={28} stroke={1.5} aria-hidden color="var(--mantine-color-institucional-8)" />
          <Stack gap={2}>
            <Title order={2} id="bitacora">
              {t('audit.card.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('audit.card.text')}
            </Text>
          </Stack>
        </Group>
        <Button component={Link} to="/bitacora" variant="light" rightSection={<IconArrowRight size={16} aria-hidden />}>
          {t('audit.card.open')}
        </Button>
      </Group>
    </Card>
  )
}
