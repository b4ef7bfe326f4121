/**
 * "Registrar acuerdo" on the current item: text, vote, optional named vote of
 * those present with vote, responsibles, due date and PAL commitment. The
 * core checks the vote (totals, majority, unanimity, who may vote) and its
 * Spanish refusal is shown here, in the dialog, with nothing recorded.
 */
import {
  Divider,
  Group,
  Kbd,
  MultiSelect,
  NumberInput,
  Paper,
  ScrollArea,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  Textarea,
} from '@mantine/core'
import { DatePickerInput } from '@mantine/dates'
import { IconCalendar } from '@tabler/icons-react'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { createAgreementSchema } from '../../../main/core/contract/session-inputs'
import type { MemberRow, SessionDetail } from '../../../main/core/contract/views'
import { voteSchema, type AgendaItem, type Vote } from '../../../main/core/model/schema'
import { useCreateAgreement } from '../api/agreements'
import { usePlanOverview } from '../api/plan'
import { FormModal, type ModalForm } from '../common/form-modal'
import { nameSortKey } from '../common/format'
import { notifyDone } from '../common/notify'
import { lengthOf, rangeOf, zodForm } from '../common/zod-form'
import { CALENDAR_IN_DIALOG } from '../common/calendar'

type NamedChoice = Vote['named'][number]['vote'] | 'sin'

interface Values {
  text: string
  favor: number | string
  contra: number | string
  abstenciones: number | string
  unanimous: boolean
  nominal: boolean
  named: Record<string, NamedChoice>
  responsibleMemberIds: string[]
  responsibleInstitutions: string[]
  dueDate: string | null
  commitmentId: string | null
}

const toCount = (value: number | string) => (typeof value === 'number' ? value : Number.parseInt(value, 10) || 0)

/** The vote's fields sit at the top of the form. */
const VOTE_FIELDS = {
  'vote.favor': 'favor',
  'vote.contra': 'contra',
  'vote.abstenciones': 'abstenciones',
  'vote.unanimous': 'unanimous',
  'vote.named': 'named',
}

interface Props {
  opened: boolean
  onClose: () => void
  detail: SessionDetail
  item: AgendaItem | undefined
  members: readonly MemberRow[]
}

export function AgreementModal({ opened, onClose, detail, item, members }: Props) {
  const { t } = useTranslation()
  const create = useCreateAgreement()
  const voters = detail.quorum.voters
  const number = item ? (detail.plan[item.id]?.number ?? '') : ''

  const toInput = (values: Values) => ({
    sessionId: detail.session.id,
    itemId: item?.id ?? '',
    text: values.text,
    vote: {
      favor: toCount(values.favor),
      contra: toCount(values.contra),
      abstenciones: toCount(values.abstenciones),
      unanimous: values.unanimous,
      named: values.nominal ? Object.entries(values.named).flatMap(([memberId, choice]) => (choice === 'sin' ? [] : [{ memberId, vote: choice }])) : [],
    },
    responsibleMemberIds: values.responsibleMemberIds,
    responsibleInstitutions: values.responsibleInstitutions.map((name) => name.trim()).filter(Boolean),
    dueDate: values.dueDate,
    commitmentId: values.commitmentId,
  })
  const initial: Values = {
    text: '',
    favor: 0,
    contra: 0,
    abstenciones: 0,
    unanimous: false,
    nominal: false,
    named: Object.fromEntries(voters.map((voter) => [voter.id, 'sin'])),
    responsibleMemberIds: [],
    responsibleInstitutions: [],
    dueDate: null,
    commitmentId: null,
  }

  const save = async (input: z.output<typeof createAgreementSchema>) => {
    const agreement = await create.mutateAsync(input)
    notifyDone(t('agreementForm.created', { key: agreement.key }))
    onClose()
  }

  return (
    <FormModal
      opened={opened && item !== undefined}
      onClose={onClose}
      size="xl"
      title={t('agreementForm.title')}
      subtitle={t('agreementForm.onItem', { number, title: item?.title ?? '' })}
      initialValues={initial}
      {...zodForm(createAgreementSchema, { input: toInput, fields: VOTE_FIELDS })}
      onSubmit={save}
      submitLabel={t('agreementForm.submit')}
      pending={create.isPending}
      errorTitle={t('agreementForm.refused')}
      submitOnModEnter
      footer={
        <Text size="xs" c="dimmed">
          <Kbd size="xs">Ctrl</Kbd> + <Kbd size="xs">Intro</Kbd> {t('agreementForm.submitHint')}
        </Text>
      }
    >
      {(form) => <AgreementFields form={form} voters={voters} members={members} />}
    </FormModal>
  )
}

