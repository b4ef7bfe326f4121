/**
 * Importing members from a CSV file (as a spreadsheet exports it). Headers
 * and values are matched without regard to case or accents. Every row is
 * checked and reported; a file with any bad row imports nothing.
 */
import Papa from 'papaparse'
import { z } from 'zod'
import { describeZodError } from '../errors'
import { memberInputSchema, type MemberInput } from '../contract/operations'
import { MUNICIPALITIES, SECTORS, type Member } from '../model/schema'
import { MEMBER_CSV_COLUMNS, MEMBER_CSV_HEADER, MEMBER_CSV_REQUIRED, isCsvColumn, type MemberCsvColumn } from './csv-columns'
import { foldForSearch } from './text'

export interface CsvRowReport {
  /** Line in the file (the header is line 1). */
  line: number
  name: string
  errors: string[]
}

export interface MemberCsvResult {
  rows: CsvRowReport[]
  members: (MemberInput & { substituteForName: string | null })[]
}

const SECTOR_NAMES: Record<string, (typeof SECTORS)[number]> = {
  'gobierno estatal': 'gobierno-estatal',
  gobierno: 'gobierno-estatal',
  'sociedad civil': 'sociedad-civil',
  'organo garante': 'organo-garante',
  academia: 'academia',
  municipio: 'municipio',
  ayuntamiento: 'municipio',
  otro: 'otro',
}

/** The contract's field names as the file's columns, for the schema's messages. */
const FIELD_LABELS: Record<string, string> = {
  fullName: 'nombre',
  position: 'cargo',
  institution: 'institución',
  municipality: 'municipio',
  email: 'correo',
  phone: 'teléfono',
  rfc: 'RFC',
  curp: 'CURP',
}
const FIELD_PATTERN = new RegExp(`\\b(?:${Object.keys(FIELD_LABELS).join('|')})\\b`, 'g')

const MAX_ROWS = 2000

export function parseMemberCsv(text: string, existing: readonly Member[]): MemberCsvResult {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (header) => foldForSearch(header).replace(/[\s-]+/g, '_'),
  })
  const headers = parsed.meta.fields ?? []
  const missing = MEMBER_CSV_REQUIRED.filter((column) => !headers.includes(column))
  if (missing.length > 0) {
    return { rows: [{ line: 1, name: '', errors: [`Faltan columnas obligatorias: ${missing.join(', ')}. Columnas esperadas: ${MEMBER_CSV_HEADER}.`] }], members: [] }
  }
  const unknown = headers.filter((header) => !isCsvColumn(MEMBER_CSV_COLUMNS, header))
  if (unknown.length > 0) {
    return { rows: [{ line: 1, name: '', errors: [`Columnas no reconocidas: ${unknown.join(', ')}. Columnas esperadas: ${MEMBER_CSV_HEADER}.`] }], members: [] }
  }
  if (parsed.data.length > MAX_ROWS) {
    return { rows: [{ line: 1, name: '', errors: [`El archivo tiene ${parsed.data.length} filas; el máximo es ${MAX_ROWS}.`] }], members: [] }
  }
  const known = new Set(existing.map((member) => `${foldForSearch(member.fullName)}|${foldForSearch(member.institution)}`))
  const titulares = new Set(existing.filter((member) => member.role === 'titular').map((member) => foldForSearch(member.fullName)))
  for (const row of parsed.data) if (foldForSearch(row.caracter ?? '') !== 'suplente') titulares.add(foldForSearch(row.nombre ?? ''))

  const rows: CsvRowReport[] = []
  const members: MemberCsvResult['members'] = []
  const inFile = new Set<string>()
  parsed.data.forEach((row, index) => {
    const line = index + 2
    const errors: string[] = []
    const rowErrors = parsed.errors.filter((error) => error.row === index)
    for (const error of rowErrors) errors.push(error.code === 'TooManyFields' ? 'tiene más columnas que el encabezado' : error.code === 'TooFewFields' ? 'tiene menos columnas que el encabezado' : 'no se pudo leer')
    const value = (column: MemberCsvColumn): string => (row[column] ?? '').trim()
    const sectorText = foldForSearch(value('sector'))
    const sector = SECTOR_NAMES[sectorText] ?? (SECTORS as readonly string[]).find((slug) => slug === sectorText.replace(/\s+/g, '-'))
    if (!sector && value('sector')) errors.push(`sector «${value('sector')}» no reconocido (use: gobierno estatal, sociedad civil, órgano garante, academia, municipio u otro)`)
    const municipalityText = value('municipio')
    const municipality = municipalityText ? MUNICIPALITIES.find((name) => foldForSearch(name) === foldForSearch(municipalityText)) : null
    if (municipality === undefined) errors.push(`municipio «${municipalityText}» no reconocido (use: ${MUNICIPALITIES.join(', ')})`)
    const roleText = foldForSearch(value('caracter') || 'titular')
    if (roleText !== 'titular' && roleText !== 'suplente') errors.push(`carácter «${value('caracter')}» no reconocido (use titular o suplente)`)
    const votingText = foldForSearch(value('participacion') || 'voz y voto')
    if (votingText !== 'voz y voto' && votingText !== 'voz') errors.push(`participación «${value('participacion')}» no reconocida (use «voz y voto» o «voz»)`)
    const substituteName = value('suple_a')
    if (roleText === 'suplente') {
      if (!substituteName) errors.push('un suplente debe indicar en «suple_a» el nombre de su titular')
      else if (!titulares.has(foldForSearch(substituteName))) errors.push(`no se encontró al titular «${substituteName}»`)
    } else if (substituteName) errors.push('sólo un suplente indica a quién suple')

    const candidate = {
      fullName: value('nombre'),
      position: value('cargo'),
      institution: value('institucion'),
      sector: sector ?? value('sector'),
      municipality: municipality ?? null,
      role: roleText === 'suplente' ? 'suplente' : 'titular',
      substituteFor: null,
      voting: votingText === 'voz' ? 'voz' : 'voz-y-voto',
      email: value('correo'),
      phone: value('telefono'),
      rfc: value('rfc'),
      curp: value('curp'),
    }
    const checked = memberInputSchema.safeParse(candidate)
    // An unrecognized municipality is reported above, with the names to use; the schema would only repeat it.
    const issues = checked.success ? [] : checked.error.issues.filter((issue) => municipality !== undefined || issue.path[0] !== 'municipality')
    if (issues.length > 0 && sector) errors.push(describeZodError(new z.ZodError(issues)).replace(FIELD_PATTERN, (field) => FIELD_LABELS[field] ?? field))
    const identity = `${foldForSearch(candidate.fullName)}|${foldForSearch(candidate.institution)}`
    if (candidate.fullName && known.has(identity)) errors.push('ya está registrado en el padrón')
    if (candidate.fullName && inFile.has(identity)) errors.push('está repetido en el archivo')
    inFile.add(identity)
    rows.push({ line, name: candidate.fullName, errors })
    if (errors.length === 0 && checked.success) members.push({ ...checked.data, substituteForName: roleText === 'suplente' ? substituteName : null })
  })
  if (rows.length === 0) rows.push({ line: 1, name: '', errors: ['El archivo no tiene filas de integrantes.'] })
  return { rows, members }
}
