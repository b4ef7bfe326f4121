/**
 * The «Primeros pasos» of a new secretariat: review the settings, register
 * the members, the Plan de Acción and the first session. Each step is done
 * or pending from the data alone; until the first session exists the
 * sessions list offers them in place of an empty table.
 */
import type { FirstStepsView } from '../contract/views'
import { DEFAULT_SETTINGS, type Data, type Settings } from '../model/schema'

/** Same values, whatever the order of their keys. */
function sameSettings(a: Settings, b: Settings): boolean {
  const canonical = (value: unknown): unknown =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([x], [y]) => x.localeCompare(y)).map(([key, inner]) => [key, canonical(inner)]))
      : value
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b))
}

/** The settings were saved from «Configuración» (the bitácora says so), or they are no longer the defaults. */
function settingsReviewed(data: Data): boolean {
  return data.audit.some((entry) => entry.entity === 'configuracion' && entry.action === 'editar' && entry.entityId === '') || !sameSettings(data.settings, DEFAULT_SETTINGS)
}

export function firstSteps(data: Data): FirstStepsView {
  return {
    show: data.sessions.length === 0,
    settings: settingsReviewed(data),
    members: data.members.length,
    plan: data.plans.length > 0,
    sessions: data.sessions.length,
  }
}
