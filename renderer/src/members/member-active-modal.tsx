import { Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { MemberRow } from '../../../main/core/contract/views'
import { useSetMemberActive } from '../api/members'
import { ConfirmModal } from '../common/confirm-modal'
import { notifyDone, notifyError } from '../common/notify'

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
      notifyDone(
        saved.active ? t('members.notify.activated', { name: saved.fullName }) : t('members.notify.deactivated', { name: saved.fullName }),
        t('members.notify.savedTitle'),
      )
      onClose()
    } catch (error) {
      notifyError(error)
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
