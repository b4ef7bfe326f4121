/**
 * Create or edit a member in a modal. Errors appear beside their fields in
 * Spanish; a failure reported by main appears as a notification and the form
 * stays open with what the user typed.
 */
import { Divider, Group, Radio, Select, SimpleGrid, TextInput } from '@mantine/core'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { memberInputSchema, requiresMunicipality, type MemberInput } from '../../../main/core/contract/operations'
import type { MemberRow } from '../../../main/core/contract/views'
import { MUNICIPALITIES, SECTORS } from '../../../main/core/model/schema'
import { useCreateMember, useUpdateMember } from '../api/members'
import { FormModal, type ModalForm } from '../common/form-modal'
import { notifyDone, notifyError } from '../common/notify'
import { zodForm } from '../common/zod-form'
import { emptyMemberValues, toMemberInput, valuesFromMember, type MemberFormValues } from './member-form-values'

interface MemberFormModalProps {
  opened: boolean
  onClose: () => void
  /** The member to edit; absent to create a new one. */
  member: MemberRow | null
  members: MemberRow[]
}

/** RFC and CURP read character by character: a monospace input. */
const MONOSPACE = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } }

export function MemberFormModal({ opened, onClose, member, members }: MemberFormModalProps) {
  const { t } = useTranslation()
  const create = useCreateMember()
  const update = useUpdateMember()

  const save = async (input: MemberInput) => {
    try {
      const saved = member ? await update.mutateAsync({ id: member.id, member: input }) : await create.mutateAsync(input)
      notifyDone(
        member ? t('members.notify.updated', { name: saved.fullName }) : t('members.notify.created', { name: saved.fullName }),
        t('members.notify.savedTitle'),
      )
      onClose()
    } catch (error) {
      notifyError(error)
    }
  }

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={member ? t('members.form.editTitle') : t('members.form.createTitle')}
      initialValues={member ? valuesFromMember(member) : emptyMemberValues}
      {...zodForm(memberInputSchema, { input: toMemberInput })}
      onSubmit={save}
      submitLabel={member ? t('members.form.save') : t('members.form.create')}
      pending={create.isPending || update.isPending}
    >
      {(form) => <MemberFields form={form} member={member} members={members} />}
    </FormModal>
  )
}

function MemberFields({ form, member, members }: { form: ModalForm<MemberFormValues, unknown>; member: MemberRow | null; members: MemberRow[] }) {
  const { t } = useTranslation()
  const values = form.values

  const titulares = useMemo(
    () =>
      members
        .filter((m) => m.role === 'titular' && m.id !== member?.id && (m.active || m.id === values.substituteFor))
        .sort((a, b) => a.fullName.localeCompare(b.fullName, 'es-MX'))
        .map((m) => ({ value: m.id, label: `${m.fullName} — ${m.institution}` })),
    [members, member?.id, values.substituteFor],
  )

  return (
    <>
      <Divider label={t('members.form.personal')} labelPosition="left" />
      <TextInput
        label={t('members.form.fullName')}
        {...form.getInputProps('fullName')}
        withAsterisk
        data-autofocus
        autoComplete="off"
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('members.form.position')} {...form.getInputProps('position')} />
        <TextInput label={t('members.form.institution')} {...form.getInputProps('institution')} withAsterisk />
        <Select
          label={t('members.form.sector')}
          placeholder={t('members.form.sectorPlaceholder')}
          data={SECTORS.map((value) => ({ value, label: t(`enums.sector.${value}`) }))}
          {...form.getInputProps('sector')}
          withAsterisk
          allowDeselect={false}
        />
        <Select
          label={t('members.form.municipality')}
          placeholder={t('members.form.municipalityPlaceholder')}
          description={t('members.form.municipalityHint')}
          data={[...MUNICIPALITIES]}
          {...form.getInputProps('municipality')}
          withAsterisk={requiresMunicipality(values.sector)}
          clearable
        />
      </SimpleGrid>

      <Divider label={t('members.form.participation')} labelPosition="left" mt="xs" />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Radio.Group label={t('members.form.role')} {...form.getInputProps('role')}>
          <Group gap="lg" mt={6}>
            <Radio value="titular" label={t('enums.role.titular')} />
            <Radio value="suplente" label={t('enums.role.suplente')} />
          </Group>
        </Radio.Group>
        <Radio.Group label={t('members.form.voting')} {...form.getInputProps('voting')}>
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
          {...form.getInputProps('substituteFor')}
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
          {...form.getInputProps('email')}
          autoComplete="off"
        />
        <TextInput
          label={t('members.form.phone')}
          type="tel"
          {...form.getInputProps('phone')}
          autoComplete="off"
        />
      </SimpleGrid>

      <Divider label={t('members.form.signature')} labelPosition="left" mt="xs" />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('members.form.rfc')}
          description={t('members.form.rfcHint')}
          {...form.getInputProps('rfc')}
          // Typed in capitals, as the e.firma writes it.
          onChange={(event) => form.setFieldValue('rfc', event.currentTarget.value.toUpperCase())}
          maxLength={13}
          autoComplete="off"
          spellCheck={false}
          styles={MONOSPACE}
        />
        <TextInput
          label={t('members.form.curp')}
          description={t('members.form.curpHint')}
          {...form.getInputProps('curp')}
          onChange={(event) => form.setFieldValue('curp', event.currentTarget.value.toUpperCase())}
          maxLength={18}
          autoComplete="off"
          spellCheck={false}
          styles={MONOSPACE}
        />
      </SimpleGrid>
    </>
  )
}
