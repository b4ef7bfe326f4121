/**
 * Importing members from a CSV file (as a spreadsheet exports it). Headers
 * and values are matched without regard to case or accents. Every row is
 * checked and reported with all of its problems; a file with any bad row
 * imports nothing. A row naming someone already in the registry (accents,
 * case, spaces and titles aside) is a warning: by default it is left out,
 * or, if the secretary chooses, added as one more person. Cells are read
 * composed and without invisible formatting characters (cleanShortText), as
 * the member input keeps them, so «Ana Gó\u200Bmez» is «Ana Gómez» here too.
 */
import { z } from 'zod'
import { describeZodError } from '../errors'
import { memberInputSchema, type MemberInput } from '../contract/operations'
import { MUNICIPALITIES, SECTORS, type Member } from '../model/schema'
import {
  MEMBER_CSV_COLUMNS,
  MEMBER_CSV_HEADER,
  MEMBER_CSV_MAX_ROWS,
  MEMBER_CSV_REQUIRED,
  isCsvColumn,
  reportedText,
  CSV_REPORT_VALUE_MAX,
  type CsvRowReport,
  type CsvRowStatus,
  type CsvSource,
  type ExistingMemberChoice,
  type MemberCsvColumn,
} from './csv-columns'
import { namesMatch } from './signers'
import { REPEATED_HEADER_PROBLEM, csvText, readCsvTable, type CsvText } from './text-decoding'
import { cleanShortText, foldCharacter, foldForSearch } from './text'

export type { CsvRowReport } from './csv-columns'

/** A member the file adds, with the titular a suplente stands in for: one already registered, or one the same file adds. */
export type ImportedMember = MemberInput & {
  /** As written in «suple_a». */
  substituteForName: string | null
  /** A registered titular. */
  substituteForId: string | null
  /** A titular of the same file: its index in `members`. */
  substituteForIndex: number | null
}

export interface MemberCsvResult {
  rows: CsvRowReport[]
  /** Who is added, in the order of the file; empty unless `valid`. */
  members: ImportedMember[]
  valid: boolean
  /** Rows naming someone already in the registry, whatever becomes of them. */
  matches: number
  /** Of those, the rows left out. */
  skipped: number
}

/** What `importMembersCsv` answers: the row report, how the file was read, and what is (or was) added and left out. */
export interface MemberImportReport {
  source: CsvSource
  rows: CsvRowReport[]
  valid: boolean
  existing: ExistingMemberChoice
  /** People the file adds (or added). */
  toAdd: number
  /** Rows left out because the person is already in the registry. */
  toSkip: number
  /** Rows naming someone already in the registry. */
  matches: number
  /** People actually added: 0 when only checking, or when nothing could be imported. */
  imported: number
  maxRows: number
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
  sector: 'sector',
  municipality: 'municipio',
  role: 'carácter',
  voting: 'participación',
  email: 'correo',
  phone: 'teléfono',
  rfc: 'RFC',
  curp: 'CURP',
}
const FIELD_PATTERN = new RegExp(`\\b(?:${Object.keys(FIELD_LABELS).join('|')})\\b`, 'g')

/** The last word of a name, folded: people whose names match (namesMatch) share it, so it buckets the comparisons. */
function surnameKey(name: string): string {
  const words = foldCharacter(name)
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter((word) => word.length > 0)
  return words[words.length - 1] ?? ''
}

/** Finds people by name among many, comparing only those who share the last word. */
class NameIndex<T> {
  private readonly buckets = new Map<string, { name: string; value: T }[]>()
  add(name: string, value: T): void {
    const key = surnameKey(name)
    if (!key) return
    const bucket = this.buckets.get(key)
    if (bucket) bucket.push({ name, value })
    else this.buckets.set(key, [{ name, value }])
  }
  find(name: string): T[] {
    return (this.buckets.get(surnameKey(name)) ?? []).filter((entry) => namesMatch(entry.name, name)).map((entry) => entry.value)
  }
}

const headerName = (header: string): string => foldForSearch(header).replace(/[\s-]+/g, '_')

