/** The search box in the header: a button that opens the search dialog, also with Ctrl+K from anywhere. */
import { Kbd, UnstyledButton } from '@mantine/core'
import { useDisclosure, useHotkeys } from '@mantine/hooks'
import { IconSearch } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { SearchDialog } from './search-dialog'
import classes from './search.module.css'

export function SearchLauncher() {
  const { t } = useTranslation()
  const [opened, { open, close }] = useDisclosure(false)
  // Also while typing in a field: Ctrl+K has no other meaning in the app.
  useHotkeys([['mod+K', open]], [])
  return (
    <>
      <UnstyledButton
        className={classes.launcher}
        onClick={open}
        aria-label={t('search.launcherLabel')}
        aria-haspopup="dialog"
        aria-keyshortcuts="Control+K"
      >
        <IconSearch size={17} aria-hidden />
        <span className={classes.launcherText} aria-hidden>
          {t('search.launcher')}…
        </span>
        <span aria-hidden>
          <Kbd size="xs" className={classes.launcherKbd}>
            Ctrl
          </Kbd>{' '}
          <Kbd size="xs" className={classes.launcherKbd}>
            K
          </Kbd>
        </span>
      </UnstyledButton>
      <SearchDialog opened={opened} onClose={close} />
    </>
  )
}
