import { Group, Text } from '@mantine/core'
import { IconArrowsLeftRight, IconBuilding, IconDeviceLaptop } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { Session } from '../../../main/core/model/schema'

const icons = {
  presencial: IconBuilding,
  virtual: IconDeviceLaptop,
  hibrida: IconArrowsLeftRight,
} as const

/** "Presencial", "Virtual" or "Híbrida", with a small icon. */
export function Modality({ value, size = 'sm' }: { value: Session['modality']; size?: 'xs' | 'sm' | 'md' }) {
  const { t } = useTranslation()
  const Icon = icons[value]
  return (
    <Group gap={6} wrap="nowrap">
      <Icon size={16} stroke={1.6} aria-hidden color="var(--mantine-color-gray-6)" />
      <Text size={size} span>
        {t(`enums.modality.${value}`)}
      </Text>
    </Group>
  )
}
