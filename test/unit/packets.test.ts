/**
 * Offline review: a packet out of the secretariat's data, opened read-only in
 * a member's app, comments back into the data; `packet check` catching one
 * altered byte; hostile packets and comments files refused in Spanish with
 * nothing changed.
 */
import { spawnSync } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { FileDownload, PacketView } from '../../main/core/contract/views'
import { AppError } from '../../main/core/errors'
import { buildPacket, buildPacketFile } from '../../main/core/packets/build'
import { parseCommentsFile } from '../../main/core/packets/comments-import'
import { buildCommentsFile } from '../../main/core/packets/member'
import { MAX_AGENDA_ITEMS } from '../../main/core/domain/agenda'
import { displayName } from '../../main/core/packets/entry-names'
import { checkPacket, readPacket } from '../../main/core/packets/read'
import { readDataFile } from '../../main/core/store/read-data-file'
import { bytesOf, tempFolder } from './helpers'
import {
  HELD_SESSION_ID,
  NOW,
  SESSION_ID,
  TODAY,
  makeZip,
  manifestFor,
  memberApp,
  minimalEntries,
  packetOf,
  patchCentral,
  renameEntry,
  secretariat,
  sha256,
  unzip,
  type RawEntry,
} from './packet-fixtures'
import { CLI } from '../support/cli'

const ROOT = resolve(__dirname, '../..')
const fromBase64 = (file: FileDownload): Buffer => Buffer.from(file.contentBase64, 'base64')
const toBase64 = (bytes: Buffer): string => bytes.toString('base64')

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** The Spanish reason a packet is refused (readPacket must reject, never crash). */
async function refusal(bytes: Buffer): Promise<string> {
  const error = await readPacket(bytes).then(
    () => null,
    (reason: unknown) => reason,
  )
  expect(error, 'el paquete debió rechazarse').toBeInstanceOf(AppError)
  expect((error as AppError).code).toBe('VALIDACION')
  return (error as AppError).message
}

describe('un solo límite para el orden del día', () => {
  it('agregar, reordenar y copiar se detienen en el mismo número que el paquete admite, y un paquete exportado siempre se abre', async () => {
    const office = await secretariat(6)
    let detail = await office.call('getSession', { id: SESSION_ID })
    const item = { title: 'Punto', type: 'informativo', presenter: 'Secretaría Técnica', minutes: 0 }
    for (let n = detail.session.agenda.length; n < MAX_AGENDA_ITEMS; n++) detail = await office.call('addAgendaItem', { sessionId: SESSION_ID, parentId: null, ...item, title: `Punto ${n + 1}` })
    expect(detail.session.agenda).toHaveLength(MAX_AGENDA_ITEMS)
    expect(await office.refused('addAgendaItem', { sessionId: SESSION_ID, parentId: null, ...item })).toBe(`El orden del día admite como máximo ${MAX_AGENDA_ITEMS} puntos y subpuntos; tiene ${MAX_AGENDA_ITEMS}.`)
    expect(await office.refused('reorderAgenda', { sessionId: SESSION_ID, order: [...detail.session.agenda.map((entry) => entry.id), 'pto-extra'] })).toMatch(`El orden del día admite como máximo ${MAX_AGENDA_ITEMS} puntos`)
    // The full agenda still travels: exported, the packet opens.
    const exported = await office.call('exportPacket', { sessionId: SESSION_ID })
    const packet = await readPacket(Buffer.from(exported.contentBase64, 'base64'))
    expect(packet.agenda.items).toHaveLength(MAX_AGENDA_ITEMS)
  }, 60_000)

  it('un archivo antiguo con más puntos no produce un paquete que no se podría abrir', async () => {
    const office = await secretariat(6)
    await office.store.update((draft) => {
      const session = draft.sessions.find((candidate) => candidate.id === SESSION_ID)!
      const first = session.agenda[0]!
      for (let n = session.agenda.length; n <= MAX_AGENDA_ITEMS; n++) session.agenda.push({ ...first, id: `pto-viejo-${n}`, parentId: null, attachments: [] })
    })
    expect(await office.refused('exportPacket', { sessionId: SESSION_ID })).toMatch(/^El orden del día no cabe en un paquete de revisión \(items\): /)
  })
})

describe('nombres de archivo que engañan', () => {
  const RLO = '\u202e'
  it('un adjunto con caracteres que invierten el texto o con nombre de dispositivo se guarda con un nombre limpio', async () => {
    const office = await secretariat(6)
    const detail = await office.call('getSession', { id: SESSION_ID })
    const item = detail.session.agenda[4]!
    const add = (fileName: string) => office.call('addAttachment', { sessionId: SESSION_ID, itemId: item.id, fileName, contentBase64: toBase64(Buffer.from(`contenido de ${fileName}`)) })
    await add(`informe${RLO}fdp.exe`)
    await add('\u2066minuta\u2069 final.pdf')
    await add('CON.pdf')
    const after = await add('notas. ')
    const names = after.session.agenda[4]!.attachments.map((attachment) => attachment.fileName)
    expect(names).toEqual(expect.arrayContaining(['informefdp.exe', 'minuta final.pdf', '_CON.pdf', 'notas']))
    expect(names.join('')).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/)
  })

  it('un paquete que trae un nombre así lo muestra y lo propone limpio, y los mensajes no reordenan el texto', async () => {
    const entries = minimalEntries().map((entry) => {
      if (entry.name !== 'agenda.json') return entry
      const agenda = JSON.parse(entry.data.toString('utf8')) as { items: { attachments: { fileName: string }[] }[] }
      agenda.items[0]!.attachments[0]!.fileName = `Informe${RLO}fdp.exe`
      return { ...entry, data: Buffer.from(JSON.stringify(agenda)) }
    })
    const member = await memberApp()
    const view: PacketView = await member.call('openPacket', { contentBase64: toBase64(await packetOf(entries)) })
    const listed = view.items[0]!.attachments[0]!
    expect(listed.fileName).toBe('Informefdp.exe')
    const file = await member.call('getPacketAttachment', { packetId: view.packetId, name: listed.entry })
    expect(file.fileName).toBe('Informefdp.exe')
    expect(displayName(`adjuntos/a${RLO}fdp.exe`)).toBe('adjuntos/a?fdp.exe')
  })
})

