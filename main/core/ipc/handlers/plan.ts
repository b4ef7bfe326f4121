/** The Plan de Acción Local: plan periods, commitments, milestones, dashboard and bulk progress import. */
import { AppError } from '../../errors'
import type { CommitmentView } from '../../contract/views'
import { PROGRESS_CSV_MAX_BYTES, PROGRESS_CSV_MAX_ROWS } from '../../domain/csv-columns'
import { parseProgressCsv, type ProgressImportReport } from '../../domain/progress-csv'
import { readCsvFile } from '../../domain/text-decoding'
import { withoutControlCharacters } from '../../domain/text'
import { milestoneStateProblem } from '../../domain/progress'
import type { Milestone } from '../../model/schema'
import type { Store } from '../../store/store'
import { buildDashboard, buildPlanOverview } from '../views'
import type { HandlerSet } from './types'

function commitmentView(store: Store, id: string, now: Date): CommitmentView {
  const view = buildPlanOverview(store.data, now).commitments.find((commitment) => commitment.id === id)
  if (!view) throw new AppError('NO_ENCONTRADO', 'El compromiso no existe.')
  return view
}

export const planHandlers: HandlerSet<
  'getPlanOverview' | 'createPlan' | 'updatePlan' | 'createCommitment' | 'updateCommitment' | 'addMilestone' | 'updateMilestone' | 'removeMilestone' | 'getDashboard' | 'importProgressCsv'
