import { Button, Card, Divider, Group, NumberInput, Select, SimpleGrid, Stack, Switch, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconDeviceFloppy } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { QUORUM_RULES, SIGNATURE_SIGNER_RULES, settingsSchema, type Settings } from '../../../main/core/model/schema'
import { useUpdateSettings } from '../api/settings'
import { notifyDone, notifyError } from '../common/notify'
import { rangeOf, zodForm } from '../common/zod-form'


/** An emptied number field is no number: the schema says so. */
const toInteger = (value: string | number) => (typeof value === 'number' ? value : Number.parseInt(value, 10))

/** Trimmed, as the store keeps it. */
function toInput(values: Settings): Settings {
  return {
    organization: values.organization.trim(),
    bodyName: values.bodyName.trim(),
    keyPrefix: values.keyPrefix.trim(),
    defaultVenue: values.defaultVenue.trim(),
    quorum: { ...values.quorum },
    profile: { name: values.profile.name.trim(), role: values.profile.role.trim() },
    signatureSigners: values.signatureSigners,
  }
}

export function SettingsForm({ initial }: { initial: Settings }) {
  const { t } = useTranslation()
  const update = useUpdateSettings()
  const form = useForm<Settings, Settings>({ initialValues: initial, ...zodForm(settingsSchema, { input: toInput }) })
  const values = form.values

  const submit = async (input: Settings) => {
    try {
      const saved = await update.mutateAsync(input)
      form.setValues(saved)
      notifyDone(t('settings.saved'), t('members.notify.savedTitle'))
    } catch (error) {
      notifyError(error)
    }
  }

  const example = `${values.keyPrefix || 'STL'}-SO03-2026-02`

  return (
    <Card component="section" aria-labelledby="ajustes-organo">
      <form onSubmit={form.onSubmit((input) => void submit(input))} noValidate>
        <Stack gap="md">
          <Title order={2} id="ajustes-organo">
            {t('settings.formTitle')}
          </Title>
          <Divider label={t('settings.organizationSection')} labelPosition="left" />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('settings.organization')} {...form.getInputProps('organization')} withAsterisk />
            <TextInput label={t('settings.bodyName')} {...form.getInputProps('bodyName')} withAsterisk />
            <TextInput
              label={t('settings.keyPrefix')}
              description={t('settings.keyPrefixHint', { example })}
              {...form.getInputProps('keyPrefix')}
              onChange={(e) => form.setFieldValue('keyPrefix', e.currentTarget.value.toUpperCase())}
              withAsterisk
              maxLength={10}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            />
            <TextInput
              label={t('settings.defaultVenue')}
              description={t('settings.defaultVenueHint')}
              {...form.getInputProps('defaultVenue')}
            />
          </SimpleGrid>

          <Divider label={t('settings.quorumSection')} labelPosition="left" mt="xs" />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('settings.quorumRule')}
              data={QUORUM_RULES.map((value) => ({ value, label: t(`enums.quorumRule.${value}`) }))}
              description={t(`settings.quorumRuleHint.${values.quorum.rule}`)}
              {...form.getInputProps('quorum.rule')}
              allowDeselect={false}
            />
            {values.quorum.rule === 'porcentaje' ? (
              <NumberInput
                label={t('settings.quorumPercent')}
                description={t('settings.quorumPercentHint')}
                {...form.getInputProps('quorum.percent')}
                onChange={(value: string | number) => form.setFieldValue('quorum.percent', toInteger(value))}
                {...rangeOf(settingsSchema.shape.quorum.shape.percent)}
                allowDecimal={false}
                suffix=" %"
              />
            ) : (
              <div />
            )}
            <Switch
              label={t('settings.secondCall')}
              description={t('settings.secondCallHint')}
              {...form.getInputProps('quorum.secondCallAllowed', { type: 'checkbox' })}
              mt="xs"
            />
            <NumberInput
              label={t('settings.secondCallMinimum')}
              description={t('settings.secondCallMinimumHint')}
              {...form.getInputProps('quorum.secondCallMinimum')}
              onChange={(value: string | number) => form.setFieldValue('quorum.secondCallMinimum', toInteger(value))}
              {...rangeOf(settingsSchema.shape.quorum.shape.secondCallMinimum)}
              allowDecimal={false}
              allowNegative={false}
              disabled={!values.quorum.secondCallAllowed}
            />
          </SimpleGrid>

          <Divider label={t('settings.signingSection')} labelPosition="left" mt="xs" />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('settings.signatureSigners')}
              data={SIGNATURE_SIGNER_RULES.map((value) => ({ value, label: t(`settings.signatureSignersOption.${value}`) }))}
              description={t(`settings.signatureSignersHint.${values.signatureSigners}`)}
              {...form.getInputProps('signatureSigners')}
              allowDeselect={false}
            />
          </SimpleGrid>

          <Divider label={t('settings.profileSection')} labelPosition="left" mt="xs" />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('settings.profileName')}
              description={t('settings.profileNameHint')}
              {...form.getInputProps('profile.name')}
              withAsterisk
            />
            <TextInput
              label={t('settings.profileRole')}
              description={t('settings.profileRoleHint')}
              {...form.getInputProps('profile.role')}
            />
          </SimpleGrid>

          <Group justify="flex-end" mt="sm">
            <Button type="submit" loading={update.isPending} leftSection={<IconDeviceFloppy size={18} aria-hidden />}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  )
}
