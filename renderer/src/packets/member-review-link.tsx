/**
 * The way into member mode from an app with no data yet: a member's copy of
 * Secretariado starts empty, and what its owner needs is to open a packet.
 */
import { Button } from '@mantine/core'
import { IconPackage } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

export function MemberReviewLink() {
  const { t } = useTranslation()
  return (
    <Button component={Link} to="/revision" variant="default" leftSection={<IconPackage size={18} aria-hidden />}>
      {t('memberReview.startLink')}
    </Button>
  )
}