describe('paquete de revisión: ida y vuelta', () => {
  it('exporta, se abre en modo integrante, se comenta y los comentarios llegan a sus puntos; importar dos veces no cambia nada', async () => {
    const office = await secretariat()
    const exported = await office.call('exportPacket', { sessionId: SESSION_ID })
    expect(exported.fileName).toBe('paquete-STL-SO05-2026.stlpkg')
    expect(exported.mimeType).toBe('application/zip')
    const bytes = fromBase64(exported)

    // The packet itself: every entry declared, verified, and the attachments are the recorded files.
    const packet = await readPacket(bytes)
    expect(packet.manifest).toMatchObject({
      format: 'secretariado-paquete',
      formatVersion: 1,
      exportedBy: 'Secretaría Técnica',
      exportedAt: NOW.toISOString(),
      session: { id: SESSION_ID, key: 'STL-SO05-2026', title: 'Quinta Sesión Ordinaria 2026', date: TODAY },
    })
    const names = packet.manifest.entries.map((entry) => entry.name)
    expect(names.slice(0, 5)).toEqual(['agenda.json', 'paquete.pdf', 'convocatoria.pdf', 'acta-anterior.json', 'acta-anterior.pdf'])
    expect(names.filter((name) => name.startsWith('adjuntos/'))).toEqual([
      'adjuntos/punto-4-Notas-de-seguimiento.txt',
      'adjuntos/punto-5-Informe-del-portal-de-datos-abiertos-version-preliminar.pdf',
      'adjuntos/punto-5-Anexo-estadistico.csv',
      'adjuntos/punto-5-Anexo-estadistico-2.csv',
    ])
    const raw = await unzip(bytes)
    expect(raw.map((entry) => entry.name)).toEqual(['manifest.json', ...names])
    for (const entry of packet.manifest.entries) expect(sha256(packet.files.get(entry.name) ?? Buffer.alloc(0))).toBe(entry.sha256)
    expect(packet.previousActa).toMatchObject({ title: 'Cuarta Sesión Ordinaria 2026', pdf: 'acta-anterior.pdf', signed: false })

    // Member mode: another app, with no data of the secretariat's.
    const member = await memberApp()
    const view: PacketView = await member.call('openPacket', { contentBase64: exported.contentBase64 })
    expect(view.session).toMatchObject({ id: SESSION_ID, title: 'Quinta Sesión Ordinaria 2026', key: 'STL-SO05-2026', startTime: '11:00' })
    expect(view.items.map((item) => item.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8'])
    expect(view.documents.map((document) => document.entry)).toEqual(['paquete.pdf', 'convocatoria.pdf', 'acta-anterior.pdf'])
    expect(view.previousActa?.title).toBe('Cuarta Sesión Ordinaria 2026')
    expect(view.manifestSha256).toBe(packet.manifestSha256)
    for (const file of office.files) {
      const item = view.items.find((candidate) => candidate.id === file.itemId)
      const listed = item?.attachments.find((attachment) => attachment.sha256 === sha256(file.content))
      expect(listed, file.fileName).toBeDefined()
      const opened = await member.call('getPacketAttachment', { packetId: view.packetId, name: listed?.entry })
      expect(opened.fileName).toBe(file.fileName)
      expect(fromBase64(opened)).toEqual(file.content)
    }
    expect((await member.call('getPacketAttachment', { packetId: view.packetId, name: 'paquete.pdf' })).mimeType).toBe('application/pdf')
    expect(await member.refused('getPacketAttachment', { packetId: view.packetId, name: 'manifest.json' })).toMatch(/no válido/)
    expect(await member.refused('getPacketAttachment', { packetId: view.packetId, name: '../secretariado.json' })).toMatch(/no válido/)
    expect(await member.refused('getPacketAttachment', { packetId: 'paq-ffffffffffffffff', name: 'paquete.pdf' })).toBe('El paquete de revisión ya no está abierto: ábralo de nuevo.')

    // The member comments: one general comment, two on items; author and texts are trimmed.
    const [, , , followUp, substantive] = view.items
    if (!followUp || !substantive) throw new Error('agenda')
    expect(await member.refused('exportComments', { packetId: view.packetId, author: '   ', general: 'Hola', items: [] })).toMatch(/Escriba su nombre/)
    expect(await member.refused('exportComments', { packetId: view.packetId, author: 'Ana', general: '', items: [{ itemId: substantive.id, text: '   ' }] })).toMatch(/está vacío/)
    expect(await member.refused('exportComments', { packetId: view.packetId, author: 'Ana', general: '', items: [] })).toBe('Escriba al menos un comentario antes de exportar.')
    expect(await member.refused('exportComments', { packetId: view.packetId, author: 'Ana', general: '', items: [{ itemId: 'pto-inexistente', text: 'Hola' }] })).toMatch(/no está en el orden del día del paquete/)
    const commentsFile = await member.call('exportComments', {
      packetId: view.packetId,
      author: '  Mtra. Begoña Ibáñez Muñoz ',
      general: ' Agradezco el envío anticipado de los documentos. ',
      items: [
        { itemId: substantive.id, text: '¿El informe incluye los conjuntos de datos de los municipios invitados?\nSugiero agregar Tonalá.' },
        { itemId: followUp.id, text: 'El acuerdo STL-SO04-2026-01 aparece vencido: ¿hay nueva fecha?' },
      ],
    })
    expect(commentsFile.fileName).toBe('comentarios-STL-SO05-2026-Mtra-Begona-Ibanez-Munoz.json')
    const parsed = parseCommentsFile(fromBase64(commentsFile))
    expect(parsed).toMatchObject({ format: 'secretariado-comentarios', formatVersion: 1, packetId: view.packetId, sessionId: SESSION_ID, author: 'Mtra. Begoña Ibáñez Muñoz', packetManifestSha256: view.manifestSha256 })
    expect(sha256(parsed.packetManifest)).toBe(view.manifestSha256)
    expect(parsed.comments.map((comment) => comment.itemId)).toEqual([null, substantive.id, followUp.id])

    // Back in the secretariat: the comments land on their items, with the author; the import is in the audit trail.
    const report = await office.call('importComments', { contentBase64: commentsFile.contentBase64 })
    expect(report).toMatchObject({ sessionId: SESSION_ID, sessionTitle: 'Quinta Sesión Ordinaria 2026', author: 'Mtra. Begoña Ibáñez Muñoz', added: 3, duplicates: 0 })
    expect(report.comments.map((comment) => [comment.itemNumber, comment.status])).toEqual([[null, 'agregado'], ['5', 'agregado'], ['4', 'agregado']])
    const stored = (await readDataFile(office.dataFile)).sessions.find((session) => session.id === SESSION_ID)
    expect(stored?.comments.map((comment) => ({ itemId: comment.itemId, author: comment.author, packetId: comment.packetId }))).toEqual([
      { itemId: null, author: 'Mtra. Begoña Ibáñez Muñoz', packetId: view.packetId },
      { itemId: substantive.id, author: 'Mtra. Begoña Ibáñez Muñoz', packetId: view.packetId },
      { itemId: followUp.id, author: 'Mtra. Begoña Ibáñez Muñoz', packetId: view.packetId },
    ])
    expect(stored?.comments[1]?.text).toBe('¿El informe incluye los conjuntos de datos de los municipios invitados?\nSugiero agregar Tonalá.')
    expect(stored?.comments[0]?.text).toBe('Agradezco el envío anticipado de los documentos.')
    expect(office.store.data.audit.at(-1)).toMatchObject({ entity: 'sesion', entityId: SESSION_ID, action: 'importar', summary: `Se importaron 3 comentarios de «Mtra. Begoña Ibáñez Muñoz» (paquete de revisión ${view.packetId})` })

    // The same file again: nothing new, and the data file is not written at all.
    const before = await bytesOf(office.dataFile)
    const again = await office.call('importComments', { contentBase64: commentsFile.contentBase64 })
    expect(again).toMatchObject({ added: 0, duplicates: 3 })
    expect(await bytesOf(office.dataFile)).toEqual(before)

    // Exported again with one more comment: only the new one is added.
    const more = await member.call('exportComments', {
      packetId: view.packetId,
      author: 'Mtra. Begoña Ibáñez Muñoz',
      general: 'Agradezco el envío anticipado de los documentos.',
      items: [{ itemId: substantive.id, text: 'Propongo que el portal publique también los datos en CSV con BOM.' }],
    })
    expect(await office.call('importComments', { contentBase64: more.contentBase64 })).toMatchObject({ added: 1, duplicates: 1 })
    expect(office.store.data.sessions.find((session) => session.id === SESSION_ID)?.comments).toHaveLength(4)
    await Promise.all([office.store.close(), member.store.close()])
  }, 60_000)

  it('la guía paquete.pdf lista el orden del día, los documentos y sus SHA-256, y pasa qpdf', async () => {
    const office = await secretariat()
    const packet = await readPacket(await buildPacket(office.store.data, SESSION_ID, office.folder, NOW))
    const guide = packet.files.get('paquete.pdf')
    if (!guide) throw new Error('falta paquete.pdf')
    const file = join(office.folder, 'paquete.pdf')
    await writeFile(file, guide)
    const qpdf = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' })
    expect(qpdf.status, qpdf.stdout + qpdf.stderr).toBe(0)
    const text = spawnSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).stdout
    expect(text).toContain('Paquete de revisión')
    expect(text).toContain('Quinta Sesión Ordinaria 2026')
    expect(text).toMatch(/Página 1 de \d/)
    // Long names and hashes wrap inside their cells: compare without the line breaks.
    const compact = text.replace(/\s+/g, '')
    expect(compact).toContain('Informedelportaldedatosabiertos—versiónpreliminar.pdf')
    for (const entry of packet.manifest.entries.filter((candidate) => candidate.name !== 'paquete.pdf')) expect(compact, entry.name).toContain(entry.sha256)
    await office.store.close()
  }, 60_000)
})

describe('paquete de revisión: exportar', () => {
  it('sólo para una sesión que aún no se celebra, y con sus adjuntos intactos', async () => {
    const office = await secretariat()
    expect(await office.refused('exportPacket', { sessionId: HELD_SESSION_ID })).toBe(
      'La Cuarta Sesión Ordinaria 2026 ya concluyó: el paquete de revisión se prepara para una sesión que aún no se celebra.',
    )
    expect(await office.refused('exportPacket', { sessionId: 'ses-inexistente' })).toBe('No existe la sesión «ses-inexistente».')
    // A damaged file in the data folder stops the export instead of travelling.
    const damaged = office.store.data.sessions.find((session) => session.id === SESSION_ID)?.agenda.flatMap((item) => item.attachments)[0]
    if (!damaged) throw new Error('adjunto')
    const path = join(office.folder, damaged.storedPath)
    const content = await readFile(path)
    content[0] = (content[0] ?? 0) ^ 0xff
    await writeFile(path, content)
    expect(await office.refused('exportPacket', { sessionId: SESSION_ID })).toMatch(/^El adjunto «Notas de seguimiento\.txt» del punto 4 está dañado: su contenido ya no corresponde al SHA-256 registrado/)
    await office.store.close()
  }, 60_000)
})

describe('packet check', () => {
  it('aprueba un paquete exportado y lo rechaza, nombrando la entrada, cuando cambia un byte de un adjunto', async () => {
    const office = await secretariat()
    const bytes = await buildPacket(office.store.data, SESSION_ID, office.folder, NOW)
    const report = await checkPacket(bytes)
    expect(report.valid).toBe(true)
    expect(report.problems).toEqual([])
    expect(report.entries.every((entry) => entry.status === 'correcto')).toBe(true)

    // The attachment is stored uncompressed: its bytes sit in the zip once; flip one in the middle.
    const original = office.files[0]?.content
    if (!original) throw new Error('adjunto')
    const at = bytes.indexOf(original)
    expect(at).toBeGreaterThan(0)
    expect(bytes.indexOf(original, at + 1)).toBe(-1)
    const flipped = Buffer.from(bytes)
    const position = at + Math.floor(original.length / 2)
    flipped[position] = (flipped[position] ?? 0) ^ 0x01
    // Really a content byte: the zip still lists the same entries, and only that entry's content differs, by one byte.
    const before = await unzip(bytes)
    const after = await unzip(flipped)
    expect(after.map((entry) => entry.name)).toEqual(before.map((entry) => entry.name))
    const changed = after.filter((entry, index) => !entry.data.equals(before[index]?.data ?? Buffer.alloc(0)))
    expect(changed.map((entry) => entry.name)).toEqual(['adjuntos/punto-5-Informe-del-portal-de-datos-abiertos-version-preliminar.pdf'])
    expect([...(changed[0]?.data ?? [])].filter((byte, index) => byte !== original[index])).toHaveLength(1)

    const bad = await checkPacket(flipped)
    expect(bad.valid).toBe(false)
    expect(bad.entries.find((entry) => entry.status !== 'correcto')).toMatchObject({ name: 'adjuntos/punto-5-Informe-del-portal-de-datos-abiertos-version-preliminar.pdf', status: 'alterado' })
    expect(bad.problems).toEqual(['La entrada «adjuntos/punto-5-Informe-del-portal-de-datos-abiertos-version-preliminar.pdf» fue modificada: su SHA-256 no coincide con el del manifiesto.'])
    expect(await refusal(flipped)).toBe(bad.problems[0])
    await office.store.close()
  }, 60_000)
})

describe('paquetes hostiles: nunca fallan, cada uno con su mensaje', () => {
  it('el paquete mínimo de las pruebas es válido', async () => {
    const packet = await readPacket(await packetOf(minimalEntries()))
    expect(packet.agenda.items).toHaveLength(1)
  })

  const cases: [string, () => Promise<Buffer>, RegExp][] = [
    ['no es un zip', () => Promise.resolve(Buffer.from('Orden del día de la sesión, en texto plano.')), /^El archivo no es un paquete de revisión: no es un archivo zip\.$/],
    ['vacío', () => Promise.resolve(Buffer.alloc(0)), /^El archivo está vacío: no es un paquete de revisión\.$/],
    ['truncado a la mitad', async () => (await packetOf(minimalEntries())).subarray(0, 700), /^El paquete está incompleto \(truncado\): falta el índice del archivo zip/],
    ['truncado por un byte', async () => { const bytes = await packetOf(minimalEntries()); return bytes.subarray(0, bytes.length - 1) }, /^El paquete está incompleto \(truncado\)/],
    ['versión de formato más reciente', async () => packetOf(minimalEntries(), { manifest: { formatVersion: 2 } }), /^El paquete usa la versión 2 del formato, más reciente que la que esta aplicación conoce \(1\)\. Actualice Secretariado para abrirlo\.$/],
    ['versión de formato desconocida', async () => packetOf(minimalEntries(), { manifest: { formatVersion: 'uno' } }), /^El paquete indica una versión de formato desconocida \(uno\)/],
    ['otro formato', async () => packetOf(minimalEntries(), { manifest: { format: 'otro-programa' } }), /^El archivo no es un paquete de revisión de Secretariado \(formato «otro-programa»\)\.$/],
    ['sin manifiesto', async () => makeZip(minimalEntries()), /^El paquete no tiene manifiesto \(manifest\.json\)/],
    ['manifiesto que no es JSON', async () => makeZip([{ name: 'manifest.json', data: Buffer.from('{"format": "secretariado-paquete",') }, ...minimalEntries()]), /^El manifiesto \(manifest\.json\) no es JSON válido\.$/],
    ['manifiesto fuera del esquema', async () => packetOf(minimalEntries(), { manifest: { packetId: '../../x', extra: true } }), /^El manifiesto \(manifest\.json\) no es válido: .*packetId: Identificador de paquete no válido/],
    ['nombre con ../', async () => renameEntry(await packetOf(withExtra('adjuntos/xx/passwd.pdf')), 'adjuntos/xx/passwd.pdf', 'adjuntos/../passwd.pdf'), /^La entrada «adjuntos\/\.\.\/passwd\.pdf» intenta salir de la carpeta del paquete \(«\.\.\/»\)\.$/],
    ['ruta absoluta', async () => renameEntry(await packetOf(withExtra('xetc/passwd')), 'xetc/passwd', '/etc/passwd'), /^La entrada «\/etc\/passwd» es una ruta absoluta; un paquete sólo contiene rutas relativas\.$/],
    ['unidad de disco', async () => renameEntry(await packetOf(withExtra('Cx/Windows/win.ini')), 'Cx/Windows/win.ini', 'C:/Windows/win.ini'), /^La entrada «C:\/Windows\/win\.ini» indica una unidad de disco/],
    ['barra invertida', async () => renameEntry(await packetOf(withExtra('adjuntos/x/y.pdf')), 'adjuntos/x/y.pdf', 'adjuntos\\x\\y.pdf'), /^La entrada «adjuntos\\x\\y\.pdf» usa barras invertidas/],
    ['nombre repetido', async () => renameEntry(await packetOf(withExtra('adjuntos/punto-1-informe.pdX')), 'adjuntos/punto-1-informe.pdX', 'adjuntos/punto-1-informe.pdf'), /^La entrada «adjuntos\/punto-1-informe\.pdf» aparece repetida en el paquete\.$/],
    ['repetido salvo mayúsculas', async () => packetOf(withExtra('adjuntos/PUNTO-1-INFORME.PDF')), /^La entrada «adjuntos\/PUNTO-1-INFORME\.PDF» aparece repetida en el paquete\.$/],
    ['entrada no declarada', async () => packetOf(withExtra('adjuntos/extra.pdf'), { declared: minimalEntries() }), /^La entrada «adjuntos\/extra\.pdf» no está declarada en el manifiesto\.$/],
    ['entrada declarada que falta', async () => packetOf(minimalEntries().slice(0, 2), { declared: minimalEntries() }), /^Falta la entrada «adjuntos\/punto-1-informe\.pdf», declarada en el manifiesto\.$/],
    ['SHA-256 distinto (mismo tamaño)', async () => packetOf(minimalEntries().map((entry) => (entry.name === 'paquete.pdf' ? { ...entry, data: flipByte(entry.data, 20) } : entry)), { declared: minimalEntries() }), /^La entrada «paquete\.pdf» fue modificada: su SHA-256 no coincide con el del manifiesto\.$/],
    ['tamaño distinto al del manifiesto', async () => packetOf(minimalEntries().map((entry) => (entry.name === 'paquete.pdf' ? { ...entry, data: Buffer.from('%PDF-1.7 otro') } : entry)), { declared: minimalEntries() }), /^La entrada «paquete\.pdf» mide 13 bytes y el manifiesto declara \d+\.$/],
    ['tamaño declarado menor que el real (bomba)', bombWithLyingSize, /^La entrada «adjuntos\/punto-1-informe\.pdf» contiene más datos de los que declara \(posible bomba de descompresión\)\.$/],
    ['entrada enorme', async () => patchCentral(await packetOf(compressed()), 'adjuntos/punto-1-informe.pdf', { uncompressedSize: 0x80000000 }), /^La entrada «adjuntos\/punto-1-informe\.pdf» declara 2048 MB; cada entrada admite como máximo 100 MB\.$/],
    ['contenido total excesivo', tooMuchInTotal, /^El contenido del paquete supera 300 MB sin comprimir; no se abre \(posible bomba de descompresión\)\.$/],
    ['entrada cifrada', async () => patchCentral(await packetOf(compressed()), 'adjuntos/punto-1-informe.pdf', { flags: 0x0001 }), /^La entrada «adjuntos\/punto-1-informe\.pdf» está cifrada/],
    ['encabezado local con otro nombre', async () => renameEntry(await packetOf(compressed()), 'adjuntos/punto-1-informe.pdf', 'adjuntos/punto-1-informe.pdX', 'central'), /^La entrada «adjuntos\/punto-1-informe\.pdX» tiene otro nombre en su encabezado local; el paquete fue alterado\.$/],
    ['entradas que comparten datos', overlapping, /^Las entradas «adjuntos\/a\.pdf» y «adjuntos\/b\.pdf» comparten datos \(posible bomba de descompresión\)\.$/],
    ['entrada ajena al formato', async () => packetOf(withExtra('macro.exe')), /^La entrada «macro\.exe» no es parte de un paquete de revisión\.$/],
    ['nombre reservado de Windows', async () => packetOf(withExtra('adjuntos/NUL.txt')), /^La entrada «adjuntos\/NUL\.txt» usa un nombre que Windows reserva para un dispositivo \(NUL\)\.$/],
    ['nombre reservado sin extensión', async () => packetOf(withExtra('adjuntos/con')), /^La entrada «adjuntos\/con» usa un nombre que Windows reserva para un dispositivo \(CON\)\.$/],
    ['nombre que termina en punto', async () => packetOf(withExtra('adjuntos/informe.')), /^La entrada «adjuntos\/informe\.» termina en punto; Windows no conserva ese nombre\.$/],
    ['enlace simbólico', async () => packetOf([...minimalEntries(), { name: 'adjuntos/punto-1-enlace.pdf', data: Buffer.from('/etc/passwd'), mode: 0o120777 }]), /^La entrada «adjuntos\/punto-1-enlace\.pdf» es un enlace simbólico o una carpeta, no un archivo/],
  ]

  for (const [name, make, expected] of cases) {
    it(name, async () => {
      const bytes = await make()
      expect(await refusal(bytes)).toMatch(expected)
      const report = await checkPacket(bytes)
      expect(report.valid).toBe(false)
      expect(report.problems.join(' ')).toMatch(expected)
    })
  }

  it('500 paquetes con bytes al azar alterados o cortados: siempre un rechazo en español o un paquete válido, nunca una excepción', async () => {
    const base = await packetOf(compressed())
    let seed = 20261126
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed % n
    }
    let refused = 0
    const messages = new Set<string>()
    for (let round = 0; round < 500; round++) {
      let bytes = Buffer.from(base)
      if (round % 5 === 0) bytes = bytes.subarray(0, random(bytes.length))
      else for (let flips = 1 + random(3); flips > 0; flips--) bytes[random(bytes.length)] = random(256)
      const outcome = await readPacket(bytes).then(
        () => 'válido',
        (error: unknown) => error,
      )
      if (outcome === 'válido') continue
      refused++
      expect(outcome, `vuelta ${round}`).toBeInstanceOf(AppError)
      expect((outcome as AppError).message).toMatch(/^[A-ZÁÉÍÓÚÑ¿]/)
      expect((outcome as AppError).message, `vuelta ${round}`).not.toMatch(/error inesperado/)
      messages.add((outcome as AppError).message.replace(/«[^»]*»/g, '«…»').replace(/\d+/g, 'N'))
    }
    // Many different reasons, not one catch-all.
    expect(messages.size).toBeGreaterThan(10)
    expect(refused).toBeGreaterThan(200)
  })

  it('por el puente, un paquete hostil llega como VALIDACION y no toca nada', async () => {
    const member = await memberApp()
    const bytes = renameEntry(await packetOf(withExtra('adjuntos/xx/passwd.pdf')), 'adjuntos/xx/passwd.pdf', 'adjuntos/../passwd.pdf')
    expect(await member.refused('openPacket', { contentBase64: toBase64(bytes) })).toMatch(/intenta salir de la carpeta del paquete/)
    expect(await member.refused('openPacket', { contentBase64: 'esto no es base64!' })).toMatch(/no es válido/)
    await member.store.close()
  })
})

