/**
 * Substantive agenda items an STL year goes through, with what the notes can
 * say about them and the agreements they usually produce.
 *
 * Placeholders: {plan} (e.g. "Plan de Acción Local 2025–2027"), {year},
 * {nextYear}, {municipio}, {n} and {commitment} (a PAL commitment), {lead} and
 * {coLead} (its institutions), {presenter}, {institution} (the presenter's, in
 * running text), {pillar}, {cso} (a civil-society organisation).
 */
import type { InstitutionKey } from './institutions'

export type Responsible = InstitutionKey | 'presenter' | 'reporter' | 'coLead' | 'municipio'

export interface AgreementTemplate {
  text: string
  responsible: readonly Responsible[]
  /** Days from the session to the due date; null for agreements with nothing left to do. */
  dueDays: number | null
  /** Whether it follows up a PAL commitment (the topic's). */
  linksCommitment?: boolean
}

export interface TopicSpec {
  id: string
  title: string
  type: 'informativo' | 'deliberativo' | 'votacion'
  presenter: InstitutionKey | 'reporter' | 'municipio'
  /** 'commitment': needs a commitment of the plan in force on the session date. */
  needs?: 'commitment'
  /** Only in these months (e.g. next year's calendar is approved late in the year). */
  months?: readonly number[]
  /** Standing business: on every ordinaria where it is eligible (e.g. the quarterly report). */
  standing?: boolean
  /** One-off business: at most once a calendar year (dense benchmark data ignores this). */
  yearly?: boolean
  /** Only in these years of a three-year plan period (1–3): co-creation happens in the last year of a plan, the mid-term review in the second. */
  planYears?: readonly number[]
  /** Suitable as the business of an extraordinaria. */
  extraordinary?: boolean
  /** Sub-items (2.1, 2.2 …): fixed titles, or one per commitment reported. */
  subItems?: 'commitments' | readonly { title: string; presenter: InstitutionKey }[]
  minutes: readonly [number, number]
  details: readonly string[]
  agreements: readonly AgreementTemplate[]
}

