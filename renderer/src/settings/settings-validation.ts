/** Spanish checks for the settings form, with the same limits as the contract's schema. */
import type { TFunction } from 'i18next'
import type { Settings } from '../../../main/core/model/schema'

export type SettingsErrors = Partial<
  Record<
    | 'organization'
    | 'bodyName'
    | 'keyPrefix'
    | 'defaultVenue'
    | 'percent'
    | 'secondCallMinimum'
    | 'profileName'
    | 'profileRole',
    string
  >
>

export function validateSettings(s: Settings, t: TFunction): SettingsErrors {
  const errors: SettingsErrors = {}
  const required = (key: keyof SettingsErrors, value: string, max: number) => {
    if (!value.trim()) errors[key] = t('settings.errors.required')
    else if (value.trim().length > max) errors[key] = t('settings.errors.tooLong', { max })
  }
  required('organization', s.organization, 200)
  required('bodyName', s.bodyName, 200)
  if (!/^[A-Z0-9]{2,10}$/.test(s.keyPrefix)) errors.keyPrefix = t('settings.errors.keyPrefix')
  if (s.defaultVenue.length > 300) errors.defaultVenue = t('settings.errors.tooLong', { max: 300 })
  const { percent, secondCallMinimum } = s.quorum
  if (!Number.isInteger(percent) || percent < 1 || percent > 100) errors.percent = t('settings.errors.percent')
  if (!Number.isInteger(secondCallMinimum) || secondCallMinimum < 0 || secondCallMinimum > 500) {
    errors.secondCallMinimum = t('settings.errors.minimum')
  }
  required('profileName', s.profile.name, 160)
  if (s.profile.role.length > 160) errors.profileRole = t('settings.errors.tooLong', { max: 160 })
  return errors
}

/** Trimmed copy, as the store keeps it. */
export function normalizeSettings(s: Settings): Settings {
  return {
    organization: s.organization.trim(),
    bodyName: s.bodyName.trim(),
    keyPrefix: s.keyPrefix.trim(),
    defaultVenue: s.defaultVenue.trim(),
    quorum: { ...s.quorum },
    profile: { name: s.profile.name.trim(), role: s.profile.role.trim() },
  }
}