function flipByte(bytes: Buffer, at: number): Buffer {
  const copy = Buffer.from(bytes)
  copy[at] = (copy[at] ?? 0) ^ 0x01
  return copy
}

/** The minimal packet plus one more (declared) entry. */
function withExtra(name: string): RawEntry[] {
  return [...minimalEntries(), { name, data: Buffer.from('contenido adicional') }]
}

/** The minimal packet with its attachment deflated (sizes can then be patched without yauzl's stored-size check). */
function compressed(): RawEntry[] {
  return minimalEntries().map((entry) => ({ ...entry, compress: true }))
}

/** 5 MB of zeros deflated to a few KB, whose index (and manifest) claim 1000 bytes. */
async function bombWithLyingSize(): Promise<Buffer> {
  const entries = minimalEntries().map((entry) => (entry.name.startsWith('adjuntos/') ? { ...entry, data: Buffer.alloc(5 * 1024 * 1024), compress: true } : entry))
  const declared = entries.map((entry) => (entry.name.startsWith('adjuntos/') ? { ...entry, data: Buffer.alloc(1000) } : entry))
  const zip = await makeZip([{ name: 'manifest.json', data: Buffer.from(JSON.stringify(manifestFor(declared))), compress: true }, ...entries])
  return patchCentral(zip, 'adjuntos/punto-1-informe.pdf', { uncompressedSize: 1000 })
}

