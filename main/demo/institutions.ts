/**
 * The institutions seated at the demo STL: real public bodies and well-known
 * Jalisco organisations, with fictional people. Positions are [female, male].
 */
import type { Member } from '../core/model/schema'

export type InstitutionKey =
  | 'planeacion'
  | 'transparencia'
  | 'hacienda'
  | 'contraloria'
  | 'innovacion'
  | 'congreso'
  | 'itei'
  | 'jcv'
  | 'observatorio'
  | 'cimtra'
  | 'datos'
  | 'mujeres'
  | 'consejo'
  | 'udg'
  | 'iteso'
  | 'coljal'
  | 'ccij'
  | 'guadalajara'
  | 'zapopan'
  | 'tlajomulco'
  | 'tlaquepaque'
  | 'tonala'

export interface InstitutionSpec {
  key: InstitutionKey
  name: string
  /** How notes refer to it in running text. */
  shortName: string
  sector: Member['sector']
  municipality: Member['municipality']
  voting: Member['voting']
  titularPosition: readonly [string, string]
  suplentePosition: readonly [string, string]
  /** Whether it names a suplente in the regular demo; dense mode gives every seat one. */
  hasSuplente: boolean
  /** E-mail domain; only reserved example domains are used. */
  domain: 'example.mx' | 'example.org'
  titleKind: 'gobierno' | 'academia' | 'sociedad'
}

