/** The search dialog. */
export const search = {
  search: {
    launcher: 'Buscar',
    launcherLabel: 'Buscar en Secretariado (Ctrl+K)',
    launcherWhere: ' en Secretariado',
    title: 'Buscar en Secretariado',
    input: 'Buscar',
    placeholder: 'Integrantes, sesiones, minutas, acuerdos, compromisos…',
    hint: 'Sin importar acentos ni mayúsculas: «sesion» encuentra «Sesión».',
    resultsLabel: 'Resultados de la búsqueda',
    empty: 'Nada coincide con «{{query}}».',
    start: 'Escriba al menos una palabra.',
    count_one: '{{count}} resultado',
    count_other: '{{count}} resultados',
    more: 'Se muestran los primeros {{count}}; precise la búsqueda para ver otros.',
    groups: {
      integrante: 'Integrantes',
      sesion: 'Sesiones',
      minuta: 'Minutas',
      acuerdo: 'Acuerdos',
      compromiso: 'Compromisos',
    },
    keys: {
      move: 'recorrer',
      open: 'abrir',
      close: 'cerrar',
    },
  },
} as const
