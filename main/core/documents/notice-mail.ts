/**
 * The notice by e-mail, as drafts: ready-to-send `.eml` messages (RFC 5322,
 * MIME) that the secretary opens in Outlook or Thunderbird, reviews and sends.
 * Nothing is sent from here. Each draft carries `X-Unsent: 1` (so the mail
 * program opens it as a message to send, not one received), the convocatoria
 * PDF and the calendar invitation (.ics). One draft per member with an address,
 * or one with everyone in Bcc. Built with nodemailer's MIME composer: headers
 * are encoded (names with accents, quotes or line breaks cannot add headers),
 * bodies quoted-printable or base64.
 */
import { constants } from 'node:fs'
import { copyFile, link, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import MailComposer from 'nodemailer/lib/mail-composer'
import type Mail from 'nodemailer/lib/mailer'
import { AppError } from '../errors'
import type { Data, Member, Session } from '../model/schema'
import { agendaNumbers } from '../domain/agenda'
import { longSpanishDate } from '../domain/dates'
import { checkMailDrafts } from '../domain/session-rules'
import { sessionKey, sessionTitle } from '../domain/session-title'
import { foldForSearch } from '../domain/text'
import { syncFolder, writeFileDurable } from '../store/durable-write'
import { conveningSentence, recipientsOf, signerOf } from './convocatoria'
import type { SessionInvitationFile } from './icalendar'
import { MODALITY_LABELS, hours } from './wording'

export type MailMode = 'individual' | 'bcc'

export interface NoticeMailInput {
  data: Data
  session: Session
  mode: MailMode
  /** The convocatoria as PDF/A, attached to every draft. */
  convocatoria: Uint8Array
  invitation: SessionInvitationFile
  /** The drafts' Date header. */
  now: Date
}

export interface MailDraft {
  fileName: string
  bytes: Buffer
  /** The addresses the draft goes to (To, or Bcc). */
  recipients: string[]
}

export interface NoticeMails {
  drafts: MailDraft[]
  /** Members the notice is for who have no e-mail address (no draft for them). */
  withoutAddress: Member[]
  /** What to check in the mail program before sending. */
  warnings: string[]
}

const DOMAIN = 'secretariado.gobiernoabierto.jalisco'

/** Only a convened session with an agenda has its notice sent by mail (the rule lives with the session's others). */
export { checkMailDrafts as checkNoticeMail } from '../domain/session-rules'

/** The drafts of the notice of a convened session. */
export async function composeNoticeMails(input: NoticeMailInput): Promise<NoticeMails> {
  const { data, session, mode } = input
  checkMailDrafts(session)
  const members = recipientsOf(data, session)
  const withAddress = members.filter((member) => member.email !== '')
  const withoutAddress = members.filter((member) => member.email === '')
  if (withAddress.length === 0) {
    throw new AppError('SIN_DATOS', 'Ninguna de las personas convocadas tiene correo electrónico registrado: agréguelo en Integrantes.')
  }
  const key = sessionKey(data.settings.keyPrefix, session)
  const secretary = session.secretaryId ? (data.members.find((member) => member.id === session.secretaryId) ?? null) : null
  const from = secretary?.email ? { name: secretary.fullName, address: secretary.email } : undefined
  const attachments: Mail.Attachment[] = [
    { filename: `convocatoria-${key}.pdf`, content: Buffer.from(input.convocatoria), contentType: 'application/pdf' },
    { filename: input.invitation.fileName, content: input.invitation.text, contentType: input.invitation.mimeType.replaceAll(';', '; ') },
  ]
  const subject = `Convocatoria: ${sessionTitle(session)} del ${data.settings.bodyName}, ${longSpanishDate(session.date)}`
  const base = (id: string): Mail.Options => ({
    from,
    subject,
    date: input.now,
    messageId: `<${session.id}.${id}.v${session.invitationSequence}.${input.now.getTime().toString(36)}@${DOMAIN}>`,
    headers: { 'X-Unsent': '1' },
    attachments,
  })
  const drafts: MailDraft[] = []
  const warnings: string[] = []
  if (!from) {
    warnings.push(
      mode === 'bcc'
        ? 'La Secretaría Técnica de la sesión no tiene correo registrado: el borrador con copia oculta no lleva remitente ni destinatario principal; complételos en su programa de correo.'
        : 'La Secretaría Técnica de la sesión no tiene correo registrado: los borradores no llevan remitente; su programa de correo usará su cuenta.',
    )
  }
  if (mode === 'bcc') {
    const options: Mail.Options = { ...base('todos'), to: from, bcc: withAddress.map(addressOf), text: bodyFor(data, session, null) }
    drafts.push({ fileName: `convocatoria-${key}-todos.eml`, bytes: await build(options, true), recipients: withAddress.map((member) => member.email) })
  } else {
    let index = 0
    for (const member of withAddress) {
      index++
      const options: Mail.Options = { ...base(member.id), to: addressOf(member), text: bodyFor(data, session, member) }
      const fileName = `${String(index).padStart(2, '0')}-${slug(member.fullName)}.eml`
      drafts.push({ fileName, bytes: await build(options, false), recipients: [member.email] })
    }
  }
  return { drafts, withoutAddress, warnings }
}

function addressOf(member: Member): Mail.Address {
  return { name: member.fullName, address: member.email }
}

/** The message as bytes; a Bcc draft keeps its Bcc header (the mail program sends from it). */
function build(options: Mail.Options, keepBcc: boolean): Promise<Buffer> {
  const node = new MailComposer(options).compile()
  node.keepBcc = keepBcc
  return new Promise((resolve, reject) => {
    node.build((error, message) => (error ? reject(error) : resolve(message)))
  })
}

/** The body: the convening sentence, the agenda, where, and what is attached; signed by the session's technical secretary. */
function bodyFor(data: Data, session: Session, member: Member | null): string {
  const numbers = agendaNumbers(session.agenda)
  const signer = signerOf(data, session)
  const lines = [
    member ? `${member.fullName}:` : 'Integrantes del ' + data.settings.bodyName + ':',
    '',
    conveningSentence(data, session, member ? 'se le convoca' : 'se les convoca'),
    '',
    ...session.agenda.map((item) => `${item.parentId ? '    ' : ''}${numbers.get(item.id) ?? ''}. ${item.title}`),
    '',
    `Fecha: ${longSpanishDate(session.date)}, a las ${hours(session.startTime)}.`,
    `Modalidad: ${MODALITY_LABELS[session.modality]}.`,
    ...(session.modality !== 'virtual' ? [`Sede: ${session.venue || data.settings.defaultVenue || 'por confirmar'}.`] : []),
    ...(session.modality !== 'presencial' ? [`Enlace de conexión: ${session.link || 'se enviará antes de la sesión'}`] : []),
    '',
    'Se adjuntan la convocatoria con el orden del día (PDF) y la invitación para su calendario (.ics).',
    !member
      ? 'Les agradeceremos confirmar su asistencia o, en su caso, indicar quién asistirá en su lugar.'
      : member.role === 'titular'
        ? 'Le agradeceremos confirmar su asistencia o, en su caso, indicar si asistirá su suplente.'
        : 'Le agradeceremos confirmar su asistencia.',
    '',
    'Atentamente,',
    '',
    signer.name,
    signer.role,
    data.settings.bodyName,
  ]
  return lines.join('\n')
}

/** A file-name part from a person's name: letters without accents, digits and hyphens. */
function slug(name: string): string {
  return (
    foldForSearch(name)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'integrante'
  )
}

/**
 * Writes the drafts into `folder` (created if missing), all or none. Refuses,
 * before writing anything, a folder that already holds drafts (`.eml`): a set
 * of drafts is never mixed with an earlier one, which the secretary might send
 * again. The files are written and synced in a hidden staging folder inside
 * `folder`, then each is linked into place without replacing anything (a file
 * that appeared meanwhile is refused); a failure removes what was placed.
 */
export async function writeMailDrafts(folder: string, drafts: readonly MailDraft[], dataFile?: string): Promise<string[]> {
  const target = resolve(folder)
  if (dataFile !== undefined && resolve(dataFile) === target) throw new AppError('VALIDACION', 'La carpeta de salida no puede ser el archivo de datos.')
  try {
    await mkdir(target, { recursive: true })
  } catch (error) {
    throw new AppError('ESCRITURA', `No se pudo crear la carpeta ${target} (${errorCode(error)}).`, { cause: error })
  }
  const earlier = (await readdir(target).catch(() => [] as string[])).filter((name) => name.toLowerCase().endsWith('.eml'))
  if (earlier.length > 0) {
    throw new AppError('VALIDACION', `La carpeta ${target} ya tiene correos (${earlier.length}, por ejemplo ${earlier[0] ?? ''}): elija una carpeta sin borradores para no mezclarlos con los anteriores.`)
  }
  const placed: string[] = []
  let stage: string | null = null
  try {
    stage = await mkdtemp(join(target, '.borradores-'))
    for (const draft of drafts) await writeFileDurable(join(stage, draft.fileName), draft.bytes)
    for (const draft of drafts) {
      const path = join(target, draft.fileName)
      await placeWithoutReplacing(join(stage, draft.fileName), path)
      placed.push(path)
    }
    await syncFolder(target)
    return placed
  } catch (error) {
    await Promise.all(placed.map((path) => rm(path, { force: true }).catch(() => undefined)))
    if (error instanceof AppError) throw error
    throw new AppError('ESCRITURA', `No se pudieron guardar los correos en ${target} (${errorCode(error)}); no quedó ninguno a medias.`, { cause: error })
  } finally {
    if (stage) await rm(stage, { recursive: true, force: true }).catch(() => undefined)
  }
}

/** A hard link where the disk has them, else an exclusive copy: either fails if `to` exists. */
async function placeWithoutReplacing(from: string, to: string): Promise<void> {
  try {
    await link(from, to)
  } catch (error) {
    const code = errorCode(error)
    if (code === 'EEXIST') throw new AppError('VALIDACION', `${to} apareció mientras se preparaban los correos: no se reemplazó; inténtelo en otra carpeta.`, { cause: error })
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw error
    await copyFile(from, to, constants.COPYFILE_EXCL)
  }
}

function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'desconocido'
}
