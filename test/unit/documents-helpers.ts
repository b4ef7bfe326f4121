/**
 * Test data and tool wrappers for the document tests: a large session (40
 * agenda items, 60 members, 30 agreements) built on the dense demo data, and
 * thin wrappers over poppler-utils and qpdf, which judge the PDFs.
 */
import { spawnSync } from 'node:child_process'
import { generateDemoData } from '../../main/demo/demo-data'
import { NOW, TODAY } from '../support/clock'
import { findIntegrityProblems } from '../../main/core/domain/integrity'
import { sessionCode } from '../../main/core/domain/session-title'
import { dataSchema, type AgendaItem, type Agreement, type Data, type Member, type Session } from '../../main/core/model/schema'

export { NOW, TODAY }

/** Demo data as seen on 26 November 2026, with one intervention that uses ¿ ¡ and ñ. */
export function demoData(): Data {
  const data = generateDemoData({ today: TODAY })
  const session = data.sessions.find((candidate) => candidate.id === 'ses-2026-so03')
  const item = session?.agenda.find((candidate) => candidate.title.startsWith('Asuntos generales'))
  if (!session || !item) throw new Error('La sesión de demostración cambió: ajuste demoData()')
  item.interventions.push({
    id: 'int-prueba-signos',
    memberId: null,
    speaker: 'Mtra. Begoña Ibáñez Muñoz',
    summary: '¿Cuándo se publicará el informe del año? ¡Es urgente que la ciudadanía lo conozca!',
    at: `${session.date}T11:45:00-06:00`,
  })
  return valid(data)
}

export function valid(data: Data): Data {
  const parsed = dataSchema.parse(data)
  const problems = findIntegrityProblems(parsed)
  if (problems.length > 0) throw new Error(`Datos incoherentes: ${problems.join('; ')}`)
  return parsed
}

const EXTRA_NAMES = [
  'Lic. Begoña Ibáñez Muñoz',
  'Mtro. Joaquín Peñaloza Núñez',
  'Dra. Ximena Villaseñor Álvarez',
  'Ing. Raúl Echeverría Zúñiga',
  'Lic. Inés Santillán Ordóñez',
  'Mtra. Sofía Carreño Íñiguez',
  'Dr. Andrés Montaño Gutiérrez',
  'Lic. Mónica Yáñez Pérez',
  'Mtro. Héctor Bañuelos Ríos',
  'Lic. Lucía Ávalos Cepeda',
  'Ing. Rubén Córdova Treviño',
  'Dra. Noemí Zepeda Ochoa',
  'Lic. Julián Peña Arámbula',
  'Mtra. Araceli Cisneros Moreno',
  'Lic. Tomás Guzmán Esparza',
  'Mtra. Paulina Leñero Quiñones',
  'Lic. Ramiro Ávila Toscano',
  'Ing. Fátima Orozco Sáenz',
  'Lic. Óscar Pliego Marín',
  'Mtra. Nayeli Sandoval Ruiz',
]

const LONG_NOTE =
  'La persona que presentó el punto expuso los antecedentes, el diagnóstico y la propuesta de trabajo, con énfasis en la publicación de información en formatos abiertos, ' +
  'la participación de las organizaciones de la sociedad civil y la coordinación con los municipios invitados. Se señaló que la información deberá estar disponible en el ' +
  'micrositio https://transparencia.example.org/gobierno-abierto/plan-de-accion-local/seguimiento-de-compromisos-y-acuerdos-del-secretariado-tecnico-local para su consulta. '

/**
 * The latest held session of the dense demo data, grown to 40 agenda items
 * (with sub-items and one very long development), 60 members on the roll and
 * 30 agreements (unanimous, by majority, with named votes). With
 * `allPresent`, all 60 attended in person.
 */
