import { Spoiler, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/** Line heights of Mantine's text sizes (font size × line height), in px. */
const LINE_PX = { xs: 12 * 1.4, sm: 14 * 1.45, md: 16 * 1.55 } as const

interface ExpandableTextProps {
  text: string
  /** Lines shown before "Ver más". */
  lines?: number
  size?: keyof typeof LINE_PX
}

/** Long text cut to a few whole lines with a "Ver más" control (keyboard reachable). */
export function ExpandableText({ text, lines = 3, size = 'sm' }: ExpandableTextProps) {
  const { t } = useTranslation()
  return (
    <Spoiler
      maxHeight={Math.ceil(lines * LINE_PX[size])}
      showLabel={t('common.showMore')}
      hideLabel={t('common.showLess')}
      transitionDuration={150}
      styles={{ control: { fontSize: 'var(--mantine-font-size-xs)', fontWeight: 600 } }}
    >
      <Text size={size} className="pre-wrap break-anywhere">
        {text}
      </Text>
    </Spoiler>
  )
}
