import { Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/** People answerable for an agreement, then the institutions, smaller. */
export function Responsibles({ names, institutions }: { names: string[]; institutions: string[] }) {
  const { t } = useTranslation()
  const people = [...new Set(names)]
  const bodies = [...new Set(institutions)].filter((name) => !people.includes(name))
  if (people.length === 0 && bodies.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('common.none')}
      </Text>
    )
  }
  return (
    <Stack gap={2}>
      {people.map((name) => (
        <Text key={name} size="sm">
          {name}
        </Text>
      ))}
      {bodies.map((name) => (
        <Text key={name} size="xs" c="dimmed">
          {name}
        </Text>
      ))}
    </Stack>
  )
}
