/**
 * CSV in, as offices really have the files: the encoding is detected from the
 * bytes (UTF-8 with or without BOM, Windows-1252 from Excel, UTF-16 «Texto
 * Unicode»), files that cannot be read exactly are refused with how to save
 * them, no replacement character ever reaches the data file, every problem of
 * a row is reported at once, and people already registered are warned about
 * and left out.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MEMBER_CSV_HEADER, MEMBER_CSV_MAX_ROWS, PROGRESS_CSV_MAX_ROWS } from '../../main/core/domain/csv-columns'
import { parseMemberCsv } from '../../main/core/domain/member-csv'
import { parseProgressCsv } from '../../main/core/domain/progress-csv'
import { decodeTextFile } from '../../main/core/domain/text-decoding'
import { AppError } from '../../main/core/errors'
import { bytesOf, demoBridge } from './helpers'

/** Windows-1252 as Excel writes it, built by hand: Latin-1 plus the 0x80–0x9F characters used here. */
const CP1252_HIGH: Record<string, number> = { '€': 0x80, '‚': 0x82, '„': 0x84, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '™': 0x99, 'Š': 0x8a, 'Ÿ': 0x9f }
function windows1252(text: string): Buffer {
  return Buffer.from(
    [...text].map((char) => {
      const high = CP1252_HIGH[char]
      if (high !== undefined) return high
      const code = char.charCodeAt(0)
      if (code > 0xff || (code >= 0x80 && code <= 0x9f)) throw new Error(`«${char}» no existe en Windows-1252`)
      return code
    }),
  )
}
const utf16le = (text: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
const utf16be = (text: string): Buffer => {
  const body = Buffer.from(text, 'utf16le')
  body.swap16()
  return Buffer.concat([Buffer.from([0xfe, 0xff]), body])
}
const withBom = (text: string): Buffer => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])
const file = (bytes: Buffer, fileName = 'integrantes.csv') => ({ fileName, contentBase64: bytes.toString('base64') })

const SPANISH = 'Begoña Ibáñez Muñoz, Ángel Núñez, Éric Güemes, Íñigo Ordóñez, Úrsula Díaz: ¿Quién? ¡Sí! 5 €, “comillas” y ‘simples’ – guion — raya'
const HOWTO = /En Excel: Archivo › Guardar como › CSV UTF-8 \(delimitado por comas\)\. En LibreOffice: .*«Juego de caracteres: Unicode \(UTF-8\)»/

describe('la codificación se detecta de los bytes', () => {
  it('UTF-8 con BOM pierde el BOM; UTF-8 sin BOM queda tal cual', () => {
    expect(decodeTextFile(withBom(SPANISH), 'a.csv')).toEqual({ text: SPANISH, encoding: 'utf-8-bom' })
    expect(decodeTextFile(Buffer.from(SPANISH, 'utf8'), 'a.csv')).toEqual({ text: SPANISH, encoding: 'utf-8' })
  })

  it('Windows-1252 se lee exacto: ñ á é í ó ú ü ¿ ¡ €, comillas curvas y rayas', () => {
    const bytes = windows1252(SPANISH)
    // Not UTF-8: the accented letters are single bytes.
    expect(bytes.includes(0xf1)).toBe(true)
    expect(decodeTextFile(bytes, 'a.csv')).toEqual({ text: SPANISH, encoding: 'windows-1252' })
    // Every byte 0x80–0x9F Windows-1252 defines, against the standard's table.
    const defined = [0x80, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8e, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0x9b, 0x9c, 0x9e, 0x9f]
    const decoded = decodeTextFile(Buffer.from([0x41, 0x20, ...defined.flatMap((byte) => [byte, 0x20]), 0xe9]), 'a.csv').text
    expect(decoded).toBe('A € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ é')
  })

  it('UTF-16 con BOM («Texto Unicode» de Excel, separado por tabuladores) se decodifica', () => {
    const text = `nombre\tinstitucion\nBegoña Ibáñez\tITEI 😀`
    expect(decodeTextFile(utf16le(text), 'a.txt')).toEqual({ text, encoding: 'utf-16le' })
    expect(decodeTextFile(utf16be(text), 'a.txt')).toEqual({ text, encoding: 'utf-16be' })
    // A lone surrogate is not text.
    expect(() => decodeTextFile(Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x42, 0x00]), 'a.txt')).toThrow(/carácter UTF-16 dañado/)
  })

  it('rechaza, diciendo cómo guardar en UTF-8, lo que no se puede leer exacto', () => {
    const refusal = (bytes: Buffer): string => {
      try {
        decodeTextFile(bytes, 'padron.csv')
      } catch (error) {
        expect(error).toBeInstanceOf(AppError)
        return (error as AppError).message
      }
      throw new Error('debió rechazarse')
    }
    for (const undefinedByte of [0x81, 0x8d, 0x8f, 0x90, 0x9d]) {
      const message = refusal(Buffer.concat([windows1252('nombre\nIbáñez '), Buffer.from([undefinedByte])]))
      expect(message).toMatch(new RegExp(`^«padron\\.csv» no está en UTF-8 ni en Windows-1252: el byte 0x${undefinedByte.toString(16).toUpperCase()} de la línea 2`))
      expect(message).toMatch(HOWTO)
    }
    expect(refusal(Buffer.from('nombre\nAna\u0000Pérez', 'utf8'))).toMatch(/carácter de control \(U\+0000\) en la línea 2/)
    expect(refusal(windows1252('nombre\nAna\u0007'))).toMatch(/carácter de control \(U\+0007\)/)
    // C1 controls in UTF-8 are what a Latin-1 misreading leaves behind.
    expect(refusal(Buffer.from('nombre\nO\u0092Brien', 'utf8'))).toMatch(/U\+0092/)
    expect(refusal(Buffer.from('nombre\nBego\uFFFDa', 'utf8'))).toMatch(/ya trae caracteres dañados/)
    expect(refusal(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), windows1252('nombre\nIbáñez')]))).toMatch(/dice ser UTF-8 pero tiene bytes que no lo son \(línea 2\)/)
    // «CSV (MS-DOS)» (code page 850): ñ is 0xA4, which Windows-1252 would show as «¤».
    expect(refusal(Buffer.from([...Buffer.from('nombre\nBego'), 0xa4, 0x61]))).toMatch(/parece guardado en otra codificación .* se leería «Bego¤a»/)
    expect(refusal(Buffer.from('PK\u0003\u0004resto', 'latin1'))).toMatch(/libro de Excel/)
    expect(refusal(Buffer.alloc(0))).toBe('«padron.csv» está vacío.')
    for (const message of [refusal(Buffer.from([0x81])), refusal(Buffer.from('a\u0001', 'utf8'))]) expect(message).toMatch(HOWTO)
  })
})