/**
 * Entry b's index points inside entry a's data, where a copy of b's local
 * header sits: every name agrees, but two entries share bytes (the trick of
 * the smallest zip bombs).
 */
async function overlapping(): Promise<Buffer> {
  const inner = (await makeZip([{ name: 'adjuntos/b.pdf', data: Buffer.from('hola') }])).subarray(0, 30 + 'adjuntos/b.pdf'.length + 4)
  const entries = [...minimalEntries(), { name: 'adjuntos/a.pdf', data: Buffer.from(inner) }, { name: 'adjuntos/b.pdf', data: Buffer.from('hola') }]
  const zip = await packetOf(entries)
  return patchCentral(zip, 'adjuntos/b.pdf', { localHeaderOffset: zip.indexOf(inner) })
}

/** Four entries that each claim 90 MB (under the per-entry limit, over the total). */
async function tooMuchInTotal(): Promise<Buffer> {
  const names = ['adjuntos/a.pdf', 'adjuntos/b.pdf', 'adjuntos/c.pdf', 'adjuntos/d.pdf']
  let zip = await packetOf([...minimalEntries(), ...names.map((name) => ({ name, data: Buffer.from('x'), compress: true }))])
  for (const name of names) zip = patchCentral(zip, name, { uncompressedSize: 90 * 1024 * 1024 })
  return zip
}

