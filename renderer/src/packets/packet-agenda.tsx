/**
 * The packet's orden del día in member mode: each point with its number,
 * schedule, presenter and supporting documents, read-only, and a box for the
 * member's comment on it.
 */
import { Badge, Group, Paper, Stack, Text, Textarea } from '@mantine/core'
import { IconCheck, IconClock, IconPaperclip, IconUser } from '@tabler/icons-react'
import { memo } from 'react'
import { useTranslation } from 'react-i18next'
import type { PacketItemView, PacketView } from '../../../main/core/contract/views'
import { MAX_COMMENT_CHARS } from '../../../main/core/packets/limits'
import { formatBytes } from '../common/format'
import { AgendaTypeBadge } from '../common/status-badge'
import { PacketFileActions } from './packet-file-actions'
import classes from './packets.module.css'

/** The DOM id of an item's comment box, so the summary can jump to it. */
export const commentFieldId = (itemId: string) => `comentario-${itemId}`

interface PacketAgendaProps {
  view: PacketView
  comments: Record<string, string>
  onComment: (itemId: string, text: string) => void
}

export function PacketAgenda({ view, comments, onComment }: PacketAgendaProps) {
  const { t } = useTranslation()
  const totalMinutes = view.items.reduce((sum, item) => sum + (item.parentId === null ? item.minutes : 0), 0)
  return (
    <Stack gap="sm">
      <Paper withBorder px="md" py="sm">
        <Group gap="lg">
          <Text fw={650}>{t('memberReview.agenda.items', { count: view.items.length })}</Text>
          <Group gap={6} wrap="nowrap">
            <IconClock size={16} aria-hidden color="var(--mantine-color-gray-6)" />
            <Text size="sm" c="dimmed">
              {t('memberReview.agenda.schedule', { start: view.session.startTime, end: view.session.expectedEnd })}
              {totalMinutes > 0 ? ` · ${t('common.minutes', { count: totalMinutes })}` : ''}
            </Text>
          </Group>
        </Group>
      </Paper>
      <ol className={classes.list} aria-label={t('memberReview.agenda.label')}>
        {view.items.map((item) => (
          <PacketItem key={item.id} packetId={view.packetId} item={item} comment={comments[item.id] ?? ''} onComment={onComment} />
        ))}
      </ol>
    </Stack>
  )
}

interface PacketItemProps {
  packetId: string
  item: PacketItemView
  comment: string
  onComment: (itemId: string, text: string) => void
}

const PacketItem = memo(function PacketItem({ packetId, item, comment, onComment }: PacketItemProps) {
  const { t } = useTranslation()
  const sub = item.parentId !== null
  const written = comment.trim() !== ''
  const long = comment.length > MAX_COMMENT_CHARS * 0.9
  return (
    <li className={classes.entry} data-sub={sub || undefined} data-packet-item={item.id}>
      <Paper withBorder p="md" className={classes.item} data-written={written || undefined} aria-label={t('memberReview.agenda.itemLabel', { number: item.number, title: item.title })} component="article">
        <Group align="flex-start" wrap="nowrap" gap="sm">
          <Badge size="lg" radius="sm" variant={sub ? 'light' : 'filled'} className={classes.number} aria-hidden>
            {item.number}
          </Badge>
          <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
              <Text fw={600} className="break-anywhere" component="h3" fz="md" m={0}>
                {item.title}
              </Text>
              <Group gap={6} wrap="nowrap">
                {written ? (
                  <Badge color="green" variant="light" leftSection={<IconCheck size={12} aria-hidden />}>
                    {t('memberReview.agenda.written')}
                  </Badge>
                ) : null}
                <AgendaTypeBadge value={item.type} />
              </Group>
            </Group>
            <Group gap="lg">
              <Group gap={4} wrap="nowrap">
                <IconClock size={14} aria-hidden color="var(--mantine-color-gray-6)" />
                <Text size="sm" c="dimmed" className={classes.time}>
                  {t('memberReview.agenda.itemSchedule', { start: item.start, end: item.end, minutes: item.minutes })}
                </Text>
              </Group>
              <Group gap={4} wrap="nowrap">
                <IconUser size={14} aria-hidden color="var(--mantine-color-gray-6)" />
                <Text size="sm" c="dimmed">
                  {item.presenter ? t('memberReview.agenda.presenter', { name: item.presenter }) : t('memberReview.agenda.noPresenter')}
                </Text>
              </Group>
            </Group>
            {item.attachments.length > 0 ? (
              <ul className={classes.files} aria-label={t('memberReview.agenda.attachments', { number: item.number })}>
                {item.attachments.map((attachment) => (
                  <li key={attachment.id} className={classes.file}>
                    <IconPaperclip size={16} aria-hidden color="var(--mantine-color-gray-6)" style={{ flexShrink: 0 }} />
                    <Text size="sm" fw={500} className="break-anywhere" style={{ flex: 1, minWidth: 0 }}>
                      {attachment.fileName}
                      <Text span size="xs" c="dimmed" ml={8} style={{ whiteSpace: 'nowrap' }}>
                        {formatBytes(attachment.size)}
                      </Text>
                      <Text span size="xs" c="dimmed" ff="monospace" ml={8} style={{ whiteSpace: 'nowrap' }} title={t('memberReview.files.sha', { sha: attachment.sha256 })}>
                        {t('memberReview.files.shaShort', { sha: attachment.sha256.slice(0, 12) })}
                      </Text>
                    </Text>
                    <PacketFileActions packetId={packetId} entry={attachment.entry} name={attachment.fileName} mimeType={attachment.mimeType} />
                  </li>
                ))}
              </ul>
            ) : null}
            <Textarea
              id={commentFieldId(item.id)}
              label={t('memberReview.agenda.comment')}
              aria-label={t('memberReview.agenda.commentLabel', { number: item.number, title: item.title })}
              placeholder={t('memberReview.agenda.commentPlaceholder')}
              value={comment}
              onChange={(event) => onComment(item.id, event.currentTarget.value)}
              autosize
              minRows={written ? 3 : 1}
              maxRows={14}
              maxLength={MAX_COMMENT_CHARS}
              description={long ? t('memberReview.agenda.tooLong', { max: MAX_COMMENT_CHARS, count: comment.length }) : undefined}
              classNames={{ label: classes.commentLabel }}
            />
          </Stack>
        </Group>
      </Paper>
    </li>
  )
})