describe('importar integrantes desde los bytes del archivo', () => {
  it('un CSV de Excel en Windows-1252 guarda los nombres exactos y el informe dice cómo se leyó', async () => {
    const { store, dataFile, call } = await demoBridge({ sessions: 2, seed: 7 })
    const csv = `nombre,cargo,institucion,sector\r\nBegoña Ibáñez Muñoz,Coordinadora “Datos” – Jalisco,Colectivo Ñandú,sociedad civil\r\nÚrsula Güemes Ordóñez,¿Enlace? ¡Sí!,Academia Jalisciense €,academia\r\n`
    const report = await call('importMembersCsv', { ...file(windows1252(csv)), apply: true })
    expect(report).toMatchObject({ valid: true, toAdd: 2, imported: 2, source: { fileName: 'integrantes.csv', encoding: 'windows-1252', delimiter: ',' } })
    expect(report.source.note).toBe('Se leyó como Windows-1252 (Excel). Separador: coma.')
    expect(report.rows.map((row) => [row.line, row.name, row.status])).toEqual([
      [2, 'Begoña Ibáñez Muñoz', 'correcta'],
      [3, 'Úrsula Güemes Ordóñez', 'correcta'],
    ])
    const added = store.data.members.slice(-2).map((member) => [member.fullName, member.position, member.institution])
    expect(added).toEqual([
      ['Begoña Ibáñez Muñoz', 'Coordinadora “Datos” – Jalisco', 'Colectivo Ñandú'],
      ['Úrsula Güemes Ordóñez', '¿Enlace? ¡Sí!', 'Academia Jalisciense €'],
    ])
    const saved = (await bytesOf(dataFile)).toString('utf8')
    expect(saved).toContain('Begoña Ibáñez Muñoz')
    expect(saved).not.toMatch(/\uFFFD|\\ufffd/i)
  })

  it('acepta UTF-8 con y sin BOM, punto y coma (Excel en es-MX) y «Texto Unicode»', async () => {
    const { store, call } = await demoBridge({ sessions: 2, seed: 7 })
    const cases = [
      { bytes: withBom('nombre,institucion,sector\nAna Uno Peña,ITEI,órgano garante\n'), note: 'Se leyó como UTF-8 con BOM. Separador: coma.' },
      { bytes: Buffer.from('nombre,institucion,sector\nBeto Dos Peña,ITEI,órgano garante\n', 'utf8'), note: 'Se leyó como UTF-8. Separador: coma.' },
      { bytes: windows1252('nombre;institución;sector\r\nCarla Tres Peña;"ITEI; Ponencia 2";órgano garante\r\n'), note: 'Se leyó como Windows-1252 (Excel). Separador: punto y coma.' },
      { bytes: utf16le('nombre\tinstitucion\tsector\r\nDaniel Cuatro Peña\tITEI\tórgano garante\r\n'), note: 'Se leyó como UTF-16 (Texto Unicode de Excel). Separador: tabulador.' },
    ]
    for (const { bytes, note } of cases) {
      const report = await call('importMembersCsv', { ...file(bytes), apply: true })
      expect(report.source.note).toBe(note)
      expect(report.imported, note).toBe(1)
    }
    expect(store.data.members.slice(-4).map((member) => [member.fullName, member.institution])).toEqual([
      ['Ana Uno Peña', 'ITEI'],
      ['Beto Dos Peña', 'ITEI'],
      ['Carla Tres Peña', 'ITEI; Ponencia 2'],
      ['Daniel Cuatro Peña', 'ITEI'],
    ])
  })

  it('un archivo con bytes que Windows-1252 no define se rechaza con el cómo y no escribe nada', async () => {
    const { store, refused } = await demoBridge({ sessions: 2, seed: 7 })
    const before = store.data.members.length
    const bytes = Buffer.concat([windows1252('nombre,institucion,sector\nIbáñez Muñoz,ITEI,'), Buffer.from([0x8d]), Buffer.from('rgano garante\n')])
    const message = await refused('importMembersCsv', { ...file(bytes, 'padrón.csv'), apply: true })
    expect(message).toMatch(/^«padrón\.csv» no está en UTF-8 ni en Windows-1252: el byte 0x8D de la línea 2/)
    expect(message).toMatch(HOWTO)
    expect(store.data.members.length).toBe(before)
    expect(await refused('importMembersCsv', { fileName: 'x.csv', contentBase64: 'no es base64!', apply: true })).toMatch(/Contenido de archivo no válido/)
    expect(await refused('importMembersCsv', { csv: 'nombre,institucion,sector\n', apply: true })).toMatch(/Datos no válidos/)
  })

  it('ningún archivo, sean cuales sean sus bytes, deja un carácter de reemplazo (U+FFFD) en los datos', async () => {
    const { dataFile, context } = await demoBridge({ sessions: 1, seed: 7 })
    const { dispatch } = await import('../../main/core/ipc/dispatch')
    const header = Buffer.from('nombre,institucion,sector\n')
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 24 }), fc.constantFrom('utf8', 'raw'), async (name, how) => {
        const cell = how === 'utf8' ? Buffer.from(Buffer.from(name).toString('latin1'), 'utf8') : Buffer.from(name)
        const bytes = Buffer.concat([header, Buffer.from('Persona '), cell.filter((byte) => byte !== 0x2c && byte !== 0x0a && byte !== 0x0d && byte !== 0x22), Buffer.from(',ITEI,academia\n')])
        const result = await dispatch('importMembersCsv', { ...file(bytes), apply: true }, context)
        if (!result.ok) expect(result.error.code).toBe('VALIDACION')
        const saved = await bytesOf(dataFile)
        expect(saved.includes(Buffer.from([0xef, 0xbf, 0xbd]))).toBe(false)
        expect(saved.toString('utf8')).not.toMatch(/\\ufffd/i)
      }),
      { numRuns: 60, seed: 11 },
    )
  }, 60_000)

  it('informa todos los problemas de una fila a la vez', async () => {
    const { call } = await demoBridge({ sessions: 2, seed: 7 })
    const csv = [
      'nombre,cargo,institucion,sector,municipio,caracter,suple_a,participacion,correo,telefono,rfc,curp',
      'Rosa Múltiple Falla,Directora,,iglesia,Ameca,jefa,Nadie,opinión,no-es-correo,,NO-RFC,NO-CURP,sobra',
      'Bien Hecha Persona,Directora,Colectivo,academia,,,,,,,,',
    ].join('\n')
    const report = await call('importMembersCsv', { ...file(Buffer.from(csv)), apply: true })
    expect(report).toMatchObject({ valid: false, imported: 0 })
    const [bad, good] = report.rows
    expect(bad?.status).toBe('error')
    expect(bad?.errors).toEqual([
      'tiene más columnas que el encabezado (13 en lugar de 12)',
      'sector «iglesia» no reconocido (use: gobierno estatal, sociedad civil, órgano garante, academia, municipio u otro)',
      expect.stringMatching(/^municipio «Ameca» no reconocido/),
      'carácter «jefa» no reconocido (use titular o suplente)',
      'participación «opinión» no reconocida (use «voz y voto» o «voz»)',
      'sólo un suplente indica a quién suple',
      'institución: La institución es obligatoria',
      'correo: Correo electrónico no válido',
      expect.stringMatching(/^RFC: RFC no válido/),
      expect.stringMatching(/^CURP: CURP no válida/),
    ])
    expect(good).toMatchObject({ line: 3, status: 'correcta', errors: [] })
  })

  it('quien ya está en el padrón (sin acentos, mayúsculas, espacios ni títulos) se advierte y se omite; con «agregar», se agrega', async () => {
    const { store, dataFile, call } = await demoBridge({ sessions: 2, seed: 7 })
    const registered = store.data.members.find((member) => /[áéíóúñ]/i.test(member.fullName) && member.role === 'titular')
    if (!registered) throw new Error('demo')
    const bare = registered.fullName.normalize('NFD').replace(/\p{M}/gu, '').replace(/^(Mtra?|Lic|Dra?|Ing)\.\s*/, '')
    const mangled = `  ${bare.toUpperCase().replace(/ /g, '   ')} `
    const csv = `nombre,institucion,sector\n"${mangled}",Otra Institución,academia\nPersona Nueva Díaz,Colectivo,sociedad civil\n`
    const before = await bytesOf(dataFile)

    const checked = await call('importMembersCsv', { ...file(Buffer.from(csv)), apply: false })
    expect(checked).toMatchObject({ valid: true, existing: 'omitir', toAdd: 1, toSkip: 1, matches: 1, imported: 0 })
    expect(checked.rows[0]).toMatchObject({
      line: 2,
      status: 'omitida',
      errors: [],
      warnings: [`Ya existe una persona integrante con este nombre: ${registered.fullName} (${registered.institution})`],
    })
    expect(checked.rows[1]).toMatchObject({ status: 'correcta', warnings: [] })
    expect(await bytesOf(dataFile)).toEqual(before)

    const count = store.data.members.length
    const applied = await call('importMembersCsv', { ...file(Buffer.from(csv)), apply: true })
    expect(applied).toMatchObject({ imported: 1, toSkip: 1 })
    expect(store.data.members.length).toBe(count + 1)
    expect(store.data.members.some((member) => member.institution === 'Otra Institución')).toBe(false)

    // The same file again: everyone is registered now; nothing to import and nothing written.
    const again = await bytesOf(dataFile)
    const nothing = await call('importMembersCsv', { ...file(Buffer.from(csv)), apply: true })
    expect(nothing).toMatchObject({ valid: true, toAdd: 0, toSkip: 2, imported: 0 })
    expect(await bytesOf(dataFile)).toEqual(again)

    const added = await call('importMembersCsv', { ...file(Buffer.from(`nombre,institucion,sector\n"${mangled}",Otra Institución,academia\n`)), apply: true, existing: 'agregar' })
    expect(added).toMatchObject({ existing: 'agregar', toAdd: 1, toSkip: 0, matches: 1, imported: 1 })
    expect(added.rows[0]?.status).toBe('advertencia')
    expect(store.data.members.length).toBe(count + 2)
  })

  it('una persona repetida en el mismo archivo es un error de la fila posterior, y no se importa nada', async () => {
    const { store, dataFile, call } = await demoBridge({ sessions: 2, seed: 7 })
    const before = await bytesOf(dataFile)
    const csv = 'nombre,institucion,sector\nJosé Ramírez Peña,Colectivo,sociedad civil\nOtra Persona,Colectivo,academia\nJOSE  RAMIREZ PEÑA,Otra,academia\n'
    const report = await call('importMembersCsv', { ...file(Buffer.from(csv)), apply: true })
    expect(report).toMatchObject({ valid: false, imported: 0 })
    expect(report.rows.map((row) => [row.line, row.status, row.errors])).toEqual([
      [2, 'correcta', []],
      [3, 'correcta', []],
      [4, 'error', ['la misma persona ya aparece en la línea 2 del archivo']],
    ])
    expect(await bytesOf(dataFile)).toEqual(before)
    expect(store.data.members.some((member) => member.fullName === 'José Ramírez Peña')).toBe(false)
  })

  it('un suplente del archivo apunta a su titular del archivo o, si éste se omite por estar registrado, al del padrón', async () => {
    const { store, call } = await demoBridge({ sessions: 2, seed: 7 })
    const titular = store.data.members.find((member) => member.role === 'titular' && member.active)
    if (!titular) throw new Error('demo')
    const csv = [
      'nombre,institucion,sector,caracter,suple_a',
      `"${titular.fullName}","${titular.institution}",academia,titular,`,
      `Suplente Uno Pérez,Colectivo,academia,suplente,"${titular.fullName.toUpperCase()}"`,
      'Suplente Dos Pérez,Colectivo,academia,suplente,Titular Nueva López',
      'Titular Nueva López,Colectivo,academia,titular,',
    ].join('\n')
    const report = await call('importMembersCsv', { ...file(Buffer.from(csv)), apply: true })
    expect(report).toMatchObject({ valid: true, imported: 3, toSkip: 1 })
    const byName = new Map(store.data.members.map((member) => [member.fullName, member]))
    expect(byName.get('Suplente Uno Pérez')?.substituteFor).toBe(titular.id)
    expect(byName.get('Suplente Dos Pérez')?.substituteFor).toBe(byName.get('Titular Nueva López')?.id)
  })

  it('cuenta las líneas del archivo como las ve una hoja de cálculo: renglones vacíos y celdas de varias líneas', () => {
    const csv = 'nombre,institucion,sector\n\nPrimera Persona,ITEI,academia\n"Segunda\nPersona",ITEI,academia\n,,\nTercera Persona,ITEI,club\n'
    expect(parseMemberCsv(csv, []).rows.map((row) => [row.line, row.status])).toEqual([
      [3, 'correcta'],
      [4, 'correcta'],
      [7, 'error'],
    ])
  })

  it('el archivo de integrantes tiene un máximo de filas', () => {
    const rows = (count: number) => `${MEMBER_CSV_HEADER}\n${Array.from({ length: count }, (_, index) => `Persona ${index},,ITEI,academia,,,,,,,,`).join('\n')}\n`
    expect(parseMemberCsv(rows(MEMBER_CSV_MAX_ROWS + 1), []).rows[0]?.errors[0]).toBe(`El archivo tiene más de ${MEMBER_CSV_MAX_ROWS} filas; el máximo es ${MEMBER_CSV_MAX_ROWS}. Divídalo en varios archivos.`)
    expect(parseMemberCsv(rows(MEMBER_CSV_MAX_ROWS), []).valid).toBe(true)
  })
})

