/**
 * Create or edit a member in a modal. Errors appear beside their fields in
 * Spanish; a failure reported by main appears as a notification and the form
 * stays open with what the user typed.
 */
import { Button, Divider, Group, Modal, Radio, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconCheck, IconX } from '@tabler/icons-react'
import { useMemo, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { MemberRow } from '../../../main/core/contract/views'
import { errorMessage } from '../api/api-error'
import { useCreateMember, useUpdateMember } from '../api/members'
import { MUNICIPALITY_OPTIONS, SECTOR_OPTIONS } from './member-enums'
import {
  emptyMemberValues,
  toMemberInput,
  validateMember,
  valuesFromMember,
  type MemberFormErrors,
  type MemberFormValues,
} from './member-form-values'

interface MemberFormModalProps {
  opened: boolean
  onClose: () => void
  /** The member to edit; absent to create a new one. */
  member: MemberRow | null
  members: MemberRow[]
}

export function MemberFormModal({ opened, onClose, member, members }: MemberFormModalProps) {
  const { t } = useTranslation()
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={
        <Text fw={700} size="lg">
          {member ? t('members.form.editTitle') : t('members.form.createTitle')}
        </Text>
      }
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {/* Keyed so reopening starts from the member's current values. */}
      <MemberForm key={member?.id ?? 'nuevo'} member={member} members={members} onDone={onClose} />
    </Modal>
  )
}

function MemberForm({ member, members, onDone }: { member: MemberRow | null; members: MemberRow[]; onDone: () => void }) {
  const { t } = useTranslation()
  const [values, setValues] = useState<MemberFormValues>(() => (member ? valuesFromMember(member) : emptyMemberValues))
  const [errors, setErrors] = useState<MemberFormErrors>({})
  const [submitted, setSubmitted] = useState(false)
  const create = useCreateMember()
  const update = useUpdateMember()
  const saving = create.isPending || update.isPending

  const titulares = useMemo(
    () =>
      members
        .filter((m) => m.role === 'titular' && m.id !== member?.id && (m.active || m.id === values.substituteFor))
        .sort((a, b) => a.fullName.localeCompare(b.fullName, 'es-MX'))
        .map((m) => ({ value: m.id, label: `${m.fullName} — ${m.institution}` })),
    [members, member?.id, values.substituteFor],
  )

  const set = <K extends keyof MemberFormValues>(field: K, value: MemberFormValues[K]) => {
    const next = { ...values, [field]: value }
    setValues(next)
    // After a first attempt, errors follow the user's corrections as they type.
    if (submitted) setErrors(validateMember(next, t))
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setSubmitted(true)
    const found = validateMember(values, t)
    setErrors(found)
    if (Object.keys(found).length > 0) return
    const input = toMemberInput(values)
    try {
      const saved = member ? await update.mutateAsync({ id: member.id, member: input }) : await create.mutateAsync(input)
      notifications.show({
        color: 'green',
        icon: <IconCheck size={18} aria-hidden />,
        title: t('members.notify.savedTitle'),
        message: member
          ? t('members.notify.updated', { name: saved.fullName })
          : t('members.notify.created', { name: saved.fullName }),
      })
      onDone()
    } catch (error) {
      notifications.show({
        color: 'red',
        icon: <IconX size={18} aria-hidden />,
        title: t('errors.title'),
        message: errorMessage(error, t('errors.unexpected')),
        autoClose: 8000,
      })
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="md">
        <Divider label={t('members.form.personal')} labelPosition="left" />
        <TextInput
          label={t('members.form.fullName')}
          value={values.fullName}
          onChange={(e) => set('fullName', e.currentTarget.value)}
          error={errors.fullName}
          withAsterisk
          data-autofocus
          autoComplete="off"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('members.form.position')}
            value={values.position}
            onChange={(e) => set('position', e.currentTarget.value)}
            error={errors.position}
          />
          <TextInput
            label={t('members.form.institution')}
            value={values.institution}
            onChange={(e) => set('institution', e.currentTarget.value)}
            error={errors.institution}
            withAsterisk
          />
          <Select
            label={t('members.form.sector')}
            placeholder={t('members.form.sectorPlaceholder')}
            data={SECTOR_OPTIONS.map((value) => ({ value, label: t(`enums.sector.${value}`) }))}
            value={values.sector}
            onChange={(value) => set('sector', value as MemberFormValues['sector'])}
            error={errors.sector}
            withAsterisk
            allowDeselect={false}
          />
          <Select
            label={t('members.form.municipality')}
            placeholder={t('members.form.municipalityPlaceholder')}
            description={t('members.form.municipalityHint')}
            data={[...MUNICIPALITY_OPTIONS]}
            value={values.municipality}
            onChange={(value) => set('municipality', value as MemberFormValues['municipality'])}
            error={errors.municipality}
            withAsterisk={values.sector === 'municipio'}
            clearable
          />
        </SimpleGrid>

        <Divider label={t('members.form.participation')} labelPosition="left" mt="xs" />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Radio.Group
            label={t('members.form.role')}
            value={values.role}
            onChange={(value) => set('role', value as MemberFormValues['role'])}
          >
            <Group gap="lg" mt={6}>
              <Radio value="titular" label={t('enums.role.titular')} />
              <Radio value="suplente" label={t('enums.role.suplente')} />
            </Group>
          </Radio.Group>
          <Radio.Group
            label={t('members.form.voting')}
            value={values.voting}
            onChange={(value) => set('voting', value as MemberFormValues['voting'])}
          >
            <Group gap="lg" mt={6}>
              <Radio value="voz-y-voto" label={t('members.form.votingFull')} />
              <Radio value="voz" label={t('members.form.votingVoice')} />
            </Group>
          </Radio.Group>
        </SimpleGrid>
        {values.role === 'suplente' ? (
          <Select
            label={t('members.form.substituteFor')}
            placeholder={t('members.form.substituteForPlaceholder')}
            data={titulares}
            value={values.substituteFor}
            onChange={(value) => set('substituteFor', value)}
            error={errors.substituteFor}
            searchable
            withAsterisk
            nothingFoundMessage={t('common.noResults')}
          />
        ) : null}

        <Divider label={t('members.form.contact')} labelPosition="left" mt="xs" />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('members.form.email')}
            type="email"
            value={values.email}
            onChange={(e) => set('email', e.currentTarget.value)}
            error={errors.email}
            autoComplete="off"
          />
          <TextInput
            label={t('members.form.phone')}
            type="tel"
            value={values.phone}
            onChange={(e) => set('phone', e.currentTarget.value)}
            error={errors.phone}
            autoComplete="off"
          />
        </SimpleGrid>

        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={onDone} disabled={saving}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saving}>
            {member ? t('members.form.save') : t('members.form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
