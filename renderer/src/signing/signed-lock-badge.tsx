/** «Bloqueada»: beside the state of a session whose acta is signed or out for signature. */
import { Badge } from '@mantine/core'
import { IconLock } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { Session } from '../../../main/core/model/schema'

export function SignedLockBadge({ session }: { session: Session }) {
  const { t } = useTranslation()
  if (!session.signedActa && session.status !== 'en-firma') return null
  return (
    <Badge size="lg" color="green" variant="outline" leftSection={<IconLock size={14} aria-hidden />}>
      {t('signed.locked')}
    </Badge>
  )
}