describe('importar avance de hitos desde los bytes del archivo', () => {
  it('el CSV de avance tiene un máximo de filas', async () => {
    const { store } = await demoBridge({ sessions: 2, seed: 7 })
    const milestone = store.data.commitments.flatMap((commitment) => commitment.milestones)[0]
    if (!milestone) throw new Error('demo')
    const rows = (count: number) => `hito_id,hito_avance,hito_estado\n${Array.from({ length: count }, () => `${milestone.id},${milestone.progress},${milestone.status}`).join('\n')}\n`
    const over = parseProgressCsv(rows(PROGRESS_CSV_MAX_ROWS + 1), store.data)
    expect(over.valid).toBe(false)
    expect(over.rows).toEqual([{ line: 1, name: '', status: 'error', errors: [`El archivo tiene más de ${PROGRESS_CSV_MAX_ROWS} filas; el máximo es ${PROGRESS_CSV_MAX_ROWS}. Divídalo en varios archivos.`], warnings: [] }])
    // At the limit the file is read: its rows are then reported one by one (here, the repeated milestone).
    const at = parseProgressCsv(rows(PROGRESS_CSV_MAX_ROWS), store.data)
    expect(at.rows).toHaveLength(PROGRESS_CSV_MAX_ROWS)
    expect(at.rows[1]?.errors).toEqual([`el hito «${milestone.id}» aparece más de una vez (también en la línea 2)`])
  })

  it('la evidencia escrita en Windows-1252 llega exacta; todos los problemas de una fila se informan', async () => {
    const { store, dataFile, call, refused } = await demoBridge({ sessions: 2, seed: 7 })
    const milestone = store.data.commitments.flatMap((commitment) => commitment.milestones).find((candidate) => candidate.status === 'en-proceso')
    if (!milestone) throw new Error('demo')
    const evidence = 'Informe “Año 2026” – publicación en línea; costo 0 € ¿y después? ¡Sí!'
    const before = await bytesOf(dataFile)
    const bad = windows1252(`hito_id;hito_avance;hito_estado;hito_evidencia\r\nhit-nadie;150;terminado;x\r\n`)
    const report = await call('importProgressCsv', { ...file(bad, 'avance.csv'), apply: true })
    expect(report).toMatchObject({ valid: false, applied: false, source: { encoding: 'utf-8', delimiter: ';' } })
    expect(report.rows[0]?.errors).toEqual(['el hito «hit-nadie» no existe', 'avance «150» no válido (un entero de 0 a 100)', 'estado «terminado» no válido (use: no-iniciado, en-proceso, completado)'])
    expect(await bytesOf(dataFile)).toEqual(before)

    const good = windows1252(`hito_id;hito_avance;hito_estado;hito_evidencia\r\n${milestone.id};60 %;en proceso;"${evidence}"\r\n`)
    const applied = await call('importProgressCsv', { ...file(good, 'avance.csv'), apply: true })
    expect(applied).toMatchObject({ valid: true, changes: 1, applied: true, source: { encoding: 'windows-1252', note: 'Se leyó como Windows-1252 (Excel). Separador: punto y coma.' } })
    const stored = store.data.commitments.flatMap((commitment) => commitment.milestones).find((candidate) => candidate.id === milestone.id)
    expect(stored).toMatchObject({ progress: 60, status: 'en-proceso', evidence })
    expect((await bytesOf(dataFile)).toString('utf8')).not.toMatch(/\uFFFD|\\ufffd/i)

    const damaged = await refused('importProgressCsv', { ...file(Buffer.concat([Buffer.from(`hito_id,hito_avance,hito_estado\n${milestone.id},60,en proceso `), Buffer.from([0x81])]), 'avance.csv'), apply: true })
    expect(damaged).toMatch(HOWTO)
  })
})

