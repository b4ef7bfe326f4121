/**
 * Opening a packet chosen by the member: size checks first (a huge file is
 * never read), then the file read as base64 with its progress, then the core
 * verifies every entry. Any refusal keeps the core's Spanish message.
 */
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PacketView } from '../../../main/core/contract/views'
import { MAX_PACKET_BYTES } from '../../../main/core/packets/limits'
import { errorMessage } from '../api/api-error'
import { readFileAsBase64, useOpenPacket } from '../api/packets'
import { formatBytes } from '../common/format'

export type Opening =
  | { phase: 'idle' }
  | { phase: 'reading'; fileName: string; fraction: number }
  | { phase: 'verifying'; fileName: string }
  | { phase: 'failed'; fileName: string; message: string }

export function usePacketOpening(onOpened: (view: PacketView) => void) {
  const { t } = useTranslation()
  const openPacket = useOpenPacket()
  const [opening, setOpening] = useState<Opening>({ phase: 'idle' })

  const open = async (file: File | null) => {
    if (!file) return
    const fileName = file.name
    const fail = (message: string) => setOpening({ phase: 'failed', fileName, message })
    if (file.size === 0) return fail(t('memberReview.opening.emptyFile', { name: fileName }))
    if (file.size > MAX_PACKET_BYTES) return fail(t('memberReview.opening.tooBig', { name: fileName, size: formatBytes(file.size) }))
    setOpening({ phase: 'reading', fileName, fraction: 0 })
    let contentBase64: string
    try {
      contentBase64 = await readFileAsBase64(file, (fraction) => setOpening({ phase: 'reading', fileName, fraction }))
    } catch {
      return fail(t('memberReview.opening.readFailed', { name: fileName }))
    }
    setOpening({ phase: 'verifying', fileName })
    try {
      const view = await openPacket.mutateAsync(contentBase64)
      setOpening({ phase: 'idle' })
      onOpened(view)
    } catch (error) {
      fail(errorMessage(error, t('errors.unexpected')))
    }
  }

  const busy = opening.phase === 'reading' || opening.phase === 'verifying'
  return { opening, open, busy, dismiss: () => setOpening({ phase: 'idle' }) }
}
