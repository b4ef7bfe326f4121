/**
 * «Abrir» and «Descargar» for a file of the open packet. Images and plain
 * text open in a preview inside the app; every file can be saved. The core
 * hands out only files the packet declared and verified, and names anything
 * that could render as active content `application/octet-stream`.
 */
import { Button, Code, Group, Image, Modal, ScrollArea, Stack, Text } from '@mantine/core'
import { IconDownload, IconEye } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FileDownload } from '../../../main/core/contract/views'
import { downloadBase64 } from '../api/download'
import { usePacketFile } from '../api/packets'
import { notifyDone, notifyError } from '../common/notify'

const TEXT_TYPES = new Set(['text/plain', 'text/csv', 'application/json'])
const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp'])
/** Characters of a text file shown in the preview. */
const TEXT_PREVIEW_CHARS = 200_000

/** Whether the app can show the file itself (PDFs and office documents are saved and opened with their own program). */
export function canPreview(mimeType: string): boolean {
  return TEXT_TYPES.has(mimeType) || IMAGE_TYPES.has(mimeType)
}

function decodeText(contentBase64: string): string {
  const binary = atob(contentBase64)
  const bytes = new Uint8Array(binary.length)
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index)
  return new TextDecoder('utf-8').decode(bytes)
}

interface PacketFileActionsProps {
  packetId: string
  /** The packet entry: `adjuntos/…`, `convocatoria.pdf`… */
  entry: string
  /** The name the member sees. */
  name: string
  mimeType: string
  size?: 'xs' | 'compact-sm'
}

export function PacketFileActions({ packetId, entry, name, mimeType, size = 'compact-sm' }: PacketFileActionsProps) {
  const { t } = useTranslation()
  const fetchFile = usePacketFile()
  const [pending, setPending] = useState<'open' | 'download' | null>(null)
  const [preview, setPreview] = useState<FileDownload | null>(null)

  const run = async (action: 'open' | 'download') => {
    setPending(action)
    try {
      const file = await fetchFile.mutateAsync({ packetId, name: entry })
      if (action === 'open') setPreview(file)
      else {
        downloadBase64(file)
        notifyDone(t('memberReview.files.downloaded', { name: file.fileName }))
      }
    } catch (error) {
      notifyError(error, t('memberReview.files.failedTitle'))
    } finally {
      setPending(null)
    }
  }

  return (
    <>
      <Group gap={6} wrap="nowrap">
        {canPreview(mimeType) ? (
          <Button
            size={size}
            variant="light"
            leftSection={<IconEye size={14} aria-hidden />}
            aria-label={t('memberReview.files.openLabel', { name })}
            loading={pending === 'open'}
            disabled={pending !== null}
            onClick={() => void run('open')}
          >
            {t('memberReview.files.open')}
          </Button>
        ) : null}
        <Button
          size={size}
          variant="default"
          leftSection={<IconDownload size={14} aria-hidden />}
          aria-label={t('memberReview.files.downloadLabel', { name })}
          loading={pending === 'download'}
          disabled={pending !== null}
          onClick={() => void run('download')}
        >
          {t('memberReview.files.download')}
        </Button>
      </Group>
      <FilePreview file={preview} onClose={() => setPreview(null)} />
    </>
  )
}

function FilePreview({ file, onClose }: { file: FileDownload | null; onClose: () => void }) {
  const { t } = useTranslation()
  const image = file !== null && IMAGE_TYPES.has(file.mimeType)
  const text = file !== null && !image ? decodeText(file.contentBase64) : ''
  return (
    <Modal opened={file !== null} onClose={onClose} title={file?.fileName ?? ''} size="xl" scrollAreaComponent={ScrollArea.Autosize}>
      {file ? (
        <Stack gap="sm">
          {image ? (
            <Image src={`data:${file.mimeType};base64,${file.contentBase64}`} alt={file.fileName} fit="contain" mah="70vh" />
          ) : (
            <>
              <Code block className="pre-wrap break-anywhere" style={{ maxHeight: '65vh', overflow: 'auto' }}>
                {text.slice(0, TEXT_PREVIEW_CHARS)}
              </Code>
              {text.length > TEXT_PREVIEW_CHARS ? (
                <Text size="sm" c="dimmed">
                  {t('memberReview.files.previewTruncated', { count: TEXT_PREVIEW_CHARS })}
                </Text>
              ) : null}
            </>
          )}
          <Group justify="flex-end">
            <Button
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
              onClick={() => {
                downloadBase64(file)
                notifyDone(t('memberReview.files.downloaded', { name: file.fileName }))
              }}
            >
              {t('memberReview.files.download')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  )
}
