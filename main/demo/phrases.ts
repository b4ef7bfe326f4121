/**
 * Sentences for the development (notes) of agenda items, interventions and
 * follow-ups, in the register of a Mexican acta: third person, past tense.
 * Placeholders are filled by the session builder (see text.ts `fill`).
 */
import type { Sector } from '../core/model/schema'

/** Opening of a substantive item. {presenter}, {institution}. */
export const OPENINGS = [
  'En uso de la palabra, {presenter}, de {institution}, expuso el contenido del punto y compartió en pantalla la presentación correspondiente.',
  '{presenter}, en representación de {institution}, presentó el punto con apoyo de la documentación circulada previamente.',
  'La Coordinación cedió el uso de la palabra a {presenter}, de {institution}, quien expuso los antecedentes y el estado actual del tema.',
  'Por parte de {institution}, {presenter} presentó el tema e hizo un recuento de los trabajos realizados desde la sesión anterior.',
] as const

/** Reactions of a speaker, as a verb phrase: "{speaker}, de {institution}, " + phrase. */
export const INTERVENTIONS = [
  'preguntó por los plazos de publicación de la información y sugirió acompañarla de un diccionario de datos.',
  'solicitó que la información se publique también en formatos accesibles para personas con discapacidad.',
  'propuso incluir indicadores de resultado y no sólo de gestión.',
  'reconoció el avance presentado y ofreció el acompañamiento de su organización en la etapa de validación.',
  'señaló la importancia de involucrar a los municipios invitados desde el diseño de las acciones.',
  'advirtió sobre el riesgo de publicar datos personales y recomendó aplicar el procedimiento de versiones públicas.',
  'pidió que los documentos se circulen con al menos cinco días hábiles de anticipación a la sesión.',
  'comentó que su institución puede facilitar sus instalaciones para las mesas de trabajo.',
  'manifestó su preocupación por el rezago de algunos hitos y pidió un calendario de recuperación.',
  'sugirió vincular el tema con la agenda del Sistema Estatal Anticorrupción.',
  'propuso realizar una reunión técnica antes de la siguiente sesión ordinaria.',
  'solicitó que se precisen las áreas responsables y las fechas de entrega de cada actividad.',
  'destacó la utilidad de los datos para el trabajo de las organizaciones y del periodismo local.',
  'preguntó si existe presupuesto asignado para la siguiente etapa de los trabajos.',
  'sugirió difundir los resultados en lenguaje ciudadano y a través de las redes sociales institucionales.',
  'recordó que la información debe cumplir con la Ley de Transparencia y Acceso a la Información Pública del Estado de Jalisco y sus Municipios.',
  'solicitó conocer la metodología con la que se calcularon los porcentajes de avance.',
  'propuso que la siguiente mesa de trabajo se realice en las instalaciones de su institución.',
  'planteó la necesidad de contar con una línea base verificable antes de medir resultados.',
  'pidió que se documenten las razones por las que algunas propuestas ciudadanas no fueron incorporadas.',
] as const

/** Reactions only some speakers make: a university offers students, a municipality its experience. */
export const SECTOR_INTERVENTIONS: Readonly<Partial<Record<Sector, readonly string[]>>> = {
  academia: [
    'informó que su universidad puede incorporar a estudiantes de servicio social en el levantamiento de información.',
    'ofreció el acompañamiento metodológico de su institución para la evaluación de resultados.',
  ],
  municipio: [
    'ofreció compartir la experiencia de su municipio en la publicación de información de obra pública.',
    'señaló que su ayuntamiento requiere acompañamiento técnico para replicar la acción a nivel municipal.',
  ],
  'sociedad-civil': [
    'ofreció la red de voluntariado de su organización para difundir la consulta en colonias y comunidades.',
  ],
  'organo-garante': [
    'recordó que el órgano garante ofrece asesoría para la elaboración de versiones públicas.',
  ],
}

/** Closing sentence by item type. {voteText}. */
export const CLOSINGS: Readonly<Record<'informativo' | 'deliberativo' | 'votacion', readonly string[]>> = {
  informativo: [
    'Las personas integrantes se dieron por enteradas de la información presentada.',
    'Sin más comentarios, se tuvo por presentado el informe.',
    'La Coordinación agradeció la presentación y se dio por atendido el punto.',
  ],
  deliberativo: [
    'Tras el intercambio de opiniones, se alcanzó consenso sobre la ruta de trabajo a seguir.',
    'Concluida la deliberación, la Coordinación resumió los puntos de consenso para su registro en el acta.',
    'Se acordó dar continuidad al tema con base en las aportaciones vertidas en la sesión.',
  ],
  votacion: [
    'Sometida a votación, la propuesta fue aprobada {voteText}.',
    'No habiendo más intervenciones, la Coordinación sometió a votación la propuesta, que resultó aprobada {voteText}.',
  ],
}

