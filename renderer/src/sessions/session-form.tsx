/**
 * The fields of a session shared by "Nueva sesión" and "Editar datos": when,
 * how and where it meets, and who chairs and takes the minutes.
 */
import { SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { DatePickerInput, TimePicker } from '@mantine/dates'
import type { UseFormReturnType } from '@mantine/form'
import { IconCalendar, IconClock } from '@tabler/icons-react'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { MemberRow } from '../../../main/core/contract/views'
import { MODALITIES, type Session } from '../../../main/core/model/schema'
import { nameSortKey } from '../common/format'
import { CALENDAR_IN_DIALOG } from '../common/calendar'

export interface SessionFieldValues {
  date: string | null
  startTime: string
  endTime: string
  modality: Session['modality']
  venue: string
  link: string
  chairId: string | null
  secretaryId: string | null
}

export function memberOptions(members: readonly MemberRow[], keep: (string | null)[] = []) {
  return members
    .filter((member) => member.active || keep.includes(member.id))
    .sort((a, b) => nameSortKey(a.fullName).localeCompare(nameSortKey(b.fullName), 'es-MX'))
    .map((member) => ({ value: member.id, label: `${member.fullName} · ${member.institution}` }))
}

/** The fields as the core's session schemas take them: only the place or the link the modality uses. */
export function sessionFieldsInput(values: SessionFieldValues) {
  return {
    date: values.date ?? '',
    startTime: values.startTime,
    modality: values.modality,
    venue: values.modality === 'virtual' ? '' : values.venue,
    link: values.modality === 'presencial' ? '' : values.link.trim(),
    chairId: values.chairId,
    secretaryId: values.secretaryId,
  }
}

interface Props<V extends SessionFieldValues> {
  form: UseFormReturnType<V, unknown>
  members: readonly MemberRow[]
  /** The edit form also offers the end time. */
  withEndTime?: boolean
}


export function SessionFields<V extends SessionFieldValues>({ form, members, withEndTime = false }: Props<V>) {
  const { t } = useTranslation()
  // The form's generic paths are typed loosely by Mantine; these fields exist on every V.
  const f = form as unknown as UseFormReturnType<SessionFieldValues, unknown>
  const values = f.values
  const options = useMemo(() => memberOptions(members, [values.chairId, values.secretaryId]), [members, values.chairId, values.secretaryId])
  const online = values.modality !== 'presencial'
  const inPerson = values.modality !== 'virtual'

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: withEndTime ? 3 : 2 }}>
        <DatePickerInput
          label={t('sessionForm.date')}
          leftSection={<IconCalendar size={16} aria-hidden />}
          valueFormat={withEndTime ? 'D [de] MMMM [de] YYYY' : 'dddd D [de] MMMM [de] YYYY'}
          popoverProps={CALENDAR_IN_DIALOG}
          withAsterisk
          {...f.getInputProps('date')}
        />
        <TimePicker
          label={t('sessionForm.startTime')}
          leftSection={<IconClock size={16} aria-hidden />}
          format="24h"
          hoursInputLabel={t('sessionForm.hours')}
          minutesInputLabel={t('sessionForm.minutes')}
          withAsterisk
          {...f.getInputProps('startTime')}
        />
        {withEndTime ? (
          <TimePicker
            label={t('sessionForm.endTime')}
            description={t('sessionForm.endTimeHint')}
            leftSection={<IconClock size={16} aria-hidden />}
            format="24h"
            hoursInputLabel={t('sessionForm.endHours')}
            minutesInputLabel={t('sessionForm.endMinutes')}
            clearable
            {...f.getInputProps('endTime')}
          />
        ) : null}
      </SimpleGrid>
      <Stack gap={4}>
        <Text size="sm" fw={500} id="modalidad-label">
          {t('sessionForm.modality')}
        </Text>
        <SegmentedControl
          aria-labelledby="modalidad-label"
          data={MODALITIES.map((value) => ({ value, label: t(`enums.modality.${value}`) }))}
          {...f.getInputProps('modality')}
        />
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: online && inPerson ? 2 : 1 }}>
        {inPerson ? <TextInput label={t('sessionForm.venue')} autoComplete="off" {...f.getInputProps('venue')} /> : null}
        {online ? (
          <TextInput
            label={t('sessionForm.link')}
            placeholder="https://"
            type="url"
            autoComplete="off"
            {...f.getInputProps('link')}
          />
        ) : null}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('sessionForm.chair')}
          placeholder={t('sessionForm.choosePerson')}
          data={options}
          searchable
          clearable
          nothingFoundMessage={t('common.noResults')}
          {...f.getInputProps('chairId')}
        />
        <Select
          label={t('sessionForm.secretary')}
          placeholder={t('sessionForm.choosePerson')}
          data={options}
          searchable
          clearable
          nothingFoundMessage={t('common.noResults')}
          {...f.getInputProps('secretaryId')}
        />
      </SimpleGrid>
    </Stack>
  )
}
