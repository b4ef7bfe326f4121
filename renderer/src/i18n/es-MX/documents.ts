/** Generated documents: acta, convocatoria and the progress report. */
export const documents = {
  documents: {
    kinds: {
      acta: 'Acta (PDF)',
      convocatoria: 'Convocatoria (PDF)',
      'lista-asistencia': 'Lista de asistencia (PDF)',
    },
    titles: {
      acta: 'Acta de la sesión',
      convocatoria: 'Convocatoria y orden del día',
      'lista-asistencia': 'Lista de asistencia para firma',
      reporte: 'Reporte de avance del Plan de Acción',
    },
    descriptions: {
      acta: 'El acta con asistencia, quórum, desarrollo de cada punto, acuerdos y bloques de firma, en PDF/A para archivo.',
      convocatoria: 'La convocatoria con el orden del día, lista para enviar a las personas integrantes.',
      'lista-asistencia': 'Las personas integrantes por sector, con un recuadro para su firma autógrafa y la hora de llegada, para imprimir y llevar a la sala.',
    },
    generate: 'Generar PDF',
    generateAgain: 'Generar de nuevo',
    starting: 'Preparando el documento…',
    generating: 'Generando el documento…',
    progressLabel: 'Avance de la generación',
    percent: '{{value}} %',
    keepWorking: 'Puede seguir trabajando: la ventana no se bloquea mientras se genera.',
    ready: 'Documento listo',
    warningTitle: 'Revise el documento',
    failed: 'No se generó el documento',
    save: 'Guardar PDF',
    saved: 'Se guardó {{fileName}}.',
    openViewer: 'Abrir en el visor',
    opened: 'Se abrió {{fileName}} en el visor de PDF.',
    formatValue: 'PDF/A-2b · es-MX',
    previewNote: 'La vista previa se abre en el visor de PDF del sistema, que muestra el documento tal como se imprimirá.',
    reportCard: {
      description: 'El avance del Plan de Acción Local: compromisos por pilar, hitos y acuerdos vencidos.',
    },
    invitation: {
      button: 'Invitación de calendario (.ics)',
      cancelButton: 'Cancelación para calendarios (.ics)',
      saved: 'Se guardó {{fileName}}: ábralo o adjúntelo al correo para que la sesión quede en los calendarios.',
    },
  },
} as const
