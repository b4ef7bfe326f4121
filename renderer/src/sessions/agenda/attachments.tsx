/**
 * Documents attached to an agenda item: read in the window as base64 and
 * handed to the core, which copies them into the data folder and records
 * their SHA-256. Listed with name, size and the start of the fingerprint.
 */
import { ActionIcon, FileButton, Flex, Loader, Text, Tooltip } from '@mantine/core'
import { IconPaperclip, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AgendaItem, Attachment } from '../../../../main/core/model/schema'
import { useSessionOperation } from '../../api/sessions'
import { formatBytes } from '../../common/format'
import { notifyDone, notifyError } from '../../common/notify'

export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onerror = () => reject(reader.error ?? new Error('lectura'))
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : ''
      resolve(url.slice(url.indexOf(',') + 1))
    }
    reader.readAsDataURL(file)
  })
}

/** The paperclip button that attaches a file to an item. */
export function AttachButton({ sessionId, item }: { sessionId: string; item: AgendaItem }) {
  const { t } = useTranslation()
  const add = useSessionOperation('addAttachment')
  const [reading, setReading] = useState(false)
  const attach = async (file: File | null) => {
    if (!file) return
    setReading(true)
    try {
      const contentBase64 = await readAsBase64(file)
      await add.mutateAsync({ sessionId, itemId: item.id, fileName: file.name, contentBase64 })
      notifyDone(t('agenda.attachments.added', { name: file.name }))
    } catch (error) {
      notifyError(error)
    } finally {
      setReading(false)
    }
  }
  const label = t('agenda.attachments.add', { title: item.title })
  return (
    <FileButton onChange={(file) => void attach(file)}>
      {(props) => (
        <Tooltip label={t('agenda.attachments.addShort')}>
          <ActionIcon {...props} variant="subtle" color="gray" aria-label={label} disabled={reading}>
            {reading ? <Loader size={14} /> : <IconPaperclip size={18} aria-hidden />}
          </ActionIcon>
        </Tooltip>
      )}
    </FileButton>
  )
}

export function AttachmentList({
  sessionId,
  itemId,
  attachments,
  editable,
}: {
  sessionId: string
  itemId: string
  attachments: Attachment[]
  editable: boolean
}) {
  const { t } = useTranslation()
  const remove = useSessionOperation('removeAttachment')
  if (attachments.length === 0) return null
  const drop = async (attachment: Attachment) => {
    try {
      await remove.mutateAsync({ sessionId, itemId, attachmentId: attachment.id })
      notifyDone(t('agenda.attachments.removed', { name: attachment.fileName }))
    } catch (error) {
      notifyError(error)
    }
  }
  return (
    <Flex direction="column" gap={2} component="ul" aria-label={t('agenda.attachments.label')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {attachments.map((attachment) => (
        <Flex key={attachment.id} component="li" gap={6} align="center" wrap="nowrap">
          <IconPaperclip size={14} aria-hidden color="var(--mantine-color-gray-6)" style={{ flexShrink: 0 }} />
          <Text size="sm" className="break-anywhere">
            {attachment.fileName}
          </Text>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {formatBytes(attachment.size)}
          </Text>
          <Tooltip label={t('agenda.attachments.sha', { sha: attachment.sha256 })} maw={560}>
            <Text size="xs" c="dimmed" ff="monospace" style={{ whiteSpace: 'nowrap' }} tabIndex={0} aria-label={t('agenda.attachments.sha', { sha: attachment.sha256 })}>
              SHA-256 {attachment.sha256.slice(0, 12)}
            </Text>
          </Tooltip>
          {editable ? (
            <Tooltip label={t('agenda.attachments.remove', { name: attachment.fileName })}>
              <ActionIcon
                size="sm"
                variant="subtle"
                color="red"
                aria-label={t('agenda.attachments.remove', { name: attachment.fileName })}
                onClick={() => void drop(attachment)}
                loading={remove.isPending && remove.variables.attachmentId === attachment.id}
              >
                <IconTrash size={14} aria-hidden />
              </ActionIcon>
            </Tooltip>
          ) : null}
        </Flex>
      ))}
    </Flex>
  )
}
