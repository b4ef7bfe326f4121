/**
 * Offline review over the bridge. The secretariat exports a packet and
 * imports members' comments (both need the data file); member mode (open a
 * packet, open its files, export comments) works on the packet alone and
 * never reads or writes the data file.
 */
import { AppError } from '../../errors'
import { checkPacketExport } from '../../domain/session-rules'
import { buildPacketFile } from '../../packets/build'
import { importComments } from '../../packets/comments-import'
import { PACKET_MIME_TYPE } from '../../packets/format'
import { buildCommentsFile, openPackets, packetFile, packetView } from '../../packets/member'
import { readPacket } from '../../packets/read'
import type { HandlerSet } from './types'

export const packetHandlers: HandlerSet<'exportPacket' | 'openPacket' | 'getPacketAttachment' | 'exportComments' | 'importComments'> = {
  exportPacket: async ({ sessionId }, { store, now, fontsDir }) => {
    // Refused by the same rule that sets SessionDetail.can.exportPacket, before any file is read.
    const session = store.data.sessions.find((candidate) => candidate.id === sessionId)
    if (!session) throw new AppError('NO_ENCONTRADO', `No existe la sesión «${sessionId}».`)
    checkPacketExport(session)
    const built = await buildPacketFile(store.data, sessionId, store.dataFolder, now(), { fontsDir })
    return { fileName: built.fileName, mimeType: PACKET_MIME_TYPE, contentBase64: built.bytes.toString('base64') }
  },

  openPacket: async ({ contentBase64 }) => {
    const packet = await readPacket(Buffer.from(contentBase64, 'base64'))
    openPackets.add(packet)
    return packetView(packet)
  },

  getPacketAttachment: ({ packetId, name }) => packetFile(openPackets.get(packetId), name),

  exportComments: ({ packetId, author, general, items }, { now }) => buildCommentsFile(openPackets.get(packetId), { packetId, author, general, items }, now()),

  importComments: ({ contentBase64 }, { store }) => importComments(store, Buffer.from(contentBase64, 'base64')),
}
