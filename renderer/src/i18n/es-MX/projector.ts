/** The projector's view of a session in course (#/proyeccion/:id) and its button in the live minutes. */
export const projector = {
  projector: {
    open: 'Proyectar',
  },
} as const