export const INSTITUTIONS: readonly InstitutionSpec[] = [
  {
    key: 'planeacion',
    name: 'Secretaría de Planeación y Participación Ciudadana',
    shortName: 'la Secretaría de Planeación y Participación Ciudadana',
    sector: 'gobierno-estatal',
    municipality: null,
    voting: 'voz-y-voto',
    titularPosition: ['Subsecretaria de Participación Ciudadana y Coordinadora del STL', 'Subsecretario de Participación Ciudadana y Coordinador del STL'],
    suplentePosition: ['Directora General de Participación Ciudadana', 'Director General de Participación Ciudadana'],
    hasSuplente: true,
    domain: 'example.mx',
    titleKind: 'gobierno',
  },
  {
    key: 'transparencia',
    name: 'Coordinación General de Transparencia',
    shortName: 'la Coordinación General de Transparencia',
    sector: 'gobierno-estatal',
    municipality: null,
    voting: 'voz-y-voto',
    titularPosition: ['Directora de Gobierno Abierto y Secretaria Técnica del STL', 'Director de Gobierno Abierto y Secretario Técnico del STL'],
    suplentePosition: ['Coordinadora de Datos Abiertos', 'Coordinador de Datos Abiertos'],
    hasSuplente: true,
    domain: 'example.mx',
    titleKind: 'gobierno',
  },
  {
    key: 'hacienda',
    name: 'Secretaría de la Hacienda Pública',
    shortName: 'la Secretaría de la Hacienda Pública',
    sector: 'gobierno-estatal',
    municipality: null,
    voting: 'voz-y-voto',
    titularPosition: ['Directora General de Programación y Presupuesto', 'Director General de Programación y Presupuesto'],
    suplentePosition: ['Directora de Presupuesto Ciudadano', 'Director de Presupuesto Ciudadano'],
    hasSuplente: true,
    domain: 'example.mx',
    titleKind: 'gobierno',
  },
  {
    key: 'contraloria',
    name: 'Contraloría del Estado de Jalisco',
    shortName: 'la Contraloría del Estado',
    sector: 'gobierno-estatal',
    municipality: null,
    voting: 'voz-y-voto',
    titularPosition: ['Directora General de Contraloría Social', 'Director General de Contraloría Social'],
    suplentePosition: ['Jefa de Participación y Contraloría Social', 'Jefe de Participación y Contraloría Social'],
    hasSuplente: true,
    domain: 'example.mx',
    titleKind: 'gobierno',
  },
  {
    key: 'innovacion',
    name: 'Coordinación General de Innovación Gubernamental',
    shortName: 'la Coordinación General de Innovación Gubernamental',
    sector: 'gobierno-estatal',
    municipality: null,
    voting: 'voz-y-voto',
    titularPosition: ['Directora General de Gobierno Digital', 'Director General de Gobierno Digital'],
    suplentePosition: ['Directora de Datos e Interoperabilidad', 'Director de Datos e Interoperabilidad'],
    hasSuplente: true,
    domain: 'example.mx',
    titleKind: 'gobierno',
  },
  {
    key: 'congreso',
    name: 'Congreso del Estado de Jalisco',
    shortName: 'el Congreso del Estado',
    sector: 'gobierno-estatal',
    municipality: null,
    voting: 'voz',
    titularPosition: ['Diputada, Comisión de Transparencia y Anticorrupción', 'Diputado, Comisión de Transparencia y Anticorrupción'],
    suplentePosition: ['Secretaria Técnica de la Comisión de Transparencia y Anticorrupción', 'Secretario Técnico de la Comisión de Transparencia y Anticorrupción'],
    hasSuplente: false,
    domain: 'example.mx',
    titleKind: 'gobierno',
  },
  {
    key: 'itei',
    name: 'Instituto de Transparencia, Información Pública y Protección de Datos Personales del Estado de Jalisco',
    shortName: 'el ITEI',
    sector: 'organo-garante',
    municipality: null,
    voting: 'voz-y-voto',
    titularPosition: ['Comisionada Ciudadana', 'Comisionado Ciudadano'],
    suplentePosition: ['Coordinadora de Vinculación y Gobierno Abierto', 'Coordinador de Vinculación y Gobierno Abierto'],
    hasSuplente: true,
    domain: 'example.mx',
    titleKind: 'gobierno',
  },
  {
    key: 'jcv',
    name: 'Jalisco Cómo Vamos, Observatorio Ciudadano',
    shortName: 'Jalisco Cómo Vamos',
    sector: 'sociedad-civil',
    municipality: null,
    voting: 'voz-y-voto',
    titularPosition: ['Coordinadora General', 'Coordinador General'],
    suplentePosition: ['Coordinadora de Investigación', 'Coordinador de Investigación'],
    hasSuplente: true,
    domain: 'example.org',
    titleKind: 'sociedad',
  },
  {
    key: 'observatorio',
    name: 'Observatorio Ciudadano de Gobernanza y Transparencia, A.C.',
    shortName: 'el Observatorio Ciudadano de Gobernanza y Transparencia',
    sector: 'sociedad-civil',
    municipality: null,
    voting: 'voz-y-voto',
    titularPosition: ['Directora Ejecutiva', 'Director Ejecutivo'],
    suplentePosition: ['Coordinadora de Proyectos', 'Coordinador de Proyectos'],
    hasSuplente: true,
    domain: 'example.org',
    titleKind: 'sociedad',
  },
  {
    key: 'cimtra',
    name: 'CIMTRA Jalisco, Ciudadanos por Municipios Transparentes',
    shortName: 'CIMTRA Jalisco',
    sector: 'sociedad-civil',
    municipality: null,
    voting: 'voz-y-voto',
    titularPosition: ['Coordinadora Estatal', 'Coordinador Estatal'],
    suplentePosition: ['Enlace Metropolitana', 'Enlace Metropolitano'],
    hasSuplente: true,
    domain: 'example.org',
    titleKind: 'sociedad',
  },
  {
    key: 'datos',
    name: 'Red de Datos Abiertos de Occidente, A.C.',
    shortName: 'la Red de Datos Abiertos de Occidente',
    sector: 'sociedad-civil',
    municipality: null,
    voting: 'voz-y-voto',
    titularPosition: ['Presidenta del Consejo Directivo', 'Presidente del Consejo Directivo'],
    suplentePosition: ['Coordinadora Técnica', 'Coordinador Técnico'],
    hasSuplente: true,
    domain: 'example.org',
    titleKind: 'sociedad',
  },
  {
    key: 'mujeres',
    name: 'Mujeres por la Transparencia Jalisco, A.C.',
    shortName: 'Mujeres por la Transparencia Jalisco',
    sector: 'sociedad-civil',
    municipality: null,
    voting: 'voz-y-voto',
    titularPosition: ['Presidenta', 'Presidente'],
    suplentePosition: ['Secretaria del Consejo Directivo', 'Secretario del Consejo Directivo'],
    hasSuplente: true,
    domain: 'example.org',
    titleKind: 'sociedad',
  },
  {
    key: 'consejo',
    name: 'Consejo Ciudadano de Participación Social de Jalisco, A.C.',
    shortName: 'el Consejo Ciudadano de Participación Social',
    sector: 'sociedad-civil',
    municipality: null,
    voting: 'voz-y-voto',
    titularPosition: ['Consejera Presidenta', 'Consejero Presidente'],
    suplentePosition: ['Consejera', 'Consejero'],
    hasSuplente: false,
    domain: 'example.org',
    titleKind: 'sociedad',
  },
  {
    key: 'udg',
    name: 'Universidad de Guadalajara',
    shortName: 'la Universidad de Guadalajara',
    sector: 'academia',
    municipality: null,
    voting: 'voz-y-voto',
    titularPosition: ['Profesora investigadora del CUCSH', 'Profesor investigador del CUCSH'],
    suplentePosition: [
      'Coordinadora de la Maestría en Transparencia y Protección de Datos Personales',
      'Coordinador de la Maestría en Transparencia y Protección de Datos Personales',
    ],
    hasSuplente: true,
    domain: 'example.org',
    titleKind: 'academia',
  },
  {
    key: 'iteso',
    name: 'ITESO, Universidad Jesuita de Guadalajara',
    shortName: 'el ITESO',
    sector: 'academia',
    municipality: null,
    voting: 'voz-y-voto',
    titularPosition: ['Académica del Departamento de Estudios Sociopolíticos y Jurídicos', 'Académico del Departamento de Estudios Sociopolíticos y Jurídicos'],
    suplentePosition: ['Académica del Centro de Investigación y Formación Social', 'Académico del Centro de Investigación y Formación Social'],
    hasSuplente: true,
    domain: 'example.org',
    titleKind: 'academia',
  },
  {
    key: 'coljal',
    name: 'El Colegio de Jalisco',
    shortName: 'El Colegio de Jalisco',
    sector: 'academia',
    municipality: null,
    voting: 'voz-y-voto',
    titularPosition: ['Profesora investigadora', 'Profesor investigador'],
    suplentePosition: ['Investigadora asociada', 'Investigador asociado'],
    hasSuplente: false,
    domain: 'example.org',
    titleKind: 'academia',
  },
  {
    key: 'ccij',
    name: 'Consejo de Cámaras Industriales de Jalisco',
    shortName: 'el Consejo de Cámaras Industriales de Jalisco',
    sector: 'otro',
    municipality: null,
    voting: 'voz-y-voto',
    titularPosition: ['Directora de Vinculación Institucional', 'Director de Vinculación Institucional'],
    suplentePosition: ['Coordinadora de Asuntos Públicos', 'Coordinador de Asuntos Públicos'],
    hasSuplente: false,
    domain: 'example.org',
    titleKind: 'sociedad',
  },
  municipality('guadalajara', 'Guadalajara', ['Directora de Transparencia y Buenas Prácticas', 'Director de Transparencia y Buenas Prácticas'], true),
  municipality('zapopan', 'Zapopan', ['Directora de Transparencia y Buenas Prácticas', 'Director de Transparencia y Buenas Prácticas'], true),
  municipality('tlajomulco', 'Tlajomulco de Zúñiga', ['Directora de Participación Ciudadana', 'Director de Participación Ciudadana'], false),
  municipality('tlaquepaque', 'San Pedro Tlaquepaque', ['Titular de la Unidad de Transparencia', 'Titular de la Unidad de Transparencia'], false),
  municipality('tonala', 'Tonalá', ['Directora de Gobierno Abierto y Transparencia', 'Director de Gobierno Abierto y Transparencia'], false),
]

