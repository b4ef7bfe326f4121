import { Button, Card, Divider, Group, NumberInput, Select, SimpleGrid, Stack, Switch, TextInput, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconCheck, IconDeviceFloppy, IconX } from '@tabler/icons-react'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Settings } from '../../../main/core/model/schema'
import { errorMessage } from '../api/api-error'
import { useUpdateSettings } from '../api/settings'
import { normalizeSettings, validateSettings, type SettingsErrors } from './settings-validation'

const RULES = ['mitad-mas-uno', 'dos-tercios', 'porcentaje'] as const satisfies ReadonlyArray<Settings['quorum']['rule']>

const toInteger = (value: string | number) => (typeof value === 'number' ? value : Number.parseInt(value, 10))

export function SettingsForm({ initial }: { initial: Settings }) {
  const { t } = useTranslation()
  const [values, setValues] = useState<Settings>(initial)
  const [errors, setErrors] = useState<SettingsErrors>({})
  const [submitted, setSubmitted] = useState(false)
  const update = useUpdateSettings()

  const change = (next: Settings) => {
    setValues(next)
    if (submitted) setErrors(validateSettings(next, t))
  }
  const setQuorum = (patch: Partial<Settings['quorum']>) => change({ ...values, quorum: { ...values.quorum, ...patch } })
  const setProfile = (patch: Partial<Settings['profile']>) =>
    change({ ...values, profile: { ...values.profile, ...patch } })

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setSubmitted(true)
    const found = validateSettings(values, t)
    setErrors(found)
    if (Object.keys(found).length > 0) return
    try {
      const saved = await update.mutateAsync(normalizeSettings(values))
      setValues(saved)
      notifications.show({
        color: 'green',
        icon: <IconCheck size={18} aria-hidden />,
        title: t('members.notify.savedTitle'),
        message: t('settings.saved'),
      })
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

  const example = `${values.keyPrefix || 'STL'}-SO03-2026-02`

  return (
    <Card component="section" aria-labelledby="ajustes-organo">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          <Title order={2} id="ajustes-organo">
            {t('settings.formTitle')}
          </Title>
          <Divider label={t('settings.organizationSection')} labelPosition="left" />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('settings.organization')}
              value={values.organization}
              onChange={(e) => change({ ...values, organization: e.currentTarget.value })}
              error={errors.organization}
              withAsterisk
            />
            <TextInput
              label={t('settings.bodyName')}
              value={values.bodyName}
              onChange={(e) => change({ ...values, bodyName: e.currentTarget.value })}
              error={errors.bodyName}
              withAsterisk
            />
            <TextInput
              label={t('settings.keyPrefix')}
              description={t('settings.keyPrefixHint', { example })}
              value={values.keyPrefix}
              onChange={(e) => change({ ...values, keyPrefix: e.currentTarget.value.toUpperCase() })}
              error={errors.keyPrefix}
              withAsterisk
              maxLength={10}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            />
            <TextInput
              label={t('settings.defaultVenue')}
              description={t('settings.defaultVenueHint')}
              value={values.defaultVenue}
              onChange={(e) => change({ ...values, defaultVenue: e.currentTarget.value })}
              error={errors.defaultVenue}
            />
          </SimpleGrid>

          <Divider label={t('settings.quorumSection')} labelPosition="left" mt="xs" />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('settings.quorumRule')}
              data={RULES.map((value) => ({ value, label: t(`enums.quorumRule.${value}`) }))}
              description={t(`settings.quorumRuleHint.${values.quorum.rule}`)}
              value={values.quorum.rule}
              onChange={(value) => value && setQuorum({ rule: value as Settings['quorum']['rule'] })}
              allowDeselect={false}
            />
            {values.quorum.rule === 'porcentaje' ? (
              <NumberInput
                label={t('settings.quorumPercent')}
                description={t('settings.quorumPercentHint')}
                value={values.quorum.percent}
                onChange={(value) => setQuorum({ percent: toInteger(value) })}
                error={errors.percent}
                min={1}
                max={100}
                allowDecimal={false}
                suffix=" %"
              />
            ) : (
              <div />
            )}
            <Switch
              label={t('settings.secondCall')}
              description={t('settings.secondCallHint')}
              checked={values.quorum.secondCallAllowed}
              onChange={(e) => setQuorum({ secondCallAllowed: e.currentTarget.checked })}
              mt="xs"
            />
            <NumberInput
              label={t('settings.secondCallMinimum')}
              description={t('settings.secondCallMinimumHint')}
              value={values.quorum.secondCallMinimum}
              onChange={(value) => setQuorum({ secondCallMinimum: toInteger(value) })}
              error={errors.secondCallMinimum}
              min={0}
              max={500}
              allowDecimal={false}
              allowNegative={false}
              disabled={!values.quorum.secondCallAllowed}
            />
          </SimpleGrid>

          <Divider label={t('settings.profileSection')} labelPosition="left" mt="xs" />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('settings.profileName')}
              description={t('settings.profileNameHint')}
              value={values.profile.name}
              onChange={(e) => setProfile({ name: e.currentTarget.value })}
              error={errors.profileName}
              withAsterisk
            />
            <TextInput
              label={t('settings.profileRole')}
              value={values.profile.role}
              onChange={(e) => setProfile({ role: e.currentTarget.value })}
              description={t('settings.profileRoleHint')}
              error={errors.profileRole}
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
