/**
 * The commitments of the demo Plan de Acción Local, written after the OGP
 * commitment template. Dates are offsets from the plan's first year so the
 * same text serves whichever plan period covers `today`.
 */
import type { Pillar } from '../core/model/schema'
import type { InstitutionKey } from './institutions'

export interface MilestoneSpec {
  title: string
  deliverable: string
}

export interface CommitmentSpec {
  title: string
  pillars: Pillar[]
  problem: string
  baseline: string
  objective: string
  expectedResult: string
  leadInstitution: string
  /** The seat that reports on it at the STL (the lead, or the co-lead when the lead has no seat). */
  reporter: InstitutionKey
  coLeadInstitution: string
  coLead: InstitutionKey
  /** Months after January of the plan's first year. */
  startMonth: number
  endMonth: number
  milestones: MilestoneSpec[]
}

export const COMMITMENTS: readonly CommitmentSpec[] = [
  {
    title: 'Presupuesto abierto y participativo del Estado de Jalisco',
    pillars: ['transparencia', 'participacion-ciudadana'],
    problem:
      'La información sobre el ejercicio del presupuesto estatal se publica en formatos cerrados y con un lenguaje técnico que dificulta su consulta; además, la población no cuenta con mecanismos para incidir en la asignación de recursos públicos.',
    baseline:
      'En 2024 sólo el 18 % de los reportes trimestrales de ejercicio del gasto se publicó en formatos de datos abiertos y ninguna dependencia estatal contaba con un ejercicio de presupuesto participativo.',
    objective:
      'Publicar en datos abiertos el ciclo presupuestario completo del Gobierno de Jalisco y habilitar un mecanismo ciudadano para priorizar una parte del gasto de inversión.',
    expectedResult:
      'Un portal de presupuesto ciudadano con información trimestral en formatos abiertos y un ejercicio anual de presupuesto participativo con resultados publicados.',
    leadInstitution: 'Secretaría de la Hacienda Pública',
    reporter: 'hacienda',
    coLeadInstitution: 'Jalisco Cómo Vamos, Observatorio Ciudadano',
    coLead: 'jcv',
    startMonth: 3,
    endMonth: 32,
    milestones: [
      { title: 'Diagnóstico de la información presupuestaria publicada y de sus formatos', deliverable: 'Documento de diagnóstico publicado en el micrositio de Gobierno Abierto Jalisco' },
      { title: 'Publicación del presupuesto ciudadano en formatos abiertos', deliverable: 'Conjunto de datos del presupuesto de egresos en CSV y JSON con diccionario de datos' },
      { title: 'Co-creación de las reglas del presupuesto participativo', deliverable: 'Reglas de operación validadas en mesas de trabajo con sociedad civil' },
      { title: 'Primer ejercicio de presupuesto participativo estatal', deliverable: 'Informe de resultados de la consulta y relación de proyectos seleccionados' },
      { title: 'Evaluación ciudadana del ejercicio', deliverable: 'Informe de evaluación elaborado con la sociedad civil' },
    ],
  },
  {
    title: 'Contrataciones abiertas en la obra pública estatal',
    pillars: ['transparencia', 'rendicion-de-cuentas'],
    problem:
      'La información de los procedimientos de contratación de obra pública está dispersa en distintos sistemas y no permite seguir un contrato desde su planeación hasta su finiquito.',
    baseline: 'Menos del 30 % de los contratos de obra pública estatal de 2024 contaba con información de ejecución y finiquito publicada.',
    objective: 'Adoptar el Estándar de Datos para las Contrataciones Abiertas (EDCA) en los procedimientos de obra pública del Gobierno del Estado.',
    expectedResult:
      'El 100 % de los contratos de obra pública estatal publicados conforme al EDCA y testigos sociales en los procedimientos de mayor monto.',
    leadInstitution: 'Contraloría del Estado de Jalisco',
    reporter: 'contraloria',
    coLeadInstitution: 'CIMTRA Jalisco, Ciudadanos por Municipios Transparentes',
    coLead: 'cimtra',
    startMonth: 4,
    endMonth: 30,
    milestones: [
      { title: 'Mapeo de los sistemas de información de contrataciones', deliverable: 'Inventario de sistemas y campos publicado' },
      { title: 'Publicación de los contratos de obra del ejercicio en curso conforme al EDCA', deliverable: 'Conjunto de datos EDCA en el portal de datos abiertos' },
      { title: 'Programa de testigos sociales en licitaciones de alto monto', deliverable: 'Lineamientos y padrón de testigos sociales' },
      { title: 'Tablero ciudadano de seguimiento a la obra pública', deliverable: 'Tablero público en línea con actualización mensual' },
    ],
  },
  {
    title: 'Datos abiertos sobre el abasto y la calidad del agua en el Área Metropolitana de Guadalajara',
    pillars: ['transparencia', 'tecnologia-e-innovacion'],
    problem:
      'La ciudadanía no cuenta con información oportuna y comparable sobre la calidad, el abasto y los cortes programados de agua potable en su colonia.',
    baseline: 'En 2024 no existía un conjunto de datos público y actualizado sobre cortes programados de agua en el Área Metropolitana de Guadalajara.',
    objective: 'Publicar y mantener actualizados conjuntos de datos abiertos sobre abasto, cortes y calidad del agua, con herramientas de consulta por colonia.',
    expectedResult: 'Tres conjuntos de datos abiertos actualizados al menos mensualmente y un visualizador ciudadano por colonia.',
    leadInstitution: 'Coordinación General de Innovación Gubernamental',
    reporter: 'innovacion',
    coLeadInstitution: 'Red de Datos Abiertos de Occidente, A.C.',
    coLead: 'datos',
    startMonth: 5,
    endMonth: 33,
    milestones: [
      { title: 'Inventario de datos sobre abasto y calidad del agua', deliverable: 'Inventario de fuentes y responsables de la información' },
      { title: 'Publicación del conjunto de datos de cortes programados', deliverable: 'Conjunto de datos con actualización semanal' },
      { title: 'Visualizador de calidad del agua por colonia', deliverable: 'Herramienta web de consulta publicada' },
      { title: 'Talleres de uso de datos con colectivos vecinales', deliverable: 'Memoria de cinco talleres, uno por municipio invitado' },
    ],
  },
  {
    title: 'Participación ciudadana en la planeación municipal metropolitana',
    pillars: ['participacion-ciudadana'],
    problem:
      'Las consultas para los planes municipales de desarrollo se realizan con metodologías distintas y no se informa a la ciudadanía qué propuestas se incorporaron.',
    baseline: 'Ninguno de los cinco municipios invitados publicó en 2024 la relación de propuestas ciudadanas incorporadas a su plan municipal.',
    objective: 'Construir con los municipios invitados una metodología común de consulta y devolución de resultados para la planeación municipal.',
    expectedResult: 'Cinco municipios aplican la metodología común y publican la relación de propuestas incorporadas.',
    leadInstitution: 'Secretaría de Planeación y Participación Ciudadana',
    reporter: 'planeacion',
    coLeadInstitution: 'Consejo Ciudadano de Participación Social de Jalisco, A.C.',
    coLead: 'consejo',
    startMonth: 2,
    endMonth: 28,
    milestones: [
      { title: 'Metodología común de consulta para los planes municipales', deliverable: 'Guía metodológica aprobada por el STL' },
      { title: 'Consultas ciudadanas en los cinco municipios invitados', deliverable: 'Bases de datos de propuestas por municipio' },
      { title: 'Informe de incorporación de propuestas ciudadanas', deliverable: 'Informe público con la relación de propuestas incorporadas' },
    ],
  },
  {
    title: 'Rendición de cuentas de los programas sociales estatales',
    pillars: ['rendicion-de-cuentas', 'transparencia'],
    problem:
      'Los padrones de personas beneficiarias se publican sin una estructura común y los comités de contraloría social no tienen canales para reportar sus hallazgos.',
    baseline: 'En 2024, 4 de 19 programas sociales estatales publicaban su padrón en formato abierto y sólo 2 contaban con comités de contraloría social activos.',
    objective: 'Publicar los padrones de los programas sociales en un formato abierto común y fortalecer la contraloría social en los programas prioritarios.',
    expectedResult: 'Padrones de los 19 programas en formato abierto con protección de datos personales y comités activos en los programas prioritarios.',
    leadInstitution: 'Secretaría del Sistema de Asistencia Social',
    reporter: 'contraloria',
    coLeadInstitution: 'Observatorio Ciudadano de Gobernanza y Transparencia, A.C.',
    coLead: 'observatorio',
    startMonth: 3,
    endMonth: 31,
    milestones: [
      { title: 'Estructura común de datos para padrones de personas beneficiarias', deliverable: 'Esquema de datos validado por el ITEI' },
      { title: 'Publicación de los padrones en formato abierto', deliverable: 'Padrones publicados en el portal de datos abiertos' },
      { title: 'Instalación de comités de contraloría social en programas prioritarios', deliverable: 'Actas de instalación de los comités' },
      { title: 'Informe ciudadano de resultados de los programas sociales', deliverable: 'Informe en lenguaje ciudadano' },
    ],
  },
  {
    title: 'Datos abiertos con perspectiva de género sobre la atención a mujeres en situación de violencia',
    pillars: ['transparencia', 'participacion-ciudadana'],
    problem:
      'La información sobre la atención a mujeres en situación de violencia se publica de forma agregada, sin desagregación territorial y con retrasos de varios meses.',
    baseline: 'En 2024 la información se publicaba una vez al año y sin desagregación por municipio.',
    objective: 'Publicar trimestralmente datos desagregados y anonimizados sobre la atención a mujeres en situación de violencia, co-diseñados con colectivas.',
    expectedResult: 'Publicación trimestral de datos desagregados por municipio con un protocolo de anonimización validado por el órgano garante.',
    leadInstitution: 'Secretaría de Igualdad Sustantiva entre Mujeres y Hombres',
    reporter: 'mujeres',
    coLeadInstitution: 'Mujeres por la Transparencia Jalisco, A.C.',
    coLead: 'mujeres',
    startMonth: 6,
    endMonth: 34,
    milestones: [
      { title: 'Catálogo de datos sobre atención a mujeres en situación de violencia', deliverable: 'Catálogo publicado con responsables y periodicidad' },
      { title: 'Protocolo de anonimización validado por el ITEI', deliverable: 'Protocolo aprobado y publicado' },
      { title: 'Mesa de co-creación con colectivas y organizaciones', deliverable: 'Relatoría de la mesa y acuerdos' },
      { title: 'Publicación trimestral de datos desagregados por municipio', deliverable: 'Cuatro publicaciones trimestrales consecutivas' },
    ],
  },
  {
    title: 'Ventanilla digital de transparencia para los municipios invitados',
    pillars: ['tecnologia-e-innovacion', 'transparencia'],
    problem:
      'Las solicitudes de acceso a la información dirigidas a los municipios se presentan por canales distintos y las respuestas no se publican de manera consultable.',
    baseline: 'En 2024 el tiempo promedio de respuesta de los cinco municipios invitados fue de 9.4 días hábiles y ninguno publicaba sus respuestas en datos abiertos.',
    objective: 'Poner en operación una ventanilla digital común para los cinco municipios invitados, con publicación de respuestas en formatos abiertos.',
    expectedResult: 'Ventanilla en operación en los cinco municipios y tiempo promedio de respuesta menor a 7 días hábiles.',
    leadInstitution: 'Coordinación General de Transparencia',
    reporter: 'transparencia',
    coLeadInstitution: 'CIMTRA Jalisco, Ciudadanos por Municipios Transparentes',
    coLead: 'cimtra',
    startMonth: 8,
    endMonth: 35,
    milestones: [
      { title: 'Requerimientos funcionales acordados con los municipios', deliverable: 'Documento de requerimientos firmado por los enlaces municipales' },
      { title: 'Piloto de la ventanilla en Guadalajara y Zapopan', deliverable: 'Informe del piloto con indicadores de uso' },
      { title: 'Despliegue en Tlajomulco de Zúñiga, San Pedro Tlaquepaque y Tonalá', deliverable: 'Ventanilla en operación en los cinco municipios' },
      { title: 'Publicación de respuestas en datos abiertos', deliverable: 'Conjunto de datos de solicitudes y respuestas' },
      { title: 'Evaluación de tiempos de respuesta', deliverable: 'Informe comparativo con la línea base' },
    ],
  },
]