export const TOPICS: readonly TopicSpec[] = [
  {
    id: 'informe-trimestral',
    standing: true,
    title: 'Informe trimestral de avance de los compromisos del {plan}',
    type: 'informativo',
    presenter: 'transparencia',
    needs: 'commitment',
    months: [1, 4, 7, 10],
    subItems: 'commitments',
    minutes: [20, 30],
    details: [
      'Se presentó el tablero de seguimiento con el porcentaje de avance de cada compromiso, calculado a partir del peso de sus hitos.',
      'Se señaló que la mayoría de los compromisos avanza conforme a su cronograma y que dos de ellos presentan rezago en la entrega de evidencias.',
      'Se recordó que el informe se publicará en el micrositio de Gobierno Abierto Jalisco una vez integradas las observaciones de las personas integrantes.',
    ],
    agreements: [
      {
        text: 'Se tiene por presentado el informe trimestral de avance de los compromisos del {plan} y se instruye a la Secretaría Técnica publicarlo en el micrositio de Gobierno Abierto Jalisco en un plazo no mayor a diez días hábiles.',
        responsible: ['transparencia'],
        dueDays: 14,
      },
      {
        text: 'Se solicita a las instituciones responsables de los compromisos con rezago presentar un plan de trabajo ajustado en la siguiente sesión ordinaria.',
        responsible: ['transparencia', 'planeacion'],
        dueDays: 35,
      },
    ],
  },
  {
    id: 'avance-compromiso',
    title: 'Presentación de avances del Compromiso {n}: {commitment}',
    type: 'informativo',
    presenter: 'reporter',
    needs: 'commitment',
    minutes: [15, 25],
    details: [
      'Se informó el estado de cada hito del compromiso, las evidencias entregadas y los riesgos identificados para su cumplimiento.',
      '{coLead}, como institución corresponsable, compartió su valoración sobre el avance y los retos de la siguiente etapa.',
      'Se mostraron los conjuntos de datos publicados hasta la fecha y las estadísticas de descarga del portal.',
    ],
    agreements: [
      {
        text: 'Se tiene por presentado el avance del Compromiso {n} y se solicita a {lead} remitir a la Secretaría Técnica la evidencia documental de los hitos reportados.',
        responsible: ['reporter'],
        dueDays: 30,
        linksCommitment: true,
      },
      {
        text: 'Se instruye a {lead} y a {coLead} realizar una mesa técnica para atender las observaciones formuladas al Compromiso {n} e informar sus resultados en la siguiente sesión ordinaria.',
        responsible: ['reporter', 'coLead'],
        dueDays: 40,
        linksCommitment: true,
      },
    ],
  },
  {
    id: 'ajuste-hitos',
    title: 'Propuesta de ajuste al cronograma de hitos del Compromiso {n}: {commitment}',
    type: 'votacion',
    presenter: 'reporter',
    needs: 'commitment',
    extraordinary: true,
    minutes: [15, 20],
    details: [
      'Se expusieron las causas del retraso, entre ellas la validación jurídica de los documentos y los tiempos de contratación de servicios tecnológicos.',
      'La propuesta recorre la fecha de entrega de dos hitos sin modificar la fecha de término del compromiso.',
      'Las organizaciones de la sociedad civil pidieron que el ajuste se acompañe de un calendario de entregas intermedias verificables.',
    ],
    agreements: [
      {
        text: 'Se aprueba el ajuste al cronograma de hitos del Compromiso {n}, en los términos presentados por {lead}, y se instruye a la Secretaría Técnica actualizar la ficha del compromiso.',
        responsible: ['reporter', 'transparencia'],
        dueDays: 20,
        linksCommitment: true,
      },
    ],
  },
  {
    id: 'calendario',
    yearly: true,
    title: 'Aprobación del calendario de sesiones ordinarias {nextYear}',
    type: 'votacion',
    presenter: 'transparencia',
    months: [10, 11, 12],
    minutes: [5, 10],
    details: [
      'La propuesta prevé una sesión ordinaria mensual, preferentemente en la última semana de cada mes, y la sesión de diciembre antes del periodo vacacional.',
      'Se propuso alternar las sedes entre las instituciones integrantes y mantener la modalidad híbrida para facilitar la participación de los municipios invitados.',
    ],
    agreements: [
      {
        text: 'Se aprueba el calendario de sesiones ordinarias del Secretariado Técnico Local para el año {nextYear} y se instruye a la Secretaría Técnica publicarlo en el micrositio de Gobierno Abierto Jalisco.',
        responsible: ['transparencia'],
        dueDays: 15,
      },
    ],
  },
  {
    id: 'metodologia-cocreacion',
    yearly: true,
    planYears: [3],
    title: 'Aprobación de la metodología de co-creación del Plan de Acción Local',
    type: 'votacion',
    presenter: 'planeacion',
    extraordinary: true,
    minutes: [20, 30],
    details: [
      'La metodología contempla mesas temáticas abiertas por pilar, una consulta pública en línea y la validación final de los compromisos en sesión del Secretariado.',
      'Se precisó que cada mesa temática será coordinada de manera conjunta por una institución de gobierno y una organización de la sociedad civil.',
      'Se incorporó la recomendación de la academia de documentar la trazabilidad de cada propuesta ciudadana hasta su dictaminación.',
    ],
    agreements: [
      {
        text: 'Se aprueba la metodología de co-creación del Plan de Acción Local, que comprende mesas temáticas abiertas, una consulta pública en línea y la validación final en sesión del Secretariado.',
        responsible: ['planeacion'],
        dueDays: 30,
      },
      {
        text: 'Se instruye a la Secretaría Técnica difundir la convocatoria de las mesas de co-creación entre organizaciones de la sociedad civil, academia y municipios invitados.',
        responsible: ['transparencia'],
        dueDays: 21,
      },
    ],
  },
  {
    id: 'consulta-publica',
    yearly: true,
    planYears: [3],
    title: 'Resultados de la consulta pública para identificar problemas públicos prioritarios',
    type: 'informativo',
    presenter: 'planeacion',
    minutes: [15, 25],
    details: [
      'Se informó que la consulta recibió más de dos mil propuestas, la mayoría relacionadas con agua, seguridad, movilidad y uso de recursos públicos.',
      'Se presentó la sistematización de las propuestas por pilar de gobierno abierto y por municipio de residencia de las personas participantes.',
    ],
    agreements: [
      {
        text: 'Se tienen por presentados los resultados de la consulta pública y se acuerda publicar la base de datos de propuestas en formato abierto, previa protección de datos personales.',
        responsible: ['planeacion', 'itei'],
        dueDays: 30,
      },
    ],
  },
  {
    id: 'avance-municipio',
    title: 'Presentación de avances del Ayuntamiento de {municipio} en materia de gobierno abierto',
    type: 'informativo',
    presenter: 'municipio',
    minutes: [10, 20],
    details: [
      'Se presentaron las acciones del municipio en materia de transparencia proactiva, datos abiertos y participación ciudadana.',
      'Se destacó la publicación de información de obra pública municipal y la instalación de un consejo ciudadano de seguimiento.',
      'El Ayuntamiento de {municipio} manifestó su interés en sumarse formalmente a los compromisos del Plan de Acción Local.',
    ],
    agreements: [
      {
        text: 'Se tiene por presentado el informe del Ayuntamiento de {municipio} y se invita a los demás municipios invitados a compartir sus avances en las siguientes sesiones.',
        responsible: ['municipio'],
        dueDays: null,
      },
      {
        text: 'Se instruye a la Secretaría Técnica acompañar al Ayuntamiento de {municipio} en la integración de su agenda local de gobierno abierto.',
        responsible: ['transparencia', 'municipio'],
        dueDays: 60,
      },
    ],
  },
  {
    id: 'informe-itei',
    title: 'Informe del ITEI sobre la verificación de obligaciones de transparencia',
    type: 'informativo',
    presenter: 'itei',
    minutes: [15, 20],
    details: [
      'El órgano garante presentó los resultados de la verificación de las obligaciones de transparencia de los sujetos obligados estatales y municipales.',
      'Se identificaron áreas de mejora en la publicación de información sobre contrataciones, padrones de beneficiarios y versiones públicas de contratos.',
    ],
    agreements: [
      {
        text: 'Se tiene por presentado el informe del órgano garante y se acuerda que la Secretaría Técnica lo circule entre las personas integrantes.',
        responsible: ['transparencia'],
        dueDays: 10,
      },
      {
        text: 'Se solicita al ITEI impartir una capacitación sobre la elaboración de versiones públicas a los enlaces de las instituciones integrantes.',
        responsible: ['itei'],
        dueDays: 60,
      },
    ],
  },
  {
    id: 'mecanismo-gobernanza',
    yearly: true,
    title: 'Propuesta de reforma al Mecanismo de Gobernanza del Secretariado Técnico Local',
    type: 'votacion',
    presenter: 'planeacion',
    extraordinary: true,
    minutes: [20, 30],
    details: [
      'La reforma incorpora la figura de personas observadoras, precisa las reglas de suplencia y establece plazos para la circulación de las actas.',
      'Se discutió la conveniencia de rotar la coordinación del Secretariado entre gobierno y sociedad civil cada año.',
      'Se aclaró que los municipios invitados mantendrán su participación con voz y sin voto.',
    ],
    agreements: [
      {
        text: 'Se aprueba la reforma al Mecanismo de Gobernanza del Secretariado Técnico Local en los términos del documento circulado, con las observaciones formuladas en la sesión.',
        responsible: ['planeacion'],
        dueDays: 15,
      },
      {
        text: 'Se instruye a la Secretaría Técnica publicar el Mecanismo de Gobernanza actualizado en el micrositio de Gobierno Abierto Jalisco.',
        responsible: ['transparencia'],
        dueDays: 20,
      },
    ],
  },
  {
    id: 'difusion',
    yearly: true,
    title: 'Estrategia de difusión del {plan}',
    type: 'deliberativo',
    presenter: 'transparencia',
    minutes: [15, 20],
    details: [
      'Se propuso una campaña en lenguaje ciudadano, materiales en formatos accesibles y presentaciones en los cinco municipios invitados.',
      'Las organizaciones sugirieron incluir a medios comunitarios y universitarios en la estrategia.',
    ],
    agreements: [
      {
        text: 'Se instruye a la Coordinación General de Transparencia integrar las observaciones de las personas integrantes a la estrategia de difusión y presentarla para su aprobación en la siguiente sesión.',
        responsible: ['transparencia'],
        dueDays: 30,
      },
    ],
  },
  {
    id: 'tablero-ciudadano',
    yearly: true,
    title: 'Propuesta de la sociedad civil para un tablero ciudadano de seguimiento',
    type: 'deliberativo',
    presenter: 'jcv',
    minutes: [15, 25],
    details: [
      'La propuesta plantea un tablero público con los indicadores de cada compromiso, actualizado mensualmente con la información que reportan las instituciones responsables.',
      'Se discutió quién administrará el tablero y cómo se garantizará la verificación independiente de la información.',
    ],
    agreements: [
      {
        text: 'Se conforma un grupo de trabajo integrado por Jalisco Cómo Vamos, la Red de Datos Abiertos de Occidente y la Coordinación General de Innovación Gubernamental para elaborar la propuesta técnica del tablero ciudadano de seguimiento.',
        responsible: ['jcv', 'datos', 'innovacion'],
        dueDays: 60,
      },
    ],
  },
  {
    id: 'autoevaluacion',
    yearly: true,
    planYears: [2],
    title: 'Aprobación del informe de autoevaluación de medio término del {plan}',
    type: 'votacion',
    presenter: 'transparencia',
    needs: 'commitment',
    extraordinary: true,
    minutes: [20, 30],
    details: [
      'El informe sigue la guía de la Alianza para el Gobierno Abierto y reporta el nivel de cumplimiento de cada compromiso y sus hitos.',
      'Se incorporaron los comentarios recibidos durante el periodo de consulta pública de dos semanas.',
    ],
    agreements: [
      {
        text: 'Se aprueba el informe de autoevaluación de medio término del {plan} y se instruye su envío a la Alianza para el Gobierno Abierto a través de la Secretaría Técnica.',
        responsible: ['transparencia'],
        dueDays: 15,
      },
    ],
  },
  {
    id: 'portal-datos',
    yearly: true,
    title: 'Presentación de las nuevas funciones del portal de datos abiertos del Gobierno de Jalisco',
    type: 'informativo',
    presenter: 'innovacion',
    minutes: [15, 20],
    details: [
      'Se mostraron las nuevas funciones de búsqueda, la descarga en formatos CSV y JSON y la interfaz de programación para consultas automatizadas.',
      'Se informó que el portal publica actualmente más de cuatrocientos conjuntos de datos de dependencias estatales.',
    ],
    agreements: [
      {
        text: 'Se solicita a la Coordinación General de Innovación Gubernamental incorporar al portal de datos abiertos los conjuntos de datos comprometidos en el {plan}.',
        responsible: ['innovacion'],
        dueDays: 45,
      },
    ],
  },
  {
    id: 'mesa-tematica',
    yearly: true,
    planYears: [3],
    title: 'Designación de la organización que coordinará la mesa temática de {pillar}',
    type: 'votacion',
    presenter: 'planeacion',
    minutes: [10, 15],
    details: [
      'Se recibieron manifestaciones de interés de tres organizaciones de la sociedad civil para coordinar la mesa.',
      'Se valoró la experiencia de cada organización en el tema y su disponibilidad para acompañar los trabajos durante el periodo del plan.',
    ],
    agreements: [
      {
        text: 'Se designa a {cso} como organización coordinadora de la mesa temática de {pillar}, junto con la Secretaría de Planeación y Participación Ciudadana.',
        responsible: ['planeacion'],
        dueDays: null,
      },
    ],
  },
  {
    id: 'indicadores-academia',
    yearly: true,
    title: 'Observaciones de la academia a los indicadores de los compromisos',
    type: 'deliberativo',
    presenter: 'udg',
    needs: 'commitment',
    minutes: [15, 20],
    details: [
      'Se señaló que varios indicadores miden actividades y no resultados, y se propusieron indicadores alternativos con línea base verificable.',
      'Se sugirió homologar las fichas técnicas de los indicadores con la metodología del sistema estatal de monitoreo.',
    ],
    agreements: [
      {
        text: 'Se instruye a las instituciones responsables de los compromisos atender las observaciones de la academia sobre los indicadores y reportar su incorporación en la siguiente sesión ordinaria.',
        responsible: ['transparencia', 'udg'],
        dueDays: 45,
      },
    ],
  },
  {
    id: 'observadores',
    yearly: true,
    title: 'Lineamientos para la participación de personas observadoras en las sesiones',
    type: 'votacion',
    presenter: 'transparencia',
    minutes: [10, 20],
    details: [
      'Los lineamientos establecen el registro previo de las personas observadoras, su participación con voz en asuntos generales y las reglas de transmisión de las sesiones.',
      'Se acordó que las sesiones se transmitirán en vivo salvo cuando se traten datos personales.',
    ],
    agreements: [
      {
        text: 'Se aprueban los lineamientos para la participación de personas observadoras en las sesiones del Secretariado Técnico Local.',
        responsible: ['transparencia'],
        dueDays: 15,
      },
    ],
  },
  {
    id: 'contraloria-social',
    title: 'Informe de la Contraloría del Estado sobre los comités de contraloría social',
    type: 'informativo',
    presenter: 'contraloria',
    minutes: [15, 20],
    details: [
      'Se informó la instalación de nuevos comités de contraloría social en programas estatales y los principales hallazgos reportados por las personas beneficiarias.',
      'Se presentó la propuesta de un formato único para que los comités reporten irregularidades.',
    ],
    agreements: [
      {
        text: 'Se solicita a la Contraloría del Estado publicar en formato abierto la relación de comités de contraloría social instalados y sus reportes.',
        responsible: ['contraloria'],
        dueDays: 45,
      },
    ],
  },
  {
    id: 'capacitacion-municipal',
    yearly: true,
    title: 'Programa de capacitación en gobierno abierto para personas servidoras públicas municipales',
    type: 'deliberativo',
    presenter: 'itei',
    minutes: [15, 20],
    details: [
      'Se propuso un ciclo de cinco talleres sobre transparencia proactiva, datos abiertos, participación ciudadana y rendición de cuentas.',
      'La Universidad de Guadalajara ofreció sus instalaciones y la certificación de las personas participantes.',
    ],
    agreements: [
      {
        text: 'Se aprueba realizar un ciclo de capacitación en gobierno abierto dirigido a personas servidoras públicas de los cinco municipios invitados, coordinado por el ITEI y la Universidad de Guadalajara.',
        responsible: ['itei', 'udg'],
        dueDays: 90,
      },
    ],
  },
  {
    id: 'semana-gobierno-abierto',
    yearly: true,
    title: 'Informe de actividades de la Semana de Gobierno Abierto {year}',
    type: 'informativo',
    presenter: 'transparencia',
    months: [5, 6, 7],
    minutes: [10, 15],
    details: [
      'Se realizaron conversatorios, un hackatón de datos abiertos y presentaciones de los compromisos en las cinco cabeceras municipales invitadas.',
      'Se informó la participación de más de seiscientas personas, presencialmente y en línea.',
    ],
    agreements: [
      {
        text: 'Se tiene por presentado el informe de la Semana de Gobierno Abierto {year} y se instruye a la Secretaría Técnica publicar la memoria del evento.',
        responsible: ['transparencia'],
        dueDays: 30,
      },
    ],
  },
  {
    id: 'presupuesto-compromisos',
    yearly: true,
    title: 'Recursos presupuestales asignados a la implementación de los compromisos del {plan}',
    type: 'informativo',
    presenter: 'hacienda',
    needs: 'commitment',
    minutes: [15, 20],
    details: [
      'Se informaron los recursos asignados por dependencia para la implementación de los compromisos y las fuentes de financiamiento complementarias.',
      'Las organizaciones solicitaron conocer el gasto ejercido al cierre de cada trimestre.',
    ],
    agreements: [
      {
        text: 'Se solicita a la Secretaría de la Hacienda Pública incluir en el informe trimestral el gasto ejercido por compromiso del {plan}.',
        responsible: ['hacienda'],
        dueDays: 90,
      },
    ],
  },
  {
    id: 'nuevas-organizaciones',
    yearly: true,
    title: 'Solicitud de incorporación de organizaciones de la sociedad civil al Secretariado',
    type: 'votacion',
    presenter: 'planeacion',
    extraordinary: true,
    minutes: [10, 20],
    details: [
      'Se revisó el cumplimiento de los requisitos del Mecanismo de Gobernanza por parte de las organizaciones solicitantes.',
      'Se discutió la conveniencia de mantener el equilibrio entre el número de integrantes de gobierno y de sociedad civil.',
    ],
    agreements: [
      {
        text: 'Se aprueba invitar a las organizaciones solicitantes a participar con voz en las mesas temáticas y revisar su incorporación plena al concluir el periodo del {plan}.',
        responsible: ['planeacion'],
        dueDays: 30,
      },
    ],
  },
  {
    id: 'contrataciones-abiertas',
    yearly: true,
    title: 'Mesa de análisis sobre contrataciones abiertas en municipios',
    type: 'deliberativo',
    presenter: 'cimtra',
    minutes: [15, 25],
    subItems: [
      { title: 'Experiencia del Ayuntamiento de Guadalajara', presenter: 'guadalajara' },
      { title: 'Experiencia del Ayuntamiento de Zapopan', presenter: 'zapopan' },
    ],
    details: [
      'Se compararon las prácticas de publicación de contrataciones de los municipios invitados con el Estándar de Datos para las Contrataciones Abiertas.',
      'Se identificó la necesidad de homologar los catálogos de proveedores y las etapas del procedimiento.',
    ],
    agreements: [
      {
        text: 'Se instruye a CIMTRA Jalisco y a la Contraloría del Estado elaborar una guía de contrataciones abiertas para los municipios invitados.',
        responsible: ['cimtra', 'contraloria'],
        dueDays: 75,
      },
    ],
  },
  {
    id: 'mesas-tematicas',
    planYears: [3],
    title: 'Informe de las mesas temáticas de co-creación',
    type: 'informativo',
    presenter: 'planeacion',
    subItems: [
      { title: 'Mesa de transparencia y acceso a la información pública', presenter: 'jcv' },
      { title: 'Mesa de rendición de cuentas', presenter: 'observatorio' },
      { title: 'Mesa de participación ciudadana', presenter: 'consejo' },
      { title: 'Mesa de tecnología e innovación', presenter: 'datos' },
    ],
    minutes: [10, 15],
    details: [
      'Se informó el número de sesiones celebradas por cada mesa, la asistencia registrada y las propuestas de compromiso que se encuentran en análisis.',
      'Las coordinaciones de las mesas coincidieron en la necesidad de contar con información presupuestal para valorar la viabilidad de las propuestas.',
    ],
    agreements: [
      {
        text: 'Se tienen por presentados los informes de las mesas temáticas y se instruye a la Secretaría Técnica integrar sus relatorías al expediente del proceso de co-creación.',
        responsible: ['transparencia'],
        dueDays: 20,
      },
    ],
  },
  {
    id: 'indice-municipal',
    yearly: true,
    title: 'Presentación de los resultados de la medición de transparencia municipal {year}',
    type: 'informativo',
    presenter: 'cimtra',
    minutes: [15, 20],
    details: [
      'Se presentaron los resultados de la medición aplicada a los cinco municipios invitados, con base en una herramienta ciudadana de evaluación de la transparencia local.',
      'Se destacó la mejora en la publicación de información sobre obra pública y la persistencia de rezagos en la difusión de padrones y nóminas.',
    ],
    agreements: [
      {
        text: 'Se tienen por presentados los resultados de la medición de transparencia municipal y se invita a los municipios invitados a presentar sus planes de mejora en una sesión posterior.',
        responsible: ['cimtra', 'guadalajara', 'zapopan'],
        dueDays: 60,
      },
    ],
  },
  {
    id: 'informe-anual',
    yearly: true,
    title: 'Aprobación del informe anual de actividades del Secretariado Técnico Local {year}',
    type: 'votacion',
    presenter: 'transparencia',
    months: [11, 12],
    minutes: [10, 15],
    details: [
      'El informe reúne las sesiones celebradas, los acuerdos adoptados y su estado de cumplimiento, así como los avances del Plan de Acción Local en el año.',
      'Se incorporó un apartado sobre la participación de los municipios invitados y de las organizaciones de la sociedad civil.',
    ],
    agreements: [
      {
        text: 'Se aprueba el informe anual de actividades del Secretariado Técnico Local {year} y se instruye a la Secretaría Técnica publicarlo en formato abierto.',
        responsible: ['transparencia'],
        dueDays: 20,
      },
    ],
  },
  {
    id: 'agenda-legislativa',
    yearly: true,
    title: 'Propuesta de agenda de trabajo con el Congreso del Estado en materia de parlamento abierto',
    type: 'deliberativo',
    presenter: 'congreso',
    minutes: [15, 20],
    details: [
      'Se propuso coordinar acciones de parlamento abierto, como la publicación en datos abiertos de las votaciones y de la asistencia a comisiones.',
      'Las organizaciones pidieron incluir mecanismos de participación ciudadana en el proceso legislativo en materia de transparencia.',
    ],
    agreements: [
      {
        text: 'Se instruye a la Secretaría Técnica y a la representación del Congreso del Estado elaborar una propuesta de agenda conjunta en materia de parlamento abierto.',
        responsible: ['transparencia', 'congreso'],
        dueDays: 60,
      },
    ],
  },
  {
    id: 'datos-personales',
    yearly: true,
    title: 'Protección de datos personales en la publicación de datos abiertos',
    type: 'informativo',
    presenter: 'itei',
    minutes: [15, 20],
    details: [
      'Se expusieron los criterios para anonimizar conjuntos de datos antes de su publicación y los riesgos de reidentificación de personas.',
      'Se ofreció asesoría a las instituciones responsables de compromisos que publican información sobre personas beneficiarias o usuarias de servicios.',
    ],
    agreements: [
      {
        text: 'Se solicita al ITEI compartir con las personas integrantes la guía de anonimización de datos y acompañar la revisión de los conjuntos de datos previstos en el {plan}.',
        responsible: ['itei'],
        dueDays: 45,
      },
    ],
  },
  {
    id: 'monitoreo-ciudadano',
    yearly: true,
    title: 'Resultados del monitoreo ciudadano de las obligaciones de transparencia',
    type: 'informativo',
    presenter: 'observatorio',
    minutes: [15, 20],
    details: [
      'Se presentaron los hallazgos del monitoreo ciudadano a los portales de transparencia de las dependencias estatales y de los municipios invitados.',
      'Se identificaron enlaces rotos, información desactualizada y documentos publicados en formatos no reutilizables.',
    ],
    agreements: [
      {
        text: 'Se solicita a la Coordinación General de Transparencia dar vista de los hallazgos del monitoreo ciudadano a las unidades de transparencia correspondientes e informar las acciones de atención.',
        responsible: ['transparencia'],
        dueDays: 45,
      },
    ],
  },
]

/** Spanish names of the four pillars, as they read in the UI. */
export const PILLAR_NAMES = [
  'transparencia y acceso a la información pública',
  'rendición de cuentas',
  'participación ciudadana',
  'tecnología e innovación',
] as const