describe('un archivo a medias en UTF-8 no se lee con la codificación equivocada', () => {
  const refusal = (bytes: Buffer): string => {
    try {
      decodeTextFile(bytes, 'padron.csv')
    } catch (error) {
      expect(error).toBeInstanceOf(AppError)
      return (error as AppError).message
    }
    throw new Error('debió rechazarse')
  }

  it('un UTF-8 con un solo byte de Windows-1252 pegado se rechaza, con la línea de ese byte, y no escribe nada', async () => {
    const bytes = Buffer.concat([
      Buffer.from('nombre,institucion,sector\nJosé Pérez Muñoz,Secretaría de Planeación,gobierno estatal\nMaría Núñez,Contraloría,gobierno estatal\nBego', 'utf8'),
      Buffer.from([0xf1]),
      Buffer.from('a Ruiz,Academia,academia\n', 'utf8'),
    ])
    const message = refusal(bytes)
    expect(message).toMatch(/^«padron\.csv» mezcla codificaciones: la línea 2 está en UTF-8 \(«José»\), pero el byte 0xF1 de la línea 4 no es UTF-8/)
    expect(message).toMatch(HOWTO)
    // The same with «“comillas”» as the UTF-8 part, and CR line ends.
    expect(refusal(Buffer.concat([Buffer.from('nombre\r“Ana”\rIb', 'utf8'), Buffer.from([0xe1]), Buffer.from('ñez')]))).toMatch(/la línea 2 está en UTF-8 \(«“Ana”»\), pero el byte 0xE1 de la línea 3/)

    const { store, dataFile, refused } = await demoBridge({ sessions: 1, seed: 7 })
    const before = await bytesOf(dataFile)
    expect(await refused('importMembersCsv', { ...file(bytes), apply: true })).toMatch(/mezcla codificaciones/)
    expect(await bytesOf(dataFile)).toEqual(before)
    expect(store.data.members.some((member) => /Ã/.test(member.fullName))).toBe(false)
  })

  it('las formas largas y los sustitutos codificados en UTF-8 no son texto: se rechazan', () => {
    for (const [sequence, shown] of [
      [[0xc0, 0xaf], '0xC0 0xAF'],
      [[0xe0, 0x80, 0xaf], '0xE0 0x80 0xAF'],
      [[0xed, 0xa0, 0x80], '0xED 0xA0 0x80'],
      [[0xf0, 0x80, 0x80, 0xaf], '0xF0 0x80 0x80 0xAF'],
      [[0xf4, 0x90, 0x80, 0x80], '0xF4 0x90 0x80 0x80'],
    ] as const) {
      const message = refusal(Buffer.concat([Buffer.from('nombre,institucion,sector\nAna '), Buffer.from(sequence), Buffer.from(',X,otro\n')]))
      expect(message).toBe(`«padron.csv» no se puede leer: en la línea 2 tiene bytes con forma de UTF-8 que no son ningún carácter (${shown}). ${message.slice(message.indexOf('Guárdelo'))}`)
      expect(message).toMatch(HOWTO)
    }
  })

  it('un Windows-1252 de verdad sigue leyéndose, aunque una mayúscula acentuada vaya junto a comillas curvas', () => {
    const text = 'nombre,institucion\n“JOSÉ” Ibáñez,Colectivo «ÑANDÚ»\nPeña – Núñez,¿Academia?\n'
    expect(decodeTextFile(windows1252(text), 'a.csv')).toEqual({ text, encoding: 'windows-1252' })
  })
})

