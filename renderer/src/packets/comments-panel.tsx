/**
 * The member's side of the review: name, general comment, how many comments
 * are written (with a jump to each), and «Exportar comentarios», which saves
 * the small JSON file the secretariat imports. What is exported is checked
 * first with the core's schema (exportCommentsSchema), then the core builds
 * the file; the messages of either (a missing name, nothing written) show here.
 */
import { Alert, Button, Divider, Group, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core'
import { IconAlertTriangle, IconFileExport, IconInfoCircle, IconSend } from '@tabler/icons-react'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { InputOf } from '../../../main/core/contract/operations'
import { commentAuthorSchema, commentTextSchema, exportCommentsSchema } from '../../../main/core/contract/packet-inputs'
import type { PacketView } from '../../../main/core/contract/views'
import { errorMessage } from '../api/api-error'
import { downloadBase64 } from '../api/download'
import { useExportComments } from '../api/packets'
import { FORM_ERROR, lengthOf, zodResolver } from '../common/zod-form'
import { commentFieldId } from './packet-agenda'
import { writtenComments, type CommentDraft } from './review-storage'
import classes from './packets.module.css'

interface CommentsPanelProps {
  view: PacketView
  draft: CommentDraft
  onAuthor: (author: string) => void
  onGeneral: (text: string) => void
}

type ExportInput = InputOf<'exportComments'>

/** The core's checks of the comments to export: the name, each comment's length and how many. */
const validateExport = zodResolver<ExportInput>(exportCommentsSchema)

/** What was exported last, to tell the member when the comments changed since. */
const signature = (author: string, comments: ReturnType<typeof writtenComments>) => JSON.stringify([author.trim(), comments])

export function CommentsPanel({ view, draft, onAuthor, onGeneral }: CommentsPanelProps) {
  const { t } = useTranslation()
  const exportComments = useExportComments()
  const [authorError, setAuthorError] = useState<ReactNode>(null)
  const [problem, setProblem] = useState<ReactNode>(null)
  const [exported, setExported] = useState<{ fileName: string; signature: string } | null>(null)

  const comments = writtenComments(
    draft,
    view.items.map((item) => item.id),
  )
  const count = comments.items.length + (comments.general ? 1 : 0)
  const commentedItems = view.items.filter((item) => comments.items.some((comment) => comment.itemId === item.id))
  const current = signature(draft.author, comments)
  const changedSinceExport = exported !== null && exported.signature !== current

  const onExport = async () => {
    setProblem(null)
    const input: ExportInput = { packetId: view.packetId, author: draft.author, general: comments.general, items: comments.items }
    const { author, [FORM_ERROR]: whole, ...fields } = validateExport(input)
    if (author) {
      setAuthorError(author)
      document.getElementById('revision-autor')?.focus()
      return
    }
    const refusal = whole ?? Object.values(fields)[0]
    if (refusal) return setProblem(refusal)
    try {
      const file = await exportComments.mutateAsync(exportCommentsSchema.parse(input))
      downloadBase64(file)
      setExported({ fileName: file.fileName, signature: current })
    } catch (error) {
      setProblem(errorMessage(error, t('errors.unexpected')))
    }
  }

  const jumpTo = (itemId: string) => {
    const field = document.getElementById(commentFieldId(itemId))
    field?.scrollIntoView({ block: 'center', behavior: 'smooth' })
    field?.focus({ preventScroll: true })
  }

  return (
    <Paper withBorder p="lg" className={classes.sidebar} component="section" aria-labelledby="revision-comentarios">
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={2} size="h3" id="revision-comentarios">
            {t('memberReview.comments.title')}
          </Title>
          <Text size="sm" c={count > 0 ? undefined : 'dimmed'} fw={count > 0 ? 600 : undefined} role="status" aria-live="polite">
            {count > 0 ? t('memberReview.comments.count', { count }) : t('memberReview.comments.countNone')}
          </Text>
          {commentedItems.length > 0 ? (
            <Group gap={6} mt={4} align="center">
              <Text size="xs" c="dimmed">
                {t('memberReview.comments.items', { count: commentedItems.length, total: view.items.length })}:
              </Text>
              {commentedItems.map((item) => (
                <Button
                  key={item.id}
                  size="compact-xs"
                  variant="light"
                  className={classes.jump}
                  aria-label={t('memberReview.comments.jump', { number: item.number })}
                  onClick={() => jumpTo(item.id)}
                >
                  {item.number}
                </Button>
              ))}
            </Group>
          ) : null}
        </Stack>
        <TextInput
          id="revision-autor"
          label={t('memberReview.comments.author')}
          description={t('memberReview.comments.authorDescription')}
          placeholder={t('memberReview.comments.authorPlaceholder')}
          required
          value={draft.author}
          {...lengthOf(commentAuthorSchema.out)}
          error={authorError}
          autoComplete="name"
          onChange={(event) => {
            onAuthor(event.currentTarget.value)
            setAuthorError(null)
          }}
        />
        <Textarea
          label={t('memberReview.comments.general')}
          placeholder={t('memberReview.comments.generalPlaceholder')}
          value={draft.general}
          {...lengthOf(commentTextSchema)}
          autosize
          minRows={3}
          maxRows={8}
          onChange={(event) => onGeneral(event.currentTarget.value)}
        />
        <Button
          leftSection={<IconFileExport size={18} aria-hidden />}
          onClick={() => void onExport()}
          loading={exportComments.isPending}
          fullWidth
        >
          {t('memberReview.comments.export')}
        </Button>
        {problem ? (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title={t('memberReview.comments.failedTitle')} role="alert">
            {problem}
          </Alert>
        ) : null}
        {exported ? (
          <Alert
            color={changedSinceExport ? 'yellow' : 'green'}
            variant="light"
            icon={<IconSend size={18} aria-hidden />}
            title={t('memberReview.comments.exportedTitle')}
            role="status"
          >
            <Stack gap={6}>
              <Text size="sm">{t('memberReview.comments.exported', { file: exported.fileName })}</Text>
              <Text size="sm">{t('memberReview.comments.send')}</Text>
              {changedSinceExport ? (
                <Text size="sm" fw={600}>
                  {t('memberReview.comments.changed')}
                </Text>
              ) : null}
            </Stack>
          </Alert>
        ) : null}
        <Divider />
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <IconInfoCircle size={16} aria-hidden color="var(--mantine-color-gray-6)" style={{ flexShrink: 0, marginTop: 2 }} />
          <Stack gap={4}>
            <Text size="xs" c="dimmed">
              {t('memberReview.comments.howTo')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('memberReview.comments.drafts')}
            </Text>
          </Stack>
        </Group>
      </Stack>
    </Paper>
  )
}
