/**
 * Around the session: the members' confirmations before it, the projector
 * that follows the live minutes in the room, and the notice's e-mail drafts.
 */
import { mkdir } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { AppError } from '../../errors'
import { missingCharacters } from '../../documents/common'
import { renderConvocatoria } from '../../documents/convocatoria'
import { invitationOf } from '../../documents/icalendar'
import { checkNoticeMail, composeNoticeMails, writeMailDrafts } from '../../documents/notice-mail'
import { checkConfirmable, checkConfirmation, withConfirmation } from '../../domain/confirmations'
import { mexicoDate, mexicoTime } from '../../domain/dates'
import { checkLiveItem, liveItem } from '../../domain/projection'
import { sessionKey, sessionTitle } from '../../domain/session-title'
import { buildProjectorView } from '../projector-view'
import { changeSession, sessionIn } from './session-access'
import type { HandlerSet } from './types'

/** The drafts go beside the data file, one new folder each time: `correos/STL-SO03-2026 20261126-0900`. */
export const MAIL_DRAFTS_FOLDER = 'correos'

const ANSWER_WORDS = { confirmo: 'confirmó su asistencia', declino: 'declinó', 'sin-respuesta': 'sin respuesta' } as const

export const roomHandlers: HandlerSet<'setConfirmation' | 'setLiveItem' | 'projectorView' | 'openProjector' | 'prepareMailDrafts'> = {
  setConfirmation: ({ sessionId, memberId, answer, substituteId }, { store }) =>
    changeSession(store, sessionId, 'datos', (session, draft, tools) => {
      checkConfirmable(session)
      const member = checkConfirmation(draft.members, memberId, answer, substituteId)
      session.confirmations = withConfirmation(session.confirmations, memberId, answer, substituteId, tools.nowIso)
      const substitute = substituteId ? draft.members.find((candidate) => candidate.id === substituteId) : undefined
      tools.audit({
        entity: 'sesion',
        entityId: sessionId,
        action: 'editar',
        summary: `Confirmación para la ${sessionTitle(session)}: ${member.fullName}, ${ANSWER_WORDS[answer]}${substitute ? ` (asiste su suplente ${substitute.fullName})` : ''}`,
      })
    }),

  setLiveItem: async ({ sessionId, itemId, running, elapsedSeconds }, { store }) => {
    await store.update((draft, tools) => {
      const session = sessionIn(draft, sessionId)
      checkLiveItem(session, itemId)
      session.live = liveItem(itemId, running, elapsedSeconds, tools.nowIso)
    })
    return null
  },

  projectorView: ({ sessionId }, { store, now }) => buildProjectorView(store.data, sessionId, now()),

  openProjector: async ({ sessionId }, { store, openProjector }) => {
    // Refuse here what the window would only show as an error.
    const session = sessionIn(store.data, sessionId)
    if (session.status !== 'en-curso') throw new AppError('REGLA', `La ${sessionTitle(session)} no está en curso: la proyección sigue la minuta en vivo.`)
    if (!openProjector) throw new AppError('REGLA', 'La ventana de proyección sólo está disponible en la aplicación de escritorio.')
    await openProjector(sessionId)
    return null
  },

  prepareMailDrafts: async ({ sessionId, mode }, { store, now, openPath, fontsDir }) => {
    await store.assertCanWrite()
    const data = store.data
    const at = now()
    const session = sessionIn(data, sessionId)
    checkNoticeMail(session)
    const missing = missingCharacters()
    const convocatoria = await renderConvocatoria(data, session.id, { now: at, fontsDir, onMissingCharacter: missing.onMissingCharacter })
    const mails = await composeNoticeMails({ data, session, mode, convocatoria, invitation: invitationOf(data, session, at), now: at })
    const stamp = `${mexicoDate(at).replaceAll('-', '')}-${mexicoTime(at).replace(':', '')}`
    const base = join(store.dataFolder, MAIL_DRAFTS_FOLDER, `${sessionKey(data.settings.keyPrefix, session)} ${stamp}`)
    const folder = await reserveFolder(base)
    const files = await writeMailDrafts(folder, mails.drafts, store.dataFile)
    await openPath(folder)
    return {
      folder,
      files: files.map((path) => path.slice(folder.length + 1)),
      recipients: mails.drafts.reduce((sum, draft) => sum + draft.recipients.length, 0),
      withoutAddress: mails.withoutAddress.map((member) => member.fullName),
      warnings: [...mails.warnings, ...(missing.warning() ? [missing.warning() ?? ''] : [])],
    }
  },
}

/**
 * Creates and returns a new, empty folder: `base`, or `base (2)`, `base (3)`…
 * when that name is taken (two preparations in the same minute). Each name is
 * claimed by creating it, so two preparations at once never share a folder.
 */
async function reserveFolder(base: string): Promise<string> {
  try {
    await mkdir(dirname(base), { recursive: true })
  } catch (error) {
    throw new AppError('ESCRITURA', `No se pudo crear la carpeta ${dirname(base)}.`, { cause: error })
  }
  for (let n = 1; n < 100; n++) {
    const candidate = n === 1 ? base : `${base} (${n})`
    try {
      await mkdir(candidate)
      return candidate
    } catch (error) {
      if (!(typeof error === 'object' && error !== null && 'code' in error && error.code === 'EEXIST')) {
        throw new AppError('ESCRITURA', `No se pudo crear la carpeta ${candidate}.`, { cause: error })
      }
    }
  }
  throw new AppError('ESCRITURA', 'Hay demasiadas carpetas de correos de esta sesión en este minuto: espere un momento.')
}