/** The invited municipalities speak but do not vote: they are guests of the state-level body. */
function municipality(
  key: InstitutionKey,
  name: NonNullable<Member['municipality']>,
  titularPosition: readonly [string, string],
  hasSuplente: boolean,
): InstitutionSpec {
  return {
    key,
    name: `Ayuntamiento de ${name}`,
    shortName: `el Ayuntamiento de ${name}`,
    sector: 'municipio',
    municipality: name,
    voting: 'voz',
    titularPosition,
    suplentePosition: ['Enlace de Gobierno Abierto', 'Enlace de Gobierno Abierto'],
    hasSuplente,
    domain: 'example.mx',
    titleKind: 'gobierno',
  }
}

export function institution(key: InstitutionKey): InstitutionSpec {
  const spec = INSTITUTIONS.find((candidate) => candidate.key === key)
  if (!spec) throw new Error(`Institución desconocida: ${key}`)
  return spec
}

/** An institution as running text, with its article: "la Secretaría de …", "el Ayuntamiento de …". */
export function institutionInText(name: string): string {
  const seat = INSTITUTIONS.find((candidate) => candidate.name === name)
  if (seat) return seat.shortName
  if (/^(Secretaría|Coordinación|Contraloría|Red|Universidad|Fiscalía|Comisión)\b/.test(name)) return `la ${name}`
  if (/^(Observatorio|Consejo|Instituto|Ayuntamiento|Congreso|Sistema)\b/.test(name)) return `el ${name}`
  return name
}