describe('importar comentarios: rechazos sin cambiar nada', () => {
  it('sesión inexistente, paquete alterado, archivo editado, punto ajeno o archivo mal formado', async () => {
    const office = await secretariat()
    const member = await memberApp()
    const packetBytes = await buildPacket(office.store.data, SESSION_ID, office.folder, NOW)
    const opened = await member.call('openPacket', { contentBase64: toBase64(packetBytes) })
    const item = opened.items[4]
    if (!item) throw new Error('agenda')
    const good = await member.call('exportComments', { packetId: opened.packetId, author: 'Lic. Óscar Pliego Marín', general: '', items: [{ itemId: item.id, text: 'Sin observaciones al informe.' }] })

    // Another body's data, where that session does not exist.
    const other = await secretariat(3)
    expect(await other.refused('importComments', { contentBase64: good.contentBase64 })).toBe(
      'Los comentarios son de la Quinta Sesión Ordinaria 2026 (STL-SO05-2026), que no existe en estos datos; no se importó ningún comentario.',
    )

    // A packet whose document was swapped, with its manifest rewritten to match: member mode opens it, the import refuses it.
    const entries = await unzip(packetBytes)
    const swapped = entries.map((entry) => (entry.name.endsWith('.txt') ? { ...entry, data: Buffer.from('Otro texto, no el que envió la Secretaría Técnica.\n') } : entry))
    const manifest = JSON.parse(entries[0]?.data.toString('utf8') ?? '{}') as { entries: { name: string; size: number; sha256: string }[] }
    const agenda = JSON.parse(entries.find((entry) => entry.name === 'agenda.json')?.data.toString('utf8') ?? '{}') as { items: { attachments: { entry: string; size: number; sha256: string }[] }[] }
    for (const attachment of agenda.items.flatMap((candidate) => candidate.attachments)) {
      const replaced = swapped.find((entry) => entry.name === attachment.entry)
      if (replaced) Object.assign(attachment, { size: replaced.data.length, sha256: sha256(replaced.data) })
    }
    const agendaBytes = Buffer.from(JSON.stringify(agenda))
    const rebuilt = swapped.map((entry) => (entry.name === 'agenda.json' ? { ...entry, data: agendaBytes } : entry))
    manifest.entries = rebuilt.slice(1).map((entry) => ({ name: entry.name, size: entry.data.length, sha256: sha256(entry.data) }))
    const forged = await makeZip([{ name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest)), compress: true }, ...rebuilt.slice(1)])
    const forgedView = await member.call('openPacket', { contentBase64: toBase64(forged) })
    const fromForged = await member.call('exportComments', { packetId: forgedView.packetId, author: 'Lic. Óscar Pliego Marín', general: 'Comentario sobre el paquete alterado.', items: [] })
    expect(await office.refused('importComments', { contentBase64: fromForged.contentBase64 })).toMatch(
      /^El paquete comentado no coincide con los documentos de la Quinta Sesión Ordinaria 2026: «adjuntos\/punto-4-Notas-de-seguimiento\.txt» \(SHA-256 [0-9a-f]{12}…\) no es un documento que la Secretaría haya enviado\./,
    )

    // The comments file edited by hand: its manifest no longer matches the fingerprint it states.
    const file = JSON.parse(fromBase64(good).toString('utf8')) as Record<string, unknown>
    const edit = (changes: Record<string, unknown>): { contentBase64: string } => ({ contentBase64: toBase64(Buffer.from(JSON.stringify({ ...file, ...changes }))) })
    expect(await office.refused('importComments', edit({ packetManifest: String(file.packetManifest).replace('Secretaría Técnica', 'Otra persona') }))).toMatch(
      /^El archivo de comentarios fue alterado: la huella SHA-256 del manifiesto del paquete no coincide/,
    )
    expect(await office.refused('importComments', edit({ comments: [{ itemId: 'pto-de-otra-sesion', text: 'Hola' }] }))).toBe(
      'El comentario 1 es de un punto que no está en el orden del día de la Quinta Sesión Ordinaria 2026; no se importó ningún comentario.',
    )
    expect(await office.refused('importComments', edit({ formatVersion: 7 }))).toMatch(/versión 7 del formato, más reciente/)
    expect(await office.refused('importComments', edit({ author: '' }))).toMatch(/Escriba su nombre/)
    expect(await office.refused('importComments', { contentBase64: toBase64(Buffer.from('{"format": "secretariado-comentarios", ')) })).toMatch(/^El archivo de comentarios no es JSON válido/)
    expect(await office.refused('importComments', { contentBase64: toBase64(packetBytes.subarray(0, 1000)) })).toBe('Eligió un paquete de revisión (.stlpkg), no un archivo de comentarios.')
    expect(office.store.data.sessions.find((session) => session.id === SESSION_ID)?.comments).toEqual([])

    // The untouched file is accepted, even after a document of the packet was taken off the agenda:
    // the data folder still holds it under its SHA-256, so the packet is still one the secretariat sent.
    const notes = office.files.find((added) => added.fileName === 'Notas de seguimiento.txt')
    const record = office.store.data.sessions.find((session) => session.id === SESSION_ID)?.agenda.find((candidate) => candidate.id === notes?.itemId)?.attachments[0]
    if (!notes || !record) throw new Error('adjunto')
    await office.call('removeAttachment', { sessionId: SESSION_ID, itemId: notes.itemId, attachmentId: record.id })
    expect(await office.call('importComments', { contentBase64: good.contentBase64 })).toMatchObject({ added: 1 })
    await Promise.all([office.store.close(), member.store.close(), other.store.close()])
  }, 60_000)
})