export function largeActaData(options: { allPresent?: boolean } = {}): { data: Data; sessionId: string } {
  const data = generateDemoData({ today: TODAY, dense: true })
  const held = data.sessions.filter((session) => session.status === 'concluida')
  const session = held[held.length - 1] as Session
  const at = `${session.date}T12:00:00.000-06:00`

  // 60 members on the roll.
  let extra = 0
  while (session.attendance.length < 60) {
    const name = EXTRA_NAMES[extra % EXTRA_NAMES.length] ?? 'Lic. Persona Invitada'
    const id = `int-x${String(++extra).padStart(2, '0')}`
    const member: Member = {
      id,
      fullName: extra > EXTRA_NAMES.length ? `${name} ${extra}` : name,
      position: extra % 3 === 0 ? 'Coordinadora de Vinculación con Organizaciones de la Sociedad Civil y Enlace de Gobierno Abierto' : 'Enlace de Gobierno Abierto',
      institution: extra % 2 === 0 ? 'Universidad de Guadalajara, Centro Universitario de Ciencias Económico Administrativas' : 'Observatorio Ciudadano de Participación de Tlajomulco de Zúñiga',
      sector: extra % 2 === 0 ? 'academia' : 'sociedad-civil',
      municipality: null,
      role: 'titular',
      substituteFor: null,
      voting: extra % 4 === 0 ? 'voz' : 'voz-y-voto',
      active: true,
      email: '',
      phone: '',
      rfc: '',
      curp: '',
      createdAt: at,
      updatedAt: at,
    }
    data.members.push(member)
    session.attendance.push({
      memberId: id,
      status: extra % 5 === 0 ? 'ausente' : extra % 7 === 0 ? 'justificada' : 'presente',
      substituteId: null,
      arrivedAt: extra % 5 === 0 || extra % 7 === 0 ? null : session.startTime,
      leftAt: null,
    })
  }

  if (options.allPresent) {
    for (const row of session.attendance) {
      row.status = 'presente'
      row.substituteId = null
      row.arrivedAt = row.arrivedAt ?? session.startTime
    }
  }

  // 40 agenda items: new substantive items (some with sub-items) before "Asuntos generales".
  const general = session.agenda.findIndex((item) => item.type === 'asuntos-generales')
  const insertAt = general === -1 ? session.agenda.length : general
  const added: AgendaItem[] = []
  let counter = 0
  let parent: string | null = null
  while (session.agenda.length + added.length < 40) {
    counter++
    const id = `${session.id}-x${String(counter).padStart(2, '0')}`
    const isChild = parent !== null && counter % 3 !== 1
    const notes =
      counter === 1
        ? Array.from({ length: 14 }, (_, index) => `Párrafo ${index + 1}. ${LONG_NOTE.repeat(3)}`).join('\n\n')
        : `${LONG_NOTE}Año de referencia: 2026; la niña y el niño como población prioritaria en el diseño de los servicios.`
    added.push({
      id,
      parentId: isChild ? parent : null,
      title: isChild
        ? `Revisión del avance del componente ${counter} del compromiso de datos abiertos y su publicación en el portal estatal`
        : `Presentación del informe de seguimiento número ${counter} sobre la apertura de información presupuestaria de los municipios invitados`,
      type: counter % 2 === 0 ? 'votacion' : 'informativo',
      presenter: 'Mtra. Begoña Ibáñez Muñoz',
      minutes: 10,
      notes,
      status: 'tratado',
      attachments: [],
      interventions:
        counter % 4 === 0
          ? [{ id: `${id}-i1`, memberId: null, speaker: 'Ing. Raúl Echeverría Zúñiga', summary: '¿Se consideró la accesibilidad? ¡Es indispensable!', at }]
          : [],
      elapsedSeconds: 600,
    })
    if (!isChild) parent = id
  }
  session.agenda.splice(insertAt, 0, ...added)

  // 30 agreements on the new items.
  const mine = data.agreements.filter((agreement) => agreement.sessionId === session.id)
  const voters = session.attendance.filter((row) => row.status === 'presente').map((row) => row.memberId)
  let number = mine.length
  let index = 0
  while (mine.length < 30) {
    number++
    const item = added[index++ % added.length] as AgendaItem
    const majority = number % 3 === 0
    const named = number % 5 === 0
    const favor = majority ? 20 : 30
    const agreement: Agreement = {
      id: `acu-x-${number}`,
      key: `${data.settings.keyPrefix}-${sessionCode(session)}-${String(number).padStart(2, '0')}`,
      sessionId: session.id,
      itemId: item.id,
      text:
        `Se aprueba el informe de seguimiento presentado y se instruye a la Secretaría Técnica para que, en un plazo no mayor a quince días hábiles, publique en formato abierto ` +
        `la información correspondiente, con especial atención a la accesibilidad para niñas, niños y personas con discapacidad${number % 4 === 0 ? `. ${LONG_NOTE}` : '.'}`,
      vote: named
        ? {
            favor: 3,
            contra: 1,
            abstenciones: 1,
            unanimous: false,
            named: voters.slice(0, 5).map((memberId, position) => ({ memberId, vote: position < 3 ? 'favor' : position === 3 ? 'contra' : 'abstencion' })),
          }
        : { favor, contra: majority ? 5 : 0, abstenciones: majority ? 2 : 0, unanimous: !majority, named: [] },
      responsibleMemberIds: voters.slice(number % 5, (number % 5) + 1),
      responsibleInstitutions: ['Coordinación General de Transparencia'],
      dueDate: `2027-0${(number % 9) + 1}-15`,
      status: 'pendiente',
      commitmentId: data.commitments[number % data.commitments.length]?.id ?? null,
      followUps: [],
      createdAt: at,
      updatedAt: at,
    }
    data.agreements.push(agreement)
    mine.push(agreement)
  }
  return { data: valid(data), sessionId: session.id }
}

export interface ToolResult {
  status: number | null
  stdout: string
  stderr: string
}

export function tool(command: string, ...args: string[]): ToolResult {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  if (result.error) throw result.error
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** Text of the whole document (or one page), whitespace collapsed so wrapped lines read as one. */
export function textOf(file: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)]
  const result = tool('pdftotext', '-raw', '-enc', 'UTF-8', ...range, file, '-')
  if (result.status !== 0) throw new Error(result.stderr)
  return result.stdout.replace(/\s+/g, ' ')
}

export function pageCount(file: string): number {
  const match = /^Pages:\s+(\d+)/m.exec(tool('pdfinfo', file).stdout)
  return Number(match?.[1] ?? 0)
}

export interface WordBox {
  page: number
  text: string
  xMin: number
  yMin: number
  xMax: number
  yMax: number
}

/** Every word with its box, from `pdftotext -bbox` (points, origin at the top left). */
export function wordBoxes(file: string): { pages: { width: number; height: number }[]; words: WordBox[] } {
  const html = tool('pdftotext', '-bbox', '-enc', 'UTF-8', file, '-').stdout
  const pages: { width: number; height: number }[] = []
  const words: WordBox[] = []
  for (const match of html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g)) {
    if (match[1] !== undefined) pages.push({ width: Number(match[1]), height: Number(match[2]) })
    else words.push({ page: pages.length, text: match[7] ?? '', xMin: Number(match[3]), yMin: Number(match[4]), xMax: Number(match[5]), yMax: Number(match[6]) })
  }
  return { pages, words }
}