/** Extra sentences that lengthen notes (dense data, long sessions). */
export const FILLERS = [
  'Se tomó nota de las observaciones formuladas para su incorporación en la versión final del documento.',
  'La Secretaría Técnica precisó que la información presentada se encuentra disponible en la carpeta compartida de la sesión.',
  'Se recordó que los documentos de trabajo se publican en el micrositio de Gobierno Abierto Jalisco una vez aprobados.',
  'Las personas representantes de los municipios invitados manifestaron su disposición para colaborar en las acciones propuestas.',
  'Se subrayó la importancia de mantener la comunicación entre los enlaces técnicos de las instituciones responsables.',
  'La Coordinación solicitó que las propuestas se remitan por escrito a la Secretaría Técnica para su análisis.',
  'Se precisó que los plazos se cuentan en días hábiles a partir de la notificación del acuerdo correspondiente.',
  'Diversas personas integrantes coincidieron en la necesidad de fortalecer la difusión de los resultados entre la ciudadanía.',
  'Se hizo notar que la información deberá publicarse en formatos abiertos, con su diccionario de datos y fecha de actualización.',
  'Se reconoció el trabajo de los equipos técnicos que participaron en la integración de la información.',
  'La representación del órgano garante recordó las obligaciones en materia de protección de datos personales aplicables al tema.',
  'Se sugirió que los avances se reporten con el mismo formato utilizado en el informe trimestral para facilitar su comparación.',
  'Se comentó que el tema fue abordado también en la mesa temática correspondiente, cuyas conclusiones se integrarán al expediente.',
  'La Secretaría Técnica informó que el material de apoyo se remitió por correo electrónico con la convocatoria.',
  'Se acordó que las dudas de carácter técnico se atiendan en reuniones bilaterales con las áreas responsables.',
  'Se destacó la participación de las organizaciones de la sociedad civil en la revisión de los documentos.',
  'La academia ofreció acompañar el análisis de la información con metodologías de evaluación participativa.',
  'Se solicitó que en la siguiente sesión se presente un comparativo con los resultados del periodo anterior.',
  'Se hizo un llamado a las instituciones responsables para entregar oportunamente sus evidencias.',
  'Se mencionó que la información podrá consultarse también en el portal de datos abiertos del Gobierno de Jalisco.',
  'Se reiteró que las decisiones del Secretariado se adoptan privilegiando el consenso entre gobierno y sociedad civil.',
  'Las personas integrantes coincidieron en que el tema guarda relación directa con los pilares de transparencia y rendición de cuentas.',
  'Se pidió a las personas enlace confirmar su participación en las actividades programadas para las próximas semanas.',
  'Se dejó constancia de que la presentación utilizada formará parte del expediente de la sesión.',
] as const

/** Asuntos generales: announcements, as a verb phrase after "{speaker}, de {institution}, ". */
export const GENERAL_MATTERS = [
  'invitó a las personas integrantes al foro estatal de transparencia que se realizará el próximo mes.',
  'informó sobre la publicación de un estudio sobre participación ciudadana en el Área Metropolitana de Guadalajara.',
  'propuso que en una próxima sesión se presenten los resultados del índice de transparencia municipal.',
  'compartió la convocatoria de un diplomado en gobierno abierto con becas para personas servidoras públicas.',
  'solicitó incluir en el orden del día de la siguiente sesión un punto sobre accesibilidad de los portales institucionales.',
  'anunció un cambio en la persona enlace de su institución ante el Secretariado.',
] as const

export const NO_GENERAL_MATTERS = 'No se registraron asuntos generales.'

/** Follow-up notes. {institution}. */
export const FOLLOW_UP_NOTIFIED = [
  'La Secretaría Técnica notificó el acuerdo a las instancias responsables mediante oficio.',
  'Se comunicó el acuerdo por correo electrónico a las personas enlace de las instituciones responsables.',
] as const

export const FOLLOW_UP_PROGRESS = [
  '{institution} informó que los trabajos para atender el acuerdo se encuentran en proceso y prevé concluirlos antes de la fecha compromiso.',
  'Se presentó un avance parcial; queda pendiente la publicación de la información en el micrositio de Gobierno Abierto Jalisco.',
  '{institution} reportó un retraso derivado de la validación jurídica del documento y solicitó una ampliación del plazo.',
  'Se realizó la reunión técnica acordada; {institution} integrará las observaciones y presentará la versión final.',
  '{institution} remitió un borrador a la Secretaría Técnica, que lo circuló para comentarios de las personas integrantes.',
  'Se informó que la actividad se reprogramó por la carga de trabajo del cierre del ejercicio fiscal.',
] as const

export const FOLLOW_UP_DONE = [
  '{institution} presentó la evidencia de cumplimiento; el Secretariado da por cumplido el acuerdo.',
  'Se verificó la publicación de la información comprometida; el acuerdo se da por cumplido.',
  'Con la entrega del documento final, la Secretaría Técnica da por atendido el acuerdo.',
] as const

export const FOLLOW_UP_CANCELLED = [
  'Por haber quedado sin materia, el Secretariado acordó dar por cancelado el acuerdo.',
  'El acuerdo se dejó sin efecto al ser sustituido por un acuerdo posterior sobre el mismo tema.',
] as const

export const CANCEL_REASONS = [
  'Se canceló por la coincidencia con el informe de actividades del Ejecutivo estatal, que impedía reunir el quórum requerido.',
  'Se canceló a solicitud de la Coordinación, toda vez que los documentos a dictaminar no se recibieron con la anticipación prevista en el Mecanismo de Gobernanza.',
  'Se canceló por la suspensión de labores decretada por las condiciones meteorológicas; el asunto se atenderá en la siguiente sesión ordinaria.',
] as const

export const VENUES = [
  'Sala de Juntas, Palacio de Gobierno, Av. Ramón Corona 31, Centro, Guadalajara, Jal.',
  'Auditorio de la Secretaría de Planeación y Participación Ciudadana, Guadalajara, Jal.',
  'Sala de Sesiones del ITEI, Guadalajara, Jal.',
  'Sala de Juntas de la Coordinación General de Transparencia, Guadalajara, Jal.',
  'Auditorio del Centro Universitario de Ciencias Sociales y Humanidades, Universidad de Guadalajara, Guadalajara, Jal.',
  'Sala de Consejo, ITESO, Tlaquepaque, Jal.',
] as const
