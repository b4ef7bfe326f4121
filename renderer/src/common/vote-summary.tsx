import { Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Vote } from '../../../main/core/model/schema'

/** "Por unanimidad · 12 votos a favor" or "Por mayoría · A favor: 9 · en contra: 2 · abstenciones: 1". */
export function VoteSummary({ vote }: { vote: Vote }) {
  const { t } = useTranslation()
  const total = vote.favor + vote.contra + vote.abstenciones
  if (total === 0 && !vote.unanimous) {
    return (
      <Text size="sm" c="dimmed">
        {t('vote.none')}
      </Text>
    )
  }
  return (
    <Stack gap={0}>
      <Text size="sm" fw={600}>
        {vote.unanimous ? t('vote.unanimous') : t('vote.majority')}
      </Text>
      <Text size="xs" c="dimmed">
        {vote.unanimous
          ? t('vote.unanimousDetail', { count: vote.favor })
          : t('vote.majorityDetail', { favor: vote.favor, contra: vote.contra, abstenciones: vote.abstenciones })}
      </Text>
    </Stack>
  )
}