function headerProblems(headers: readonly string[], repeated: readonly string[]): string[] {
  const problems: string[] = []
  const missing = MEMBER_CSV_REQUIRED.filter((column) => !headers.includes(column))
  if (missing.length > 0) problems.push(`Faltan columnas obligatorias: ${missing.join(', ')}.`)
  const unknown = headers.filter((header) => !isCsvColumn(MEMBER_CSV_COLUMNS, header))
  if (unknown.length > 0) problems.push(`Columnas no reconocidas: ${unknown.map((name) => name || '(sin nombre)').join(', ')}.`)
  if (repeated.length > 0) problems.push(`Columnas repetidas: ${repeated.join(', ')}.`)
  if (problems.length > 0) problems.push(`Columnas esperadas: ${MEMBER_CSV_HEADER}.`)
  return problems
}

const rowStatus = (errors: readonly string[], warnings: readonly string[], skipped: boolean): CsvRowStatus =>
  errors.length > 0 ? 'error' : skipped ? 'omitida' : warnings.length > 0 ? 'advertencia' : 'correcta'

/**
 * Checks a members file against the registry. `source` is the file as read
 * (text-decoding.ts), or its text; `existing` says what becomes of rows naming
 * someone already registered.
 */
export function parseMemberCsv(source: CsvText | string, registry: readonly Member[], existing: ExistingMemberChoice = 'omitir'): MemberCsvResult {
  const table = readCsvTable(typeof source === 'string' ? csvText(source) : source, headerName, MEMBER_CSV_MAX_ROWS)
  const refused = (errors: string[]): MemberCsvResult => ({ rows: [{ line: 1, name: '', status: 'error', errors, warnings: [] }], members: [], valid: false, matches: 0, skipped: 0 })
  const problems = headerProblems(table.headers, table.repeated)
  if (table.tooMany) problems.unshift(`El archivo tiene más de ${MEMBER_CSV_MAX_ROWS} filas; el máximo es ${MEMBER_CSV_MAX_ROWS}. Divídalo en varios archivos.`)
  if (problems.length > 0) return refused(problems)
  if (table.rows.length === 0) return refused(['El archivo no tiene filas de integrantes.'])

  const registered = new NameIndex<Member>()
  // Active members first: a match names the person as they are now.
  // Names as the member input cleans them, on both sides: a name stored before that cleaning still matches.
  for (const member of [...registry].sort((a, b) => Number(b.active) - Number(a.active))) registered.add(cleanShortText(member.fullName), member)

  const cells = table.rows.map((row) => {
    const value = (column: MemberCsvColumn): string => cleanShortText(row.values[column] ?? '').trim()
    const roleText = foldForSearch(value('caracter') || 'titular')
    return { row, value, roleText, name: value('nombre') }
  })
  // Each row's match in the registry, and the titulares the file itself adds.
  const matchesOf = cells.map((cell) => (cell.name && !cell.row.unreadable ? (registered.find(cell.name)[0] ?? null) : null))
  const fileTitulares = new NameIndex<number>()
  const sameFile = new NameIndex<number>()

  const rows: CsvRowReport[] = []
  const plans: ({ input: MemberInput; suplente: string | null } | null)[] = []
  let matches = 0
  cells.forEach(({ row, value, roleText, name }, index) => {
    if (row.unreadable) {
      // An unclosed quote's cell holds the rest of the file: its first line is what the row names.
      const firstLine = name.split(/\r\n|\r|\n/, 1)[0] ?? ''
      const shownName = row.problems[0] === REPEATED_HEADER_PROBLEM ? '' : firstLine === name ? reportedText(name) : `${reportedText(firstLine)}…`
      rows.push({ line: row.line, name: shownName, status: 'error', errors: [...row.problems], warnings: [] })
      plans.push(null)
      return
    }
    const errors: string[] = [...row.problems]
    const warnings: string[] = []
    const shown = (column: MemberCsvColumn): string => reportedText(value(column), CSV_REPORT_VALUE_MAX)
    const sectorText = foldForSearch(value('sector'))
    const sector = SECTOR_NAMES[sectorText] ?? (SECTORS as readonly string[]).find((slug) => slug === sectorText.replace(/\s+/g, '-'))
    if (!sector && value('sector')) errors.push(`sector «${shown('sector')}» no reconocido (use: gobierno estatal, sociedad civil, órgano garante, academia, municipio u otro)`)
    const municipalityText = value('municipio')
    const municipality = municipalityText ? MUNICIPALITIES.find((candidate) => foldForSearch(candidate) === foldForSearch(municipalityText)) : null
    if (municipality === undefined) errors.push(`municipio «${shown('municipio')}» no reconocido (use: ${MUNICIPALITIES.join(', ')})`)
    const roleKnown = roleText === 'titular' || roleText === 'suplente'
    if (!roleKnown) errors.push(`carácter «${shown('caracter')}» no reconocido (use titular o suplente)`)
    const votingText = foldForSearch(value('participacion') || 'voz y voto')
    if (votingText !== 'voz y voto' && votingText !== 'voz') errors.push(`participación «${shown('participacion')}» no reconocida (use «voz y voto» o «voz»)`)
    const substituteName = value('suple_a')
    if (roleText === 'suplente' && !substituteName) errors.push('un suplente debe indicar en «suple_a» el nombre de su titular')
    if (roleText !== 'suplente' && substituteName) errors.push('sólo un suplente indica a quién suple')

    const candidate = {
      fullName: name,
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
    // An unrecognized sector or municipality is reported above, with the names to use; the schema would only repeat it.
    const issues = checked.success
      ? []
      : checked.error.issues.filter((issue) => !(issue.path[0] === 'sector' && value('sector')) && !(issue.path[0] === 'municipality' && municipality === undefined))
    for (const issue of issues) errors.push(describeZodError(new z.ZodError([issue])).replace(FIELD_PATTERN, (field) => FIELD_LABELS[field] ?? field))

    if (name) {
      const earlier = sameFile.find(name)[0]
      if (earlier !== undefined) errors.push(`la misma persona ya aparece en la línea ${cells[earlier]?.row.line ?? '?'} del archivo`)
      sameFile.add(name, index)
    }
    const match = matchesOf[index] ?? null
    let skip = false
    if (match) {
      matches++
      warnings.push(`Ya existe una persona integrante con este nombre: ${match.fullName} (${match.institution}${match.active ? '' : ', inactiva'})`)
      skip = existing === 'omitir'
    }
    if (roleText === 'titular' && name) fileTitulares.add(name, index)
    rows.push({ line: row.line, name: reportedText(name), status: rowStatus(errors, warnings, skip), errors, warnings })
    plans.push(checked.success && !skip ? { input: checked.data, suplente: roleText === 'suplente' ? substituteName : null } : null)
  })

  // Suplentes, once every row is known: a titular the file adds (before or after), else a registered one.
  const targets = cells.map((cell, index): { id: string } | { row: number } | null => {
    const report = rows[index]
    const wanted = cell.value('suple_a')
    if (!report || cell.row.unreadable || cell.roleText !== 'suplente' || !wanted) return null
    const inFile = fileTitulares.find(wanted).find((titular) => titular !== index)
    if (inFile !== undefined && plans[inFile]) return { row: inFile }
    // A titular of the file left out (already registered) is the registered one; otherwise the registry's titular of that name.
    const titular = inFile !== undefined ? (matchesOf[inFile] ?? null) : (registered.find(wanted).find((member) => member.role === 'titular') ?? null)
    if (titular?.role === 'titular') return { id: titular.id }
    const namesake = titular ?? registered.find(wanted)[0] ?? null
    report.errors.push(namesake ? `${namesake.fullName} es suplente: un suplente sólo puede suplir a un titular` : `no se encontró al titular «${reportedText(wanted, CSV_REPORT_VALUE_MAX)}»`)
    return null
  })
  for (const report of rows) report.status = rowStatus(report.errors, report.warnings, report.status === 'omitida')

  // Who is added: the rows without errors and not left out, in the order of the file.
  const memberIndex = new Map<number, number>()
  const members: ImportedMember[] = []
  plans.forEach((plan, index) => {
    if (!plan || (rows[index]?.errors.length ?? 1) > 0) return
    memberIndex.set(index, members.length)
    const target = targets[index] ?? null
    members.push({ ...plan.input, substituteForName: plan.suplente, substituteForId: target && 'id' in target ? target.id : null, substituteForIndex: target && 'row' in target ? target.row : null })
  })
  for (const member of members) if (member.substituteForIndex !== null) member.substituteForIndex = memberIndex.get(member.substituteForIndex) ?? null
  const valid = rows.every((report) => report.errors.length === 0)
  return { rows, members, valid, matches, skipped: rows.filter((report) => report.status === 'omitida').length }
}