describe('los nombres se guardan sin caracteres invisibles', () => {
  const input = (fullName: string, institution = 'ITEI') => ({
    fullName,
    position: 'Comisionada\u200b',
    institution,
    sector: 'academia',
    municipality: null,
    role: 'titular',
    substituteFor: null,
    voting: 'voz-y-voto',
    email: '',
    phone: '33\u2060 1234',
    rfc: '',
    curp: '',
  })

  it('el alta y la edición quitan controles bidireccionales y de ancho cero, y componen los acentos (NFC)', async () => {
    const { store, call } = await demoBridge({ sessions: 1, seed: 7 })
    const created = await call('createMember', input('Ana \u202eGómez\u202c Pe\u0301rez\ufeff', '\u2067ITEI\u2069'))
    expect(created).toMatchObject({ fullName: 'Ana Gómez Pérez', institution: 'ITEI', position: 'Comisionada', phone: '33 1234' })
    expect(created.fullName).toBe('Ana Gómez Pérez'.normalize('NFC'))
    const updated = await call('updateMember', { id: created.id, member: input('Ana Gó\u200bmez\u200d Pérez\u061c') })
    expect(updated.fullName).toBe('Ana Gómez Pérez')
    expect(store.data.members.find((member) => member.id === created.id)?.fullName).toBe('Ana Gómez Pérez')
    // Only invisible characters is no name at all.
    const { refused } = await demoBridge({ sessions: 1, seed: 7 })
    expect(await refused('createMember', input('\u200b\u202e\u2060'))).toMatch(/El nombre es obligatorio/)
  })

  it('en el CSV, «Ana Gó\u200Bmez Pérez» es la «Ana Gómez Pérez» del padrón: se omite, y el nombre llega limpio', async () => {
    const { store, call } = await demoBridge({ sessions: 1, seed: 7 })
    await call('createMember', input('Ana Gómez Pérez'))
    const count = store.data.members.length
    const csv = 'nombre,institucion,sector\nAna Gó\u200bmez Pérez,ITEI,academia\nLuis \u202eRamos\u202c Peña,Colectivo\u2066 Ñandú\u2069,sociedad civil\n'
    const report = await call('importMembersCsv', { ...file(Buffer.from(csv)), apply: true })
    expect(report).toMatchObject({ valid: true, matches: 1, toSkip: 1, imported: 1 })
    expect(report.rows.map((row) => [row.name, row.status])).toEqual([
      ['Ana Gómez Pérez', 'omitida'],
      ['Luis Ramos Peña', 'correcta'],
    ])
    expect(store.data.members.length).toBe(count + 1)
    expect(store.data.members.at(-1)).toMatchObject({ fullName: 'Luis Ramos Peña', institution: 'Colectivo Ñandú' })
    // The same person twice in a file, once with a zero-width space and decomposed accents.
    const twice = parseMemberCsv('nombre,institucion,sector\nEva Núñez,ITEI,academia\nEva Nu\u0301\u200bñez,ITEI,academia\n', [])
    expect(twice.rows[1]?.errors).toEqual(['la misma persona ya aparece en la línea 2 del archivo'])
  })

  it('un nombre ya guardado con esos caracteres sigue siendo válido en el archivo de datos, y se reconoce al importar', async () => {
    const { memberSchema } = await import('../../main/core/model/schema')
    const { store } = await demoBridge({ sessions: 1, seed: 7 })
    const stored = { ...store.data.members[0], fullName: 'Rosa Gó\u200bmez Ávila' }
    expect(memberSchema.safeParse(stored).success).toBe(true)
    const checked = parseMemberCsv('nombre,institucion,sector\nRosa Gómez Ávila,ITEI,academia\n', [memberSchema.parse(stored)])
    expect(checked.rows[0]).toMatchObject({ status: 'omitida' })
  })
})

