/** Labels of the data's enumerations, so a status never shows its internal code. */
export const enums = {
  enums: {
    sessionType: {
      ordinaria: 'Ordinaria',
      extraordinaria: 'Extraordinaria',
    },
    sessionStatus: {
      borrador: 'Borrador',
      convocada: 'Convocada',
      'en-curso': 'En curso',
      concluida: 'Concluida',
      'en-firma': 'En firma',
      firmada: 'Firmada',
      cancelada: 'Cancelada',
    },
    actStatus: {
      borrador: 'Acta en borrador',
      'en-revision': 'Acta en revisión',
      aprobada: 'Acta aprobada',
      firmada: 'Acta firmada',
    },
    /** The acta of a session «en firma» (display only: the acta's stored state stays «en revisión»). */
    actStatusInSigning: 'Acta en firma',
    modality: {
      presencial: 'Presencial',
      virtual: 'Virtual',
      hibrida: 'Híbrida',
    },
    agendaType: {
      tramite: 'Trámite',
      informativo: 'Informativo',
      deliberativo: 'Deliberativo',
      votacion: 'Votación',
      'asuntos-generales': 'Asuntos generales',
    },
    agendaStatus: {
      pendiente: 'Pendiente',
      tratado: 'Tratado',
      diferido: 'Diferido',
      retirado: 'Retirado',
    },
    attendance: {
      presente: 'Presente',
      ausente: 'Ausente',
      justificada: 'Ausencia justificada',
      suplente: 'Representado por suplente',
    },
    attendanceShort: {
      presente: 'Presente',
      ausente: 'Ausente',
      justificada: 'Justificada',
      suplente: 'Suplente',
    },
    agreementState: {
      pendiente: 'Pendiente',
      'en-proceso': 'En proceso',
      cumplido: 'Cumplido',
      cancelado: 'Cancelado',
      vencido: 'Vencido',
    },
    sector: {
      'gobierno-estatal': 'Gobierno del Estado',
      'sociedad-civil': 'Sociedad civil',
      'organo-garante': 'Órgano garante (ITEI)',
      academia: 'Academia',
      municipio: 'Municipio',
      otro: 'Otro',
    },
    role: {
      titular: 'Titular',
      suplente: 'Suplente',
    },
    voting: {
      'voz-y-voto': 'Voz y voto',
      voz: 'Voz',
    },
    pillar: {
      transparencia: 'Transparencia',
      'rendicion-de-cuentas': 'Rendición de cuentas',
      'participacion-ciudadana': 'Participación ciudadana',
      'tecnologia-e-innovacion': 'Tecnología e innovación',
    },
    level: {
      'no-iniciado': 'No iniciado',
      limitado: 'Limitado',
      sustancial: 'Sustancial',
      completo: 'Completo',
    },
    milestoneStatus: {
      'no-iniciado': 'No iniciado',
      'en-proceso': 'En proceso',
      completado: 'Completado',
    },
    quorumRule: {
      'mitad-mas-uno': 'Mitad más uno',
      'dos-tercios': 'Dos tercios',
      porcentaje: 'Porcentaje',
    },
    quorumCall: {
      primera: 'primera convocatoria',
      segunda: 'segunda convocatoria',
    },
    auditEntity: {
      integrante: 'Integrante',
      sesion: 'Sesión',
      acuerdo: 'Acuerdo',
      compromiso: 'Compromiso',
      plan: 'Plan',
      configuracion: 'Configuración',
      archivo: 'Archivo',
    },
    auditAction: {
      crear: 'Creación',
      editar: 'Edición',
      eliminar: 'Eliminación',
      importar: 'Importación',
      restaurar: 'Restauración',
      estado: 'Cambio de estado',
    },
    backupKind: {
      guardado: 'Al guardar',
      diario: 'Diaria',
    },
  },
} as const
