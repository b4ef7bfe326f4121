/**
 * The frame around every screen: the header with the app and body names, the
 * section navbar, and the routed page in the main area; above the page, while
 * the data file is open read-only, a banner that says so and why. The first
 * key stop is «Saltar al contenido», which moves the focus to the main area.
 */
import { Alert, AppShell, Burger, Center, Container, Group, Loader, NavLink, Stack, Text, ThemeIcon } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconBuildingCommunity, IconEye, IconUserCircle } from '@tabler/icons-react'
import { Suspense, useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Outlet, useLocation } from 'react-router'
import { useSettings } from '../api/settings'
import { useStatus } from '../api/status'
import { SearchLauncher } from '../search/search-launcher'
import { ErrorBoundary } from './error-boundary'
import { navItems } from './nav-items'
import classes from './shell.module.css'

/** The main area, where «Saltar al contenido» leads. */
const MAIN_ID = 'contenido'

export function Shell() {
  const { t } = useTranslation()
  const { pathname } = useLocation()
  const [opened, { toggle, close }] = useDisclosure(false)
  const settings = useSettings().data
  const status = useStatus().data
  const body = settings ? `${settings.bodyName} · ${settings.organization}` : t('app.body')
  const main = useRef<HTMLElement>(null)

  // A new section starts at the top and, on narrow windows, closes the menu.
  useEffect(() => {
    close()
    window.scrollTo({ top: 0 })
  }, [pathname, close])

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: { base: 220, lg: 248 }, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={0}
    >
      <a
        href={`#${MAIN_ID}`}
        className={classes.skipLink}
        onClick={(event) => {
          // The address is the router's: the link only moves the focus.
          event.preventDefault()
          main.current?.focus()
        }}
      >
        {t('app.skipToContent')}
      </a>
      <AppShell.Header className={classes.header}>
        <Group h="100%" px="lg" gap="md" wrap="nowrap">
          <Burger
            opened={opened}
            onClick={toggle}
            hiddenFrom="sm"
            size="sm"
            color="white"
            aria-label={t('app.toggleNavigation')}
          />
          <ThemeIcon size={38} radius="md" variant="white" aria-hidden>
            <IconBuildingCommunity size={22} />
          </ThemeIcon>
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text component="span" className={classes.appName}>
              {t('app.name')}
            </Text>
            <Text size="xs" className={classes.body} truncate>
              {body}
            </Text>
          </Stack>
          <SearchLauncher />
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" aria-label={t('app.mainNavigation')} component="nav">
        <AppShell.Section grow>
          <Stack gap={4}>
            {navItems.map((item) => {
              const active = pathname === item.to || pathname.startsWith(`${item.to}/`)
              return (
                <NavLink
                  key={item.to}
                  component={Link}
                  to={item.to}
                  label={t(item.label)}
                  leftSection={<item.icon size={20} stroke={1.7} aria-hidden />}
                  active={active}
                  aria-current={active ? 'page' : undefined}
                  variant="light"
                  className={classes.navLink}
                />
              )
            })}
          </Stack>
        </AppShell.Section>
        <AppShell.Section className={classes.navFooter}>
          <Group gap="xs" wrap="nowrap">
            <IconUserCircle size={20} stroke={1.5} aria-hidden />
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text size="sm" fw={600} truncate>
                {settings?.profile.name ?? ''}
              </Text>
              <Text size="xs" c="dimmed" truncate>
                {settings?.profile.role ?? ''}
              </Text>
            </Stack>
          </Group>
          {status ? (
            <Text size="xs" c="dimmed" mt="xs">
              {t('app.version', { version: status.version })}
            </Text>
          ) : null}
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main id={MAIN_ID} ref={main} tabIndex={-1} className={classes.main}>
        {status?.state === 'listo' && status.readOnly ? (
          <Alert
            className={classes.readOnlyBanner}
            color="yellow"
            variant="light"
            radius={0}
            role="status"
            icon={<IconEye size={20} aria-hidden />}
            title={t('readOnly.banner')}
          >
            {status.readOnlyReason ? t('readOnly.reason', { reason: status.readOnlyReason }) : null}
          </Alert>
        ) : null}
        <Container size={1320} px="lg" py="xl">
          <ErrorBoundary resetKey={pathname}>
            <Suspense fallback={<PageLoading />}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </Container>
      </AppShell.Main>
    </AppShell>
  )
}

/** While a screen's code loads (the first time it is opened). */
function PageLoading() {
  const { t } = useTranslation()
  return (
    <Center py={80} role="status">
      <Loader size="md" aria-hidden />
      <Text c="dimmed" ml="sm">
        {t('common.loading')}
      </Text>
    </Center>
  )
}
