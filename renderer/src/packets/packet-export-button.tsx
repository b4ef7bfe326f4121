/**
 * «Paquete de revisión»: the secretariat exports the review packet of a
 * session not yet held, with an agenda (SessionDetail.can.exportPacket, the
 * core's rule). The core verifies every attachment and renders the PDFs,
 * which takes a moment.
 */
import { Button, Tooltip } from '@mantine/core'
import { IconPackageExport } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { SessionDetail } from '../../../main/core/contract/views'
import { downloadBase64 } from '../api/download'
import { useExportPacket } from '../api/packets'
import { notifyDone, notifyError } from '../common/notify'

export function PacketExportButton({ detail }: { detail: SessionDetail }) {
  const { t } = useTranslation()
  const exportPacket = useExportPacket()
  if (!detail.can.exportPacket) return null

  const run = async () => {
    try {
      const file = await exportPacket.mutateAsync(detail.session.id)
      downloadBase64(file)
      notifyDone(t('reviewPacket.exported', { file: file.fileName }), t('reviewPacket.exportedTitle'))
    } catch (error) {
      notifyError(error, t('reviewPacket.failedTitle'))
    }
  }

  return (
    <Tooltip label={exportPacket.isPending ? t('reviewPacket.exporting') : t('reviewPacket.exportHint')} multiline maw={320}>
      <Button
        variant="default"
        leftSection={<IconPackageExport size={18} aria-hidden />}
        loading={exportPacket.isPending}
        loaderProps={{ type: 'dots' }}
        onClick={() => void run()}
        aria-description={t('reviewPacket.exportHint')}
      >
        {t('reviewPacket.export')}
      </Button>
    </Tooltip>
  )
}