> = {
  getPlanOverview: (_input, { store, now }) => buildPlanOverview(store.data, now()),

  createPlan: async (plan, { store, now }) => {
    await store.update((draft, tools) => {
      if (draft.plans.some((other) => other.startYear <= plan.endYear && plan.startYear <= other.endYear)) {
        throw new AppError('REGLA', 'El periodo se traslapa con el de otro plan de acción.')
      }
      const id = tools.newId('pal')
      draft.plans.push({ id, ...plan })
      tools.audit({ entity: 'plan', entityId: id, action: 'crear', summary: `Plan de acción «${plan.name}» creado` })
    })
    return buildPlanOverview(store.data, now())
  },

  updatePlan: async ({ id, plan }, { store, now }) => {
    await store.update((draft, tools) => {
      const current = draft.plans.find((candidate) => candidate.id === id)
      if (!current) throw new AppError('NO_ENCONTRADO', 'El plan de acción no existe.')
      if (draft.plans.some((other) => other.id !== id && other.startYear <= plan.endYear && plan.startYear <= other.endYear)) {
        throw new AppError('REGLA', 'El periodo se traslapa con el de otro plan de acción.')
      }
      Object.assign(current, plan)
      tools.audit({ entity: 'plan', entityId: id, action: 'editar', summary: `Plan de acción «${plan.name}» actualizado` })
    })
    return buildPlanOverview(store.data, now())
  },

  createCommitment: async (commitment, { store, now }) => {
    const id = await store.update((draft, tools) => {
      if (!draft.plans.some((plan) => plan.id === commitment.planId)) throw new AppError('NO_ENCONTRADO', 'El plan de acción no existe.')
      const numbers = draft.commitments.filter((other) => other.planId === commitment.planId).map((other) => other.number)
      const created = { id: tools.newId('cmp'), number: numbers.length === 0 ? 1 : Math.max(...numbers) + 1, ...commitment, milestones: [] }
      draft.commitments.push(created)
      tools.audit({ entity: 'compromiso', entityId: created.id, action: 'crear', summary: `Compromiso ${created.number}: ${created.title}` })
      return created.id
    })
    return commitmentView(store, id, now())
  },

  updateCommitment: async ({ id, commitment }, { store, now }) => {
    await store.update((draft, tools) => {
      const current = draft.commitments.find((candidate) => candidate.id === id)
      if (!current) throw new AppError('NO_ENCONTRADO', 'El compromiso no existe.')
      if (!draft.plans.some((plan) => plan.id === commitment.planId)) throw new AppError('NO_ENCONTRADO', 'El plan de acción no existe.')
      Object.assign(current, commitment)
      tools.audit({ entity: 'compromiso', entityId: id, action: 'editar', summary: `Compromiso ${current.number} actualizado` })
    })
    return commitmentView(store, id, now())
  },

  addMilestone: async ({ commitmentId, milestone }, { store, now }) => {
    await store.update((draft, tools) => {
      const commitment = draft.commitments.find((candidate) => candidate.id === commitmentId)
      if (!commitment) throw new AppError('NO_ENCONTRADO', 'El compromiso no existe.')
      checkMilestoneState(milestone)
      commitment.milestones.push({ id: tools.newId('hit'), ...milestone })
      tools.audit({ entity: 'compromiso', entityId: commitmentId, action: 'editar', summary: `Hito agregado al compromiso ${commitment.number}: ${milestone.title}` })
    })
    return commitmentView(store, commitmentId, now())
  },

  updateMilestone: async ({ commitmentId, milestoneId, milestone }, { store, now }) => {
    await store.update((draft, tools) => {
      const commitment = draft.commitments.find((candidate) => candidate.id === commitmentId)
      const current = commitment?.milestones.find((candidate) => candidate.id === milestoneId)
      if (!commitment || !current) throw new AppError('NO_ENCONTRADO', 'El hito no existe.')
      checkMilestoneState(milestone)
      Object.assign(current, milestone)
      tools.audit({ entity: 'compromiso', entityId: commitmentId, action: 'editar', summary: `Hito «${milestone.title}» del compromiso ${commitment.number}: ${milestone.progress} %` })
    })
    return commitmentView(store, commitmentId, now())
  },

  removeMilestone: async ({ commitmentId, milestoneId }, { store, now }) => {
    await store.update((draft, tools) => {
      const commitment = draft.commitments.find((candidate) => candidate.id === commitmentId)
      const current = commitment?.milestones.find((candidate) => candidate.id === milestoneId)
      if (!commitment || !current) throw new AppError('NO_ENCONTRADO', 'El hito no existe.')
      commitment.milestones = commitment.milestones.filter((candidate) => candidate.id !== milestoneId)
      tools.audit({ entity: 'compromiso', entityId: commitmentId, action: 'eliminar', summary: `Hito «${current.title}» quitado del compromiso ${commitment.number}` })
    })
    return commitmentView(store, commitmentId, now())
  },

  getDashboard: (_input, { store, now }) => buildDashboard(store.data, now()),

  importProgressCsv: async ({ fileName, contentBase64, apply }, { store }) => {
    const file = readCsvFile(contentBase64, fileName, PROGRESS_CSV_MAX_BYTES)
    const result = parseProgressCsv(file, store.data)
    const report: ProgressImportReport = {
      source: { fileName: withoutControlCharacters(fileName).slice(0, 260), encoding: file.encoding, delimiter: file.delimiter, note: file.note },
      rows: result.rows,
      valid: result.valid,
      changes: result.changes.length,
      applied: false,
      maxRows: PROGRESS_CSV_MAX_ROWS,
    }
    // All or nothing; and an unchanged file (a round trip) writes nothing at all.
    if (!apply || !result.valid || result.changes.length === 0) return report
    await store.update((draft, tools) => {
      for (const change of result.changes) {
        const milestone = draft.commitments.find((commitment) => commitment.id === change.commitmentId)?.milestones.find((candidate) => candidate.id === change.milestoneId)
        if (!milestone) throw new AppError('NO_ENCONTRADO', 'Un hito del archivo ya no existe.')
        milestone.progress = change.progress
        milestone.status = change.status
        if (change.evidence !== null) milestone.evidence = change.evidence
      }
      tools.audit({ entity: 'compromiso', entityId: '', action: 'importar', summary: `Avance de ${result.changes.length} hitos actualizado desde CSV` })
    })
    return { ...report, applied: true }
  },
}

function checkMilestoneState(milestone: Pick<Milestone, 'status' | 'progress'>): void {
  const problem = milestoneStateProblem(milestone)
  if (problem) throw new AppError('REGLA', `${problem.charAt(0).toUpperCase()}${problem.slice(1)}.`)
}