describe('lo que la exportación hizo inerte vuelve como era', () => {
  it('exportar e importar sin editar no cambia una evidencia que empieza con «-», «=», «+» o «@»', async () => {
    const { store, dataFile, call } = await demoBridge({ sessions: 2, seed: 7 })
    const milestones = store.data.commitments.flatMap((commitment) => commitment.milestones).slice(0, 4)
    expect(milestones).toHaveLength(4)
    const evidences = ['-Oficio SE/123/2025 entregado', '=resumen del informe', '+3 municipios más', '@itei en redes']
    const edited = milestones.map((milestone, index) => `${milestone.id},${milestone.progress},${milestone.status},"${evidences[index]}"`).join('\n')
    const applied = await call('importProgressCsv', { ...file(Buffer.from(`hito_id,hito_avance,hito_estado,hito_evidencia\n${edited}\n`)), apply: true })
    expect(applied).toMatchObject({ valid: true, applied: true, changes: 4 })

    const exported = await call('exportOpenData', { what: 'compromisos', format: 'csv' })
    expect(exported.content).toContain("'-Oficio SE/123/2025 entregado")
    const before = await bytesOf(dataFile)
    const again = await call('importProgressCsv', { ...file(Buffer.from(exported.content, 'utf8'), 'compromisos.csv'), apply: true })
    expect(again).toMatchObject({ valid: true, changes: 0, applied: false })
    expect(await bytesOf(dataFile)).toEqual(before)
  })

  it('sólo se quita un apóstrofo, y sólo ante los caracteres que la exportación neutraliza', async () => {
    const { restoreNeutralizedCell } = await import('../../main/core/domain/text-decoding')
    const { FORMULA_START_CHARACTERS, neutralizeCell } = await import('../../main/core/domain/csv-out')
    for (const start of FORMULA_START_CHARACTERS) {
      const cell = `${start}texto`
      expect(restoreNeutralizedCell(String(neutralizeCell(cell)))).toBe(cell)
    }
    expect(restoreNeutralizedCell("''-doble")).toBe("''-doble")
    expect(restoreNeutralizedCell("'hola")).toBe("'hola")
    expect(restoreNeutralizedCell("O'Brien")).toBe("O'Brien")
  })
})

