/**
 * A small mark on an agenda item that members commented on while reviewing
 * the packet; the comments themselves are in the session's «Comentarios» tab.
 */
import { Badge, Tooltip } from '@mantine/core'
import { IconMessages } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useItemCommentCount } from '../api/packets'

export function ItemCommentsIndicator({ sessionId, itemId }: { sessionId: string; itemId: string }) {
  const { t } = useTranslation()
  const count = useItemCommentCount(sessionId, itemId)
  if (count === 0) return null
  const label = t('memberComments.indicator', { count })
  return (
    <Tooltip label={label}>
      <Badge color="grape" variant="light" leftSection={<IconMessages size={12} aria-hidden />} role="img" aria-label={label} data-item-comments={count}>
        {count}
      </Badge>
    </Tooltip>
  )
}
