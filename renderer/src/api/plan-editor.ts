/**
 * Editing the Plan de Acción: plan periods, commitments, milestones and the
 * bulk progress import. Progress and completion level come back computed by
 * the core; the dashboard, search and bitácora are refreshed after each change.
 */
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query'
import type { InputOf } from '../../../main/core/contract/operations'
import type { CommitmentView, PlanOverview } from '../../../main/core/contract/views'
import { call } from './call'
import { queryKeys } from './query-keys'

function refreshAfterPlanChange(client: QueryClient): void {
  void client.invalidateQueries({ queryKey: queryKeys.plan })
  void client.invalidateQueries({ queryKey: queryKeys.dashboard })
  void client.invalidateQueries({ queryKey: ['audit'] })
  void client.invalidateQueries({ queryKey: ['search'] })
}

/** Puts a fresh commitment into the cached overview, so its progress shows before the refetch. */
function patchCommitment(client: QueryClient, commitment: CommitmentView): void {
  client.setQueryData<PlanOverview>(queryKeys.plan, (overview) => {
    if (!overview) return overview
    const known = overview.commitments.some((candidate) => candidate.id === commitment.id)
    return {
      ...overview,
      commitments: known
        ? overview.commitments.map((candidate) => (candidate.id === commitment.id ? commitment : candidate))
        : [...overview.commitments, commitment],
    }
  })
}

function usePlanMutation<T>(fn: (input: T) => Promise<PlanOverview>) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: fn,
    onSuccess: (overview) => {
      client.setQueryData(queryKeys.plan, overview)
      refreshAfterPlanChange(client)
    },
  })
}

function useCommitmentMutation<T>(fn: (input: T) => Promise<CommitmentView>) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: fn,
    onSuccess: (commitment) => {
      patchCommitment(client, commitment)
      refreshAfterPlanChange(client)
    },
  })
}

export function useCreatePlan() {
  return usePlanMutation((input: InputOf<'createPlan'>) => call('createPlan', input))
}

export function useUpdatePlan() {
  return usePlanMutation((input: InputOf<'updatePlan'>) => call('updatePlan', input))
}

export function useCreateCommitment() {
  return useCommitmentMutation((input: InputOf<'createCommitment'>) => call('createCommitment', input))
}

export function useUpdateCommitment() {
  return useCommitmentMutation((input: InputOf<'updateCommitment'>) => call('updateCommitment', input))
}

export function useAddMilestone() {
  return useCommitmentMutation((input: InputOf<'addMilestone'>) => call('addMilestone', input))
}

export function useUpdateMilestone() {
  return useCommitmentMutation((input: InputOf<'updateMilestone'>) => call('updateMilestone', input))
}

export function useRemoveMilestone() {
  return useCommitmentMutation((input: InputOf<'removeMilestone'>) => call('removeMilestone', input))
}

/** Checks a progress CSV (`apply: false`) or applies it (`apply: true`), sent as bytes (the core detects the encoding); all or nothing. */
export function useImportProgressCsv() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: InputOf<'importProgressCsv'>) => call('importProgressCsv', input),
    onSuccess: (report) => {
      if (report.applied) refreshAfterPlanChange(client)
    },
  })
}
