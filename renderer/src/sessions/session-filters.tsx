import { Group, Select } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { SESSION_STATUSES, SESSION_TYPES } from '../../../main/core/model/schema'

interface SessionFiltersProps {
  years: number[]
  year: string | null
  type: string | null
  status: string | null
  onYear: (value: string | null) => void
  onType: (value: string | null) => void
  onStatus: (value: string | null) => void
}

export function SessionFilters(props: SessionFiltersProps) {
  const { t } = useTranslation()
  return (
    <Group gap="md" align="flex-end">
      <Select
        label={t('sessions.filters.year')}
        placeholder={t('common.all')}
        data={props.years.map(String)}
        value={props.year}
        onChange={props.onYear}
        clearable
        w={140}
      />
      <Select
        label={t('sessions.filters.type')}
        placeholder={t('common.allFeminine')}
        data={SESSION_TYPES.map((value) => ({ value, label: t(`enums.sessionType.${value}`) }))}
        value={props.type}
        onChange={props.onType}
        clearable
        w={200}
      />
      <Select
        label={t('sessions.filters.status')}
        placeholder={t('common.all')}
        data={SESSION_STATUSES.map((value) => ({ value, label: t(`enums.sessionStatus.${value}`) }))}
        value={props.status}
        onChange={props.onStatus}
        clearable
        w={200}
      />
    </Group>
  )
}
