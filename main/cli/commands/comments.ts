/**
 * `comments import FILE COMMENTS`: a member's comments file into the data
 * file, through the store (locked, durable save). A file already imported
 * adds nothing and leaves the data file untouched.
 */
import { readFile, stat } from 'node:fs/promises'
import { AppError } from '../../core/errors'
import { importComments } from '../../core/packets/comments-import'
import { MAX_COMMENTS_FILE_BYTES, sizeLabel } from '../../core/packets/limits'
import { COMMAND_LINE_PROGRAM, COMMAND_LINE_WAIT_MS, isCode } from '../../core/store/lock'
import { Store } from '../../core/store/store'

export async function runCommentsImport(dataFile: string, commentsFile: string): Promise<number> {
  // Store.open would create an empty data file; importing needs the real one.
  if (!(await stat(dataFile).then((info) => info.isFile(), () => false))) throw new AppError('NO_ENCONTRADO', `No existe el archivo de datos ${dataFile}.`)
  const bytes = await readComments(commentsFile)
  const store = await Store.open({ dataFile, program: { program: COMMAND_LINE_PROGRAM, command: 'comments import' }, waitForLockMs: COMMAND_LINE_WAIT_MS })
  try {
    if (store.state.kind !== 'ready') throw new AppError('SIN_DATOS', `El archivo de datos no se puede usar: ${store.state.problem}`)
    const report = await importComments(store, bytes)
    const comments = (n: number): string => (n === 1 ? '1 comentario' : `${n} comentarios`)
    if (report.added === 0) {
      const which = report.duplicates === 1 ? 'el comentario de' : `los ${comments(report.duplicates)} de`
      const were = report.duplicates === 1 ? 'ya estaba registrado' : 'ya estaban registrados'
      console.log(`Ningún comentario nuevo: ${which} «${report.author}» ${were} en la ${report.sessionTitle}. El archivo de datos no cambió.`)
    } else {
      const already = report.duplicates > 0 ? ` (${comments(report.duplicates)} ya estaba${report.duplicates === 1 ? '' : 'n'} registrado${report.duplicates === 1 ? '' : 's'})` : ''
      console.log(`Se agregaron ${comments(report.added)} de «${report.author}» a la ${report.sessionTitle} (${report.sessionKey})${already}.`)
    }
    for (const comment of report.comments) {
      const where = comment.itemNumber ? `Punto ${comment.itemNumber}. ${comment.itemTitle ?? ''}` : 'Comentario general'
      console.log(`  ${comment.status === 'agregado' ? 'agregado     ' : 'ya registrado'}  ${where}`)
    }
    return 0
  } finally {
    await store.close()
  }
}

async function readComments(file: string): Promise<Buffer> {
  try {
    const info = await stat(file)
    if (info.size > MAX_COMMENTS_FILE_BYTES) throw new AppError('VALIDACION', `${file} mide ${sizeLabel(info.size)}; un archivo de comentarios admite como máximo ${sizeLabel(MAX_COMMENTS_FILE_BYTES)}.`)
    return await readFile(file)
  } catch (error) {
    if (error instanceof AppError) throw error
    if (isCode(error, 'ENOENT')) throw new AppError('NO_ENCONTRADO', `No existe el archivo de comentarios ${file}.`)
    throw new AppError('LECTURA', `No se pudo leer el archivo de comentarios ${file}.`, { cause: error })
  }
}
