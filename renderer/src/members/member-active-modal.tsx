import { Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconCheck, IconX } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { MemberRow } from '../../../main/core/contract/views'
import { errorMessage } from '../api/api-error'
import { useSetMemberActive } from '../api/members'
import { ConfirmModal } from '../common/confirm-modal'

/** Confirms activating or deactivating a member before asking main to do it. */
interface MemberActiveModalProps {
  opened: boolean
  /** Kept while the modal closes, so its text does not vanish mid-transition. */
  member: MemberRow | null
  onClose: () => void
}

export function MemberActiveModal({ opened, member, onClose }: MemberActiveModalProps) {
  const { t } = useTranslation()
  const setActive = useSetMemberActive()
  const deactivating = member?.active ?? true

  const confirm = async () => {
    if (!member) return
    try {
      const saved = await setActive.mutateAsync({ id: member.id, active: !member.active })
      notifications.show({
        color: 'green',
        icon: <IconCheck size={18} aria-hidden />,
        title: t('members.notify.savedTitle'),
        message: saved.active
          ? t('members.notify.activated', { name: saved.fullName })
          : t('members.notify.deactivated', { name: saved.fullName }),
      })
      onClose()
    } catch (error) {
      notifications.show({
        color: 'red',
        icon: <IconX size={18} aria-hidden />,
        title: t('errors.title'),
        message: errorMessage(error, t('errors.unexpected')),
        autoClose: 8000,
      })
    }
  }

  return (
    <ConfirmModal
      opened={opened && member !== null}
      title={deactivating ? t('members.confirm.deactivateTitle') : t('members.confirm.activateTitle')}
      confirmLabel={deactivating ? t('members.confirm.deactivateButton') : t('members.confirm.activateButton')}
      color={deactivating ? 'red' : undefined}
      loading={setActive.isPending}
      onConfirm={() => void confirm()}
      onClose={onClose}
    >
      <Text size="sm">
        {member
          ? deactivating
            ? t('members.confirm.deactivateText', { name: member.fullName })
            : t('members.confirm.activateText', { name: member.fullName })
          : null}
      </Text>
    </ConfirmModal>
  )
}
