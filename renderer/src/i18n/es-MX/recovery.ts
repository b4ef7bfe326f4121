/** The recovery screen shown when the data file cannot be used. */
export const recovery = {
  recovery: {
    title: 'Recuperación de datos',
    intro: 'Secretariado no pudo abrir su archivo de datos. No se sobrescribió ni se borró nada.',
    problem: 'Qué ocurrió',
    quarantined: 'El archivo dañado se apartó para conservarlo en:',
    notQuarantined: 'El archivo original permanece en su lugar, sin cambios.',
    dataFile: 'Archivo de datos',
    backupsTitle: 'Copias de seguridad disponibles',
    backupsHint: 'Elija la copia más reciente que considere correcta. Los cambios posteriores a esa copia no se recuperarán.',
    backupsLabel: 'Copias de seguridad válidas',
    savedAt: 'Fecha de la copia',
    kind: 'Tipo',
    size: 'Tamaño',
    actions: 'Acción',
    restore: 'Restaurar esta copia',
    restoreLabel: 'Restaurar esta copia ({{date}})',
    noBackups: 'No se encontraron copias de seguridad válidas.',
    startEmpty: 'Empezar con datos vacíos',
    startEmptyHint: 'Crea un archivo de datos nuevo, sin integrantes, sesiones ni acuerdos. El archivo dañado se conserva aparte.',
    cannotStartEmpty:
      'Este archivo fue creado por una versión más reciente de Secretariado. Actualice la aplicación para abrirlo; no es posible empezar con datos vacíos sin perderlo.',
    confirmTitle: 'Empezar con datos vacíos',
    confirmText:
      'Se creará un archivo de datos nuevo y vacío. El archivo dañado se conserva aparte por si necesita recuperarlo después. ¿Desea continuar?',
    confirmButton: 'Sí, empezar vacío',
    restored: 'Se restauró la copia de seguridad. Ya puede seguir trabajando.',
    startedEmpty: 'Se creó un archivo de datos vacío.',
    successTitle: 'Datos recuperados',
  },
} as const
