import { Flex, Kbd, Text } from '@mantine/core'
import { Fragment } from 'react'
import { useTranslation } from 'react-i18next'

export interface Shortcut {
  /** Keys pressed together, e.g. ['Alt', '↓']. */
  keys: string[]
  label: string
}

/** A compact line of keyboard shortcuts, so the keyboard way is discoverable. */
export function KbdLegend({ shortcuts, vertical = false }: { shortcuts: Shortcut[]; vertical?: boolean }) {
  const { t } = useTranslation()
  return (
    <Flex component="ul" aria-label={t('common.shortcuts')} direction={vertical ? 'column' : 'row'} wrap="wrap" columnGap="md" rowGap={vertical ? 6 : 4} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {shortcuts.map((shortcut) => (
        <Flex key={shortcut.label} component="li" gap={4} align="center" wrap="nowrap">
          {shortcut.keys.map((key, index) => (
            <Fragment key={`${key}-${index}`}>
              {index > 0 ? (
                <Text span size="xs" c="dimmed" aria-hidden>
                  +
                </Text>
              ) : null}
              <Kbd size="xs">{key}</Kbd>
            </Fragment>
          ))}
          <Text span size="xs" c="dimmed">
            {shortcut.label}
          </Text>
        </Flex>
      ))}
    </Flex>
  )
}
