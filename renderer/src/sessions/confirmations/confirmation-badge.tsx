/** What a member answered to the notice, as a small badge on the roll call. */
import { Badge } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { RosterEntry } from '../../../../main/core/contract/views'
import { answerColor } from './answer-colors'

export function ConfirmationBadge({ entry }: { entry: RosterEntry }) {
  const { t } = useTranslation()
  const { confirmation } = entry
  if (!confirmation) return null
  if (confirmation.answer === 'confirmo' && confirmation.substituteId) {
    const name = entry.substitutes.find((substitute) => substitute.id === confirmation.substituteId)?.fullName
    return (
      <Badge color="violet" variant="light" title={name ? t('confirmations.badge.suplenteTitle', { name }) : undefined} data-confirmation="suplente">
        {t('confirmations.badge.suplente')}
      </Badge>
    )
  }
  return (
    <Badge color={answerColor[confirmation.answer]} variant="light" data-confirmation={confirmation.answer}>
      {t(`confirmations.badge.${confirmation.answer}`)}
    </Badge>
  )
}
