import { Group, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'

interface PageHeaderProps {
  title: ReactNode
  description?: ReactNode
  /** Buttons on the right, e.g. "Nuevo integrante". */
  actions?: ReactNode
  /** Shown above the title, e.g. breadcrumbs. */
  above?: ReactNode
}

/** The `<h1>` of every screen, with its one-line purpose and main actions. */
export function PageHeader({ title, description, actions, above }: PageHeaderProps) {
  return (
    <Stack gap={6} mb="lg">
      {above}
      <Group justify="space-between" align="flex-end" wrap="nowrap" gap="md">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Title order={1}>{title}</Title>
          {description ? (
            <Text c="dimmed" size="sm">
              {description}
            </Text>
          ) : null}
        </Stack>
        {actions ? (
          <Group gap="sm" wrap="nowrap">
            {actions}
          </Group>
        ) : null}
      </Group>
    </Stack>
  )
}