function AgreementFields({ form, voters, members }: { form: ModalForm<Values, unknown>; voters: SessionDetail['quorum']['voters']; members: readonly MemberRow[] }) {
  const { t } = useTranslation()
  const plan = usePlanOverview()
  const values = form.values

  const memberData = useMemo(
    () =>
      members
        .filter((member) => member.active || values.responsibleMemberIds.includes(member.id))
        .sort((a, b) => nameSortKey(a.fullName).localeCompare(nameSortKey(b.fullName), 'es-MX'))
        .map((member) => ({ value: member.id, label: member.fullName })),
    [members, values.responsibleMemberIds],
  )
  const institutions = useMemo(() => [...new Set(members.map((member) => member.institution))].sort((a, b) => a.localeCompare(b, 'es-MX')), [members])
  const commitments = useMemo(
    () =>
      (plan.data?.commitments ?? []).map((commitment) => ({
        value: commitment.id,
        label: t('agreementForm.commitmentOption', { number: commitment.number, title: commitment.title }),
      })),
    [plan.data, t],
  )

  /** With a named vote the totals are the tally of the names. */
  const tally = (named: Values['named']) => ({
    favor: Object.values(named).filter((choice) => choice === 'favor').length,
    contra: Object.values(named).filter((choice) => choice === 'contra').length,
    abstenciones: Object.values(named).filter((choice) => choice === 'abstencion').length,
  })
  const setNamed = (named: Values['named']) => {
    form.setFieldValue('named', named)
    form.setValues(tally(named))
  }
  const setUnanimous = (unanimous: boolean) => {
    form.setFieldValue('unanimous', unanimous)
    if (!unanimous) return
    if (values.nominal) setNamed(Object.fromEntries(voters.map((voter) => [voter.id, 'favor'])))
    else form.setValues({ favor: voters.length, contra: 0, abstenciones: 0 })
  }
  const setNominal = (nominal: boolean) => {
    form.setFieldValue('nominal', nominal)
    if (nominal) setNamed(values.unanimous ? Object.fromEntries(voters.map((voter) => [voter.id, 'favor'])) : values.named)
  }

  const countInput = (field: 'favor' | 'contra' | 'abstenciones', label: string) => (
    <NumberInput
      label={label}
      {...rangeOf(voteSchema.shape[field])}
      allowDecimal={false}
      allowNegative={false}
      disabled={values.nominal || (values.unanimous && field !== 'favor')}
      {...form.getInputProps(field)}
    />
  )

  return (
    <>
      <Textarea
        label={t('agreementForm.text')}
        description={t('agreementForm.textHint')}
        autosize
        minRows={3}
        maxRows={10}
        {...lengthOf(createAgreementSchema.shape.text)}
        withAsterisk
        data-autofocus
        {...form.getInputProps('text')}
      />

      <Divider label={t('agreementForm.vote')} labelPosition="left" />
      <Group justify="space-between" align="center">
        <Switch
          label={t('agreementForm.unanimous')}
          description={t('agreementForm.unanimousHint', { count: voters.length })}
          checked={values.unanimous}
          onChange={(event) => setUnanimous(event.currentTarget.checked)}
        />
        <Text size="sm" c="dimmed">
          {t('agreementForm.voters', { count: voters.length })}
        </Text>
      </Group>
      <SimpleGrid cols={3}>
        {countInput('favor', t('agreementForm.favor'))}
        {countInput('contra', t('agreementForm.contra'))}
        {countInput('abstenciones', t('agreementForm.abstenciones'))}
      </SimpleGrid>
      <Switch
        label={t('agreementForm.nominal')}
        description={t('agreementForm.nominalHint')}
        checked={values.nominal}
        onChange={(event) => setNominal(event.currentTarget.checked)}
        disabled={voters.length === 0}
      />
      {values.nominal ? (
        <Paper withBorder p="xs">
          <ScrollArea.Autosize mah={240}>
            <Stack gap={4}>
              {voters.map((voter) => (
                <Group key={voter.id} justify="space-between" wrap="nowrap" gap="sm">
                  <Stack gap={0} style={{ minWidth: 0 }}>
                    <Text size="sm" fw={500} truncate>
                      {voter.fullName}
                    </Text>
                    <Text size="xs" c="dimmed" truncate>
                      {voter.institution}
                    </Text>
                  </Stack>
                  <SegmentedControl
                    size="xs"
                    aria-label={t('agreementForm.namedVoteOf', { name: voter.fullName })}
                    value={values.named[voter.id] ?? 'sin'}
                    onChange={(choice) => setNamed({ ...values.named, [voter.id]: choice })}
                    data={[
                      { value: 'favor', label: t('agreementForm.named.favor') },
                      { value: 'contra', label: t('agreementForm.named.contra') },
                      { value: 'abstencion', label: t('agreementForm.named.abstencion') },
                      { value: 'sin', label: t('agreementForm.named.sin') },
                    ]}
                  />
                </Group>
              ))}
            </Stack>
          </ScrollArea.Autosize>
        </Paper>
      ) : null}

      <Divider label={t('agreementForm.followUp')} labelPosition="left" />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <MultiSelect
          label={t('agreementForm.responsibleMembers')}
          placeholder={t('agreementForm.choosePeople')}
          data={memberData}
          searchable
          clearable
          hidePickedOptions
          nothingFoundMessage={t('common.noResults')}
          {...form.getInputProps('responsibleMemberIds')}
        />
        <TagsInput
          label={t('agreementForm.responsibleInstitutions')}
          placeholder={t('agreementForm.institutionsPlaceholder')}
          data={institutions}
          clearable
          {...form.getInputProps('responsibleInstitutions')}
        />
        <DatePickerInput
          popoverProps={CALENDAR_IN_DIALOG}
          label={t('agreementForm.dueDate')}
          placeholder={t('agreementForm.noDueDate')}
          leftSection={<IconCalendar size={16} aria-hidden />}
          valueFormat="D [de] MMMM [de] YYYY"
          clearable
          {...form.getInputProps('dueDate')}
        />
        <Select
          label={t('agreementForm.commitment')}
          placeholder={t('agreementForm.noCommitment')}
          data={commitments}
          searchable
          clearable
          nothingFoundMessage={t('common.noResults')}
          {...form.getInputProps('commitmentId')}
        />
      </SimpleGrid>

    </>
  )
}
