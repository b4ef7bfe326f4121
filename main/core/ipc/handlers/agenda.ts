/** The agenda builder: items, sub-items, order, templates and attachments. */
import { AppError } from '../../errors'
import type { Session } from '../../model/schema'
import { blankItem, checkAgendaRoom, indentItem, moveItem, removeItem, reorderAgenda, STANDARD_AGENDA } from '../../domain/agenda'
import { previousSession } from '../views'
import { changeSession, itemIn } from './session-access'
import { copyAgenda } from './sessions'
import { storeAttachment } from './attachments'
import type { HandlerSet } from './types'

export const agendaHandlers: HandlerSet<
  'addAgendaItem' | 'updateAgendaItem' | 'removeAgendaItem' | 'moveAgendaItem' | 'reorderAgenda' | 'replaceAgenda' | 'addAttachment' | 'removeAttachment'
> = {
  addAgendaItem: ({ sessionId, parentId, ...fields }, { store }) =>
    changeSession(store, sessionId, 'orden', (session, _draft, tools) => {
      checkAgendaRoom(session.agenda)
      const item = blankItem(tools.newId('pto'), fields, parentId)
      if (parentId === null) {
        session.agenda.push(item)
      } else {
        const parent = itemIn(session, parentId)
        if (parent.parentId !== null) throw new AppError('REGLA', 'El orden del día admite un solo nivel de subpuntos.')
        // After the parent's last sub-item.
        let at = session.agenda.findIndex((candidate) => candidate.id === parentId) + 1
        while (session.agenda[at]?.parentId === parentId) at++
        session.agenda.splice(at, 0, item)
      }
      tools.audit({ entity: 'sesion', entityId: sessionId, action: 'editar', summary: `Punto agregado al orden del día: ${fields.title}` })
    }),

  updateAgendaItem: ({ sessionId, itemId, ...fields }, { store }) =>
    changeSession(store, sessionId, 'orden', (session, _draft, tools) => {
      Object.assign(itemIn(session, itemId), fields)
      tools.audit({ entity: 'sesion', entityId: sessionId, action: 'editar', summary: `Punto del orden del día actualizado: ${fields.title}` })
    }),

  removeAgendaItem: ({ sessionId, itemId }, { store }) =>
    changeSession(store, sessionId, 'orden', (session, draft, tools) => {
      const item = itemIn(session, itemId)
      const removed = new Set([itemId, ...session.agenda.filter((other) => other.parentId === itemId).map((other) => other.id)])
      if (draft.agreements.some((agreement) => agreement.sessionId === sessionId && removed.has(agreement.itemId))) {
        throw new AppError('REGLA', 'El punto tiene acuerdos registrados: no se puede quitar del orden del día.')
      }
      session.agenda = removeItem(session.agenda, itemId)
      // The projector stops showing an item that is gone.
      if (session.live && removed.has(session.live.itemId)) session.live = null
      tools.audit({ entity: 'sesion', entityId: sessionId, action: 'editar', summary: `Punto retirado del orden del día: ${item.title}` })
    }),

  moveAgendaItem: ({ sessionId, itemId, direction }, { store }) =>
    changeSession(store, sessionId, 'orden', (session, _draft, tools) => {
      const agenda = session.agenda as Session['agenda']
      session.agenda = direction === 'up' || direction === 'down' ? moveItem(agenda, itemId, direction) : indentItem(agenda, itemId, direction)
      tools.audit({ entity: 'sesion', entityId: sessionId, action: 'editar', summary: 'Orden del día reordenado' })
    }),

  reorderAgenda: ({ sessionId, order }, { store }) =>
    changeSession(store, sessionId, 'orden', (session, _draft, tools) => {
      session.agenda = reorderAgenda(session.agenda, order)
      tools.audit({ entity: 'sesion', entityId: sessionId, action: 'editar', summary: 'Orden del día reordenado' })
    }),

  replaceAgenda: ({ sessionId, source }, { store }) =>
    changeSession(store, sessionId, 'orden', (session, draft, tools) => {
      if (session.agenda.some((item) => item.notes.trim() || item.attachments.length > 0) || draft.agreements.some((agreement) => agreement.sessionId === sessionId)) {
        throw new AppError('REGLA', 'El orden del día ya tiene notas, adjuntos o acuerdos: no se puede reemplazar.')
      }
      if (source === 'estandar') {
        session.agenda = STANDARD_AGENDA.map((item) => blankItem(tools.newId('pto'), item))
      } else {
        const previous = previousSession(draft.sessions, session)
        if (!previous) throw new AppError('REGLA', 'No hay una sesión anterior de la cual copiar el orden del día.')
        session.agenda = copyAgenda(previous.agenda, tools.newId)
      }
      tools.audit({ entity: 'sesion', entityId: sessionId, action: 'editar', summary: source === 'estandar' ? 'Orden del día con la plantilla estándar' : 'Orden del día copiado de la sesión anterior' })
    }),

  addAttachment: async ({ sessionId, itemId, fileName, contentBase64 }, { store }) => {
    const file = await storeAttachment(store, fileName, contentBase64)
    return changeSession(store, sessionId, 'orden', (session, _draft, tools) => {
      const item = itemIn(session, itemId)
      item.attachments.push({ id: tools.newId('adj'), ...file, addedAt: tools.nowIso })
      tools.audit({ entity: 'sesion', entityId: sessionId, action: 'editar', summary: `Adjunto «${file.fileName}» agregado al punto «${item.title}»` })
    })
  },

  removeAttachment: ({ sessionId, itemId, attachmentId }, { store }) =>
    changeSession(store, sessionId, 'orden', (session, _draft, tools) => {
      const item = itemIn(session, itemId)
      const attachment = item.attachments.find((candidate) => candidate.id === attachmentId)
      if (!attachment) throw new AppError('NO_ENCONTRADO', 'El adjunto no existe.')
      // The file stays in the data folder: other items or past packets may refer to the same content.
      item.attachments = item.attachments.filter((candidate) => candidate.id !== attachmentId)
      tools.audit({ entity: 'sesion', entityId: sessionId, action: 'editar', summary: `Adjunto «${attachment.fileName}» quitado del punto «${item.title}»` })
    }),
}
