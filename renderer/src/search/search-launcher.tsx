/** The search box in the header: a button that opens the search dialog, also with Ctrl+K from anywhere. */
import { Kbd, UnstyledButton, VisuallyHidden } from '@mantine/core'
import { useDisclosure, useHotkeys } from '@mantine/hooks'
import { IconSearch } from '@tabler/icons-react'
import { lazy } from 'react'
import { useTranslation } from 'react-i18next'
import { holdTypingForDialog } from '../common/type-ahead'
import { LazyDialog } from '../common/lazy-dialog'
import classes from './search.module.css'

const SearchDialog = lazy(() => import('./search-dialog').then((module) => ({ default: module.SearchDialog })))

export function SearchLauncher() {
  const { t } = useTranslation()
  const [opened, { open, close }] = useDisclosure(false)
  // Also while typing in a field: Ctrl+K has no other meaning in the app.
  useHotkeys(
    [
      [
        'mod+K',
        () => {
          if (!opened) holdTypingForDialog()
          open()
        },
      ],
    ],
    [],
  )
  return (
    <>
      <UnstyledButton
        className={classes.launcher}
        onClick={open}
        title={t('search.launcherLabel')}
        aria-haspopup="dialog"
        aria-keyshortcuts="Control+K"
      >
        <IconSearch size={17} aria-hidden />
        <span className={classes.launcherText}>
          {t('search.launcher')}
          <span aria-hidden>…</span>
          <VisuallyHidden>{t('search.launcherWhere')}</VisuallyHidden>
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
      <LazyDialog opened={opened}>
        <SearchDialog opened={opened} onClose={close} />
      </LazyDialog>
    </>
  )
}