describe('línea de comandos: packet y comments', () => {
  it('exporta, verifica, detecta un byte alterado e importa comentarios una sola vez', async () => {
    const office = await secretariat()
    await office.store.close()
    const folder = await tempFolder()
    const packetFile = join(folder, 'paquete.stlpkg')

    const exported = cli('packet', 'export', office.dataFile, '--session', 'next', '--out', packetFile, '--today', TODAY)
    expect(exported.status, exported.stderr).toBe(0)
    expect(exported.stdout).toMatch(/^Paquete de revisión de la Quinta Sesión Ordinaria 2026 escrito en .*paquete\.stlpkg: 10 entradas, 4 adjuntos, \d+ KB\. Identificador: paq-[0-9a-f]{16}\.\n$/)
    const held = cli('packet', 'export', office.dataFile, '--session', HELD_SESSION_ID, '--out', join(folder, 'otro.stlpkg'))
    expect(held.status).toBe(1)
    expect(held.stderr.trim()).toBe('Error: La Cuarta Sesión Ordinaria 2026 ya concluyó: el paquete de revisión se prepara para una sesión que aún no se celebra.')

    const checked = cli('packet', 'check', packetFile)
    expect(checked.status, checked.stderr).toBe(0)
    expect(checked.stdout).toMatch(/Paquete válido: el manifiesto y las 9 entradas coinciden con sus huellas SHA-256\./)

    const bytes = await readFile(packetFile)
    const original = office.files[3]?.content
    if (!original) throw new Error('adjunto')
    const at = bytes.indexOf(original)
    expect(at).toBeGreaterThan(0)
    const flipped = Buffer.from(bytes)
    flipped[at + 5] = (flipped[at + 5] ?? 0) ^ 0x20
    const damagedFile = join(folder, 'alterado.stlpkg')
    await writeFile(damagedFile, flipped)
    const damaged = cli('packet', 'check', damagedFile)
    expect(damaged.status).toBe(1)
    expect(damaged.stdout).toMatch(/ALTERADO\s+adjuntos\/punto-4-Notas-de-seguimiento\.txt/)
    expect(damaged.stderr.trim()).toBe('Error: el paquete no es válido. La entrada «adjuntos/punto-4-Notas-de-seguimiento.txt» fue modificada: su SHA-256 no coincide con el del manifiesto.')
    const notZip = join(folder, 'texto.stlpkg')
    await writeFile(notZip, 'hola')
    const refused = cli('packet', 'check', notZip)
    expect(refused.status).toBe(1)
    expect(refused.stderr).toMatch(/no es un archivo zip/)

    const packet = await readPacket(bytes)
    const item = packet.agenda.items[4]
    if (!item) throw new Error('agenda')
    const comments = buildCommentsFile(packet, { packetId: packet.manifest.packetId, author: 'Dra. Noemí Zepeda Ochoa', general: 'Todo en orden.', items: [{ itemId: item.id, text: 'Pido que el anexo incluya Tonalá.' }] }, NOW)
    const commentsFile = join(folder, comments.fileName)
    await writeFile(commentsFile, fromBase64(comments))
    const imported = cli('comments', 'import', office.dataFile, commentsFile)
    expect(imported.status, imported.stderr).toBe(0)
    expect(imported.stdout).toMatch(/^Se agregaron 2 comentarios de «Dra\. Noemí Zepeda Ochoa» a la Quinta Sesión Ordinaria 2026 \(STL-SO05-2026\)\./)
    const before = await bytesOf(office.dataFile)
    const again = cli('comments', 'import', office.dataFile, commentsFile)
    expect(again.status, again.stderr).toBe(0)
    expect(again.stdout).toMatch(/^Ningún comentario nuevo: los 2 comentarios de «Dra\. Noemí Zepeda Ochoa» ya estaban registrados/)
    expect(await bytesOf(office.dataFile)).toEqual(before)
    const data = await readDataFile(office.dataFile)
    expect(data.sessions.find((session) => session.id === SESSION_ID)?.comments.map((comment) => comment.itemId)).toEqual([null, item.id])

    const missing = cli('comments', 'import', join(folder, 'no-existe.json'), commentsFile)
    expect(missing.status).toBe(1)
    expect(missing.stderr).toMatch(/No existe el archivo de datos/)
    const usage = cli('packet', 'enviar')
    expect(usage.status).toBe(2)
    expect(usage.stderr).toMatch(/Acción desconocida de packet: enviar/)
  }, 120_000)
})

describe('buildPacketFile', () => {
  it('nombra el archivo por la clave de la sesión y da la huella del manifiesto', async () => {
    const office = await secretariat()
    const built = await buildPacketFile(office.store.data, SESSION_ID, office.folder, NOW)
    expect(built.fileName).toBe('paquete-STL-SO05-2026.stlpkg')
    expect((await readPacket(built.bytes)).manifestSha256).toBe(built.manifestSha256)
    await office.store.close()
  }, 60_000)
})
