/** The members' answers to the notice before a session, and the quorum they foresee. */
export const confirmations = {
  confirmations: {
    tab: 'Confirmaciones',
  },
} as const
