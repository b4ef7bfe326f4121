/** Query keys, one per read operation, so invalidation names what it refreshes. */
export const queryKeys = {
  status: ['status'] as const,
  settings: ['settings'] as const,
  members: ['members'] as const,
  sessions: ['sessions'] as const,
  session: (id: string) => ['sessions', id] as const,
  agreements: ['agreements'] as const,
  plan: ['plan'] as const,
  /** The bitácora with filters; under 'audit' so every change that refreshes the audit refreshes it too. */
  auditLog: (filters: object) => ['audit', 'filtro', filters] as const,
  dashboard: ['dashboard'] as const,
  search: (query: string) => ['search', query] as const,
  /** The «Respaldo completo» card: the last archive and whether one is due. */
  fullBackup: ['full-backup'] as const,
}