describe('las líneas del informe son las del archivo', () => {
  it('con fines de línea CR (Macintosh antiguo), cada fila lleva su línea', async () => {
    const csv = 'nombre,institucion,sector\rAna Gómez,ITEI,academia\r\rLuis Pérez,ITEI,academia\r"Eva\rNúñez",ITEI,club\rBeto Ruiz,ITEI,nada\r'
    expect(parseMemberCsv(csv, []).rows.map((row) => [row.line, row.status])).toEqual([
      [2, 'correcta'],
      [4, 'correcta'],
      [5, 'error'],
      [7, 'error'],
    ])
    const { store } = await demoBridge({ sessions: 1, seed: 7 })
    const milestone = store.data.commitments.flatMap((commitment) => commitment.milestones)[0]
    if (!milestone) throw new Error('demo')
    const progress = parseProgressCsv(`hito_id,hito_avance,hito_estado\r\r${milestone.id},10,en proceso\rhit-nadie,10,en proceso\r`, store.data)
    expect(progress.rows.map((row) => [row.line, row.errors])).toEqual([
      [3, []],
      [4, ['el hito «hit-nadie» no existe']],
    ])
  })

  it('un encabezado repetido a media tabla se nombra como tal, sin más errores', () => {
    const report = parseMemberCsv('nombre,institucion,sector\nAna Gómez,ITEI,academia\nNombre,Institución,Sector\nLuis Pérez,ITEI,academia\n', [])
    expect(report.valid).toBe(false)
    expect(report.rows[1]).toEqual({ line: 3, name: '', status: 'error', errors: ['la fila repite los encabezados del archivo (¿se juntaron dos archivos?): quítela'], warnings: [] })
    expect(report.rows[2]).toMatchObject({ line: 4, status: 'correcta' })
    const { rows } = parseProgressCsv('hito_id,hito_avance,hito_estado\nhito_id,hito_avance,hito_estado\n', { commitments: [] } as never)
    expect(rows[0]?.errors).toEqual(['la fila repite los encabezados del archivo (¿se juntaron dos archivos?): quítela'])
  })

  it('unas comillas sin cerrar se informan con su línea, una sola vez, y el nombre no repite el resto del archivo', () => {
    const rest = Array.from({ length: 50 }, (_, index) => `Persona ${index} Díaz,ITEI,academia`).join('\n')
    const report = parseMemberCsv(`nombre,institucion,sector\nAna Gómez,ITEI,academia\n\nLuis Pérez,"ITEI\n${rest}\n`, [])
    expect(report.rows).toHaveLength(2)
    expect(report.rows[1]).toEqual({
      line: 4,
      name: 'Luis Pérez',
      status: 'error',
      errors: ['hay comillas sin cerrar desde la línea 4: todo lo que sigue en el archivo quedó dentro de una sola celda (cierre esas comillas o quítelas)'],
      warnings: [],
    })
    // Opened on a later line of a row whose first cell spans two lines.
    const later = parseMemberCsv('nombre,institucion,sector\n"Eva\nNúñez",ITEI,"academia\nBeto,ITEI,academia\n', [])
    expect(later.rows[0]?.errors[0]).toMatch(/^hay comillas sin cerrar desde la línea 3:/)
    expect(later.rows[0]?.name).toBe('Eva…')
  })

  it('lo que una fila nombra se recorta a 200 caracteres en el informe', () => {
    const long = `${'Ñ'.repeat(250)}`
    const report = parseMemberCsv(`nombre,institucion,sector\n${long},ITEI,${'x'.repeat(500)}\n`, [])
    expect(report.rows[0]?.name).toBe(`${'Ñ'.repeat(200)}…`)
    expect(report.rows[0]?.errors).toContain(`sector «${'x'.repeat(80)}…» no reconocido (use: gobierno estatal, sociedad civil, órgano garante, academia, municipio u otro)`)
    expect(report.rows[0]?.errors).toContain('nombre: Máximo 160 caracteres')
  })
})
