/** The bitácora. */
export const audit = {
  audit: {
    title: 'Bitácora',
    description: 'Cada cambio registrado en los datos del Secretariado: cuándo, con qué perfil, sobre qué elemento y qué se hizo.',
    filters: {
      entity: 'Elemento',
      text: 'Buscar en la bitácora',
      textPlaceholder: 'Perfil, descripción o identificador',
      from: 'Desde',
      to: 'Hasta',
      anyDate: 'Sin límite',
      limit: 'Mostrar',
      limitOption: 'Últimos {{count}}',
      clear: 'Limpiar filtros',
    },
    export: 'Exportar CSV',
    exported: 'Se descargó {{file}}.',
    summary_one: '{{count}} cambio',
    summary_other: '{{count}} cambios',
    capped: 'Se muestran los {{count}} más recientes; ajuste los filtros o amplíe el límite para ver otros.',
    empty: 'Ningún cambio coincide con los filtros',
    emptyHint: 'Cambie el elemento, el texto o las fechas, o limpie los filtros para ver todos los cambios.',
    emptyAll: 'La bitácora aún no tiene cambios: cada cambio que se guarde en integrantes, sesiones, acuerdos, el Plan de Acción o la configuración quedará anotado aquí.',
    tableLabel: 'Bitácora de cambios',
    columns: {
      when: 'Fecha y hora',
      profile: 'Perfil',
      entity: 'Elemento',
      action: 'Acción',
      summary: 'Descripción',
    },
    card: {
      title: 'Bitácora',
      text: 'Los cambios registrados, con filtros por elemento, texto y fechas, y su exportación a CSV, están en su propia sección.',
      open: 'Abrir la bitácora',
    },
  },
} as const
