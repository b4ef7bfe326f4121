/**
 * «Comentarios» of a session: what members wrote while reviewing its packet,
 * imported from their comments files. General comments first, then each
 * agenda point in order, each comment with its author and dates.
 */
import { Badge, Group, Paper, Stack, Text } from '@mantine/core'
import { IconMessages } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { SessionDetail } from '../../../main/core/contract/views'
import type { Comment } from '../../../main/core/model/schema'
import { formatDateTime } from '../common/dates'
import { ExpandableText } from '../common/expandable-text'
import { Empty } from '../common/query-state'
import { CommentsImportButton } from './comments-import'
import classes from './packets.module.css'

/** Comments per agenda item id (`null` for general ones), oldest first. */
export function commentsByItem(comments: Comment[]): Map<string | null, Comment[]> {
  const groups = new Map<string | null, Comment[]>()
  const sorted = [...comments].sort((a, b) => a.writtenAt.localeCompare(b.writtenAt) || a.importedAt.localeCompare(b.importedAt))
  for (const comment of sorted) groups.set(comment.itemId, [...(groups.get(comment.itemId) ?? []), comment])
  return groups
}

export function SessionCommentsTab({ detail }: { detail: SessionDetail }) {
  const { t } = useTranslation()
  const { session, plan } = detail
  const comments = session.comments
  const groups = commentsByItem(comments)
  const authors = new Set(comments.map((comment) => comment.author.trim().toLocaleLowerCase('es-MX'))).size
  const canImport = detail.can.importComments
  const known = new Set(session.agenda.map((item) => item.id))
  const orphaned = [...groups.keys()].filter((itemId): itemId is string => itemId !== null && !known.has(itemId))

  const toolbar = (
    <Paper withBorder px="md" py="sm">
      <Group justify="space-between" gap="sm">
        <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
          <Text fw={650}>
            {t('memberComments.summary', { count: comments.length })}{' '}
            {comments.length > 0 ? (
              <Text span fw={400} c="dimmed">
                {t('memberComments.authors', { count: authors })}
              </Text>
            ) : null}
          </Text>
          <Text size="xs" c="dimmed">
            {t('memberComments.hint')}
          </Text>
        </Stack>
        {canImport ? <CommentsImportButton sessionId={session.id} variant={comments.length === 0 ? 'filled' : 'default'} /> : null}
      </Group>
    </Paper>
  )

  if (comments.length === 0) {
    return (
      <Stack gap="md">
        {toolbar}
        <Empty icon={<IconMessages size={28} aria-hidden />} title={t('memberComments.emptyTitle')} description={t('memberComments.emptyText')} />
      </Stack>
    )
  }

  return (
    <Stack gap="md">
      {toolbar}
      {groups.has(null) ? (
        <CommentGroup heading={<Text fw={600}>{t('memberComments.generalTitle')}</Text>} label={t('memberComments.generalLabel')} comments={groups.get(null) ?? []} />
      ) : null}
      {session.agenda
        .filter((item) => groups.has(item.id))
        .map((item) => {
          const number = plan[item.id]?.number ?? ''
          return (
            <CommentGroup
              key={item.id}
              itemId={item.id}
              label={t('memberComments.byItemLabel', { number })}
              heading={
                <Group gap="sm" wrap="nowrap">
                  <Badge size="lg" radius="sm" variant={item.parentId ? 'light' : 'filled'} className={classes.number} aria-hidden>
                    {number}
                  </Badge>
                  <Text fw={600} className="break-anywhere">
                    {item.title}
                  </Text>
                </Group>
              }
              comments={groups.get(item.id) ?? []}
            />
          )
        })}
      {orphaned.map((itemId) => (
        <CommentGroup
          key={itemId}
          label={t('memberComments.removedItem')}
          heading={
            <Text fw={600} c="dimmed">
              {t('memberComments.removedItem')}
            </Text>
          }
          comments={groups.get(itemId) ?? []}
        />
      ))}
    </Stack>
  )
}

function CommentGroup({ heading, label, comments, itemId }: { heading: ReactNode; label: string; comments: Comment[]; itemId?: string }) {
  const { t } = useTranslation()
  return (
    <Paper withBorder p="md" component="section" aria-label={label} data-comments-item={itemId}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" gap="sm">
          {heading}
          <Badge variant="light" color="gray">
            {t('memberComments.summary', { count: comments.length })}
          </Badge>
        </Group>
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {comments.map((comment) => (
            <li key={comment.id} className={classes.comment}>
              <Group gap="xs" mb={2} wrap="wrap">
                <Text size="sm" fw={650}>
                  {comment.author}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('memberComments.writtenAt', { date: formatDateTime(comment.writtenAt) })} · {t('memberComments.importedAt', { date: formatDateTime(comment.importedAt) })}
                </Text>
              </Group>
              <ExpandableText text={comment.text} lines={4} />
            </li>
          ))}
        </Stack>
      </Stack>
    </Paper>
  )
}
