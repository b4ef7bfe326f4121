/** Documents in the app: generation as a job with progress, download, and opening in the system viewer. */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { AppError } from '../../errors'
import { planForReport, renderActa, renderConvocatoria, renderReporte, sessionForActa, sessionForConvocatoria } from '../../documents'
import { missingCharacters } from '../../documents/common'
import { invitationOf } from '../../documents/icalendar'
import { sessionForAttendanceSheet, sessionForInvitation } from '../../documents/select-session'
import { renderAttendanceSheet } from '../../documents/attendance-sheet'
import { mexicoDate } from '../../domain/dates'
import { sessionKey } from '../../domain/session-title'
import type { FileDownload } from '../../contract/views'
import type { HandlerSet } from './types'

const NAMES = { acta: 'acta', convocatoria: 'convocatoria', 'lista-asistencia': 'lista-de-asistencia', reporte: 'reporte-de-avance' } as const

export const documentHandlers: HandlerSet<'startDocument' | 'getJob' | 'openJobInViewer' | 'exportInvitation'> = {
  exportInvitation: ({ sessionId }, { store, now }) => {
    const at = now()
    const session = sessionForInvitation(store.data, sessionId, mexicoDate(at))
    const invitation = invitationOf(store.data, session, at)
    return { fileName: invitation.fileName, mimeType: invitation.mimeType, content: invitation.text }
  },

  startDocument: ({ kind, sessionId }, { store, jobs, now, fontsDir }) => {
    const data = store.data
    // Refuse at once what cannot be produced, so the user is told before any job starts.
    const at = now()
    const today = mexicoDate(at)
    const session =
      kind === 'acta'
        ? sessionForActa(data, sessionId ?? '')
        : kind === 'convocatoria'
          ? sessionForConvocatoria(data, sessionId ?? '', today)
          : kind === 'lista-asistencia'
            ? sessionForAttendanceSheet(data, sessionId ?? '', today)
            : null
    if (kind === 'reporte') planForReport(data, mexicoDate(at))
    const jobId = jobs.start(kind, async (report, warn): Promise<FileDownload> => {
      const missing = missingCharacters()
      const options = { fontsDir, now: at, onProgress: report, onMissingCharacter: missing.onMissingCharacter }
      // A signed acta is the signed file itself: regenerating it would hand out an unsigned copy.
      const signed = kind === 'acta' && session?.signedActa ? await readFile(join(store.dataFolder, session.signedActa.storedPath)) : null
      const render = (): Promise<Buffer> => {
        if (kind === 'acta') return renderActa(data, session?.id ?? '', options)
        if (kind === 'convocatoria') return renderConvocatoria(data, session?.id ?? '', options)
        if (kind === 'lista-asistencia') return renderAttendanceSheet(data, session?.id ?? '', options)
        return renderReporte(data, at, options)
      }
      const pdf = signed ?? (await render())
      const warning = missing.warning()
      if (warning) warn(warning)
      const suffix = session ? sessionKey(data.settings.keyPrefix, session) : mexicoDate(at)
      return { fileName: `${signed ? 'acta-firmada' : NAMES[kind]}-${suffix}.pdf`, mimeType: 'application/pdf', contentBase64: pdf.toString('base64') }
    })
    return { jobId }
  },

  getJob: ({ jobId }, { jobs }) => {
    const view = jobs.view(jobId)
    if (!view) throw new AppError('NO_ENCONTRADO', 'El documento ya no está disponible: genérelo de nuevo.')
    return view
  },

  openJobInViewer: async ({ jobId }, { jobs, tempDir, openPath }) => {
    const file = jobs.get(jobId)?.file
    if (!file) throw new AppError('NO_ENCONTRADO', 'El documento aún no está listo o ya no está disponible.')
    await mkdir(tempDir, { recursive: true })
    // The job's own file name is built by the core from the session key: no path from the renderer is used.
    const path = join(tempDir, file.fileName)
    await writeFile(path, Buffer.from(file.contentBase64, 'base64'), { mode: 0o600 })
    await openPath(path)
    return null
  },
}
