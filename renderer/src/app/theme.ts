/**
 * A calm institutional look: a deep teal primary, the system font stack (no
 * web fonts: the app works offline and the CSP allows no remote fonts).
 */
import {
  Badge,
  Card,
  createTheme,
  darken,
  DEFAULT_THEME,
  luminance,
  Modal,
  NavLink,
  Notification,
  Paper,
  Tabs,
  Tooltip,
  type CSSVariablesResolver,
  type MantineColorsTuple,
} from '@mantine/core'
import { i18n } from '../i18n'

const institucional: MantineColorsTuple = [
  '#e7f5f6',
  '#d3e8eb',
  '#a6d0d6',
  '#75b6c0',
  '#4ea0ad',
  '#3592a1',
  '#268a9b',
  '#157887',
  '#066a79',
  '#005c6a',
]

const systemFonts =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif'

/** WCAG 2.2 AA for normal text. A little above 4.5, so rounding and anti-aliasing never bring a pair under it. */
const TEXT_CONTRAST = 4.6

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (light + 0.05) / (dark + 0.05)
}

/** The first of the colour and its darker steps that reads at `ratio` on every background. */
function readableOn(color: string, backgrounds: readonly string[], ratio = TEXT_CONTRAST): string {
  for (let step = 0; step <= 20; step++) {
    const candidate = step === 0 ? color : darken(color, step * 0.05)
    if (backgrounds.every((background) => contrast(candidate, background) >= ratio)) return candidate
  }
  return '#000000'
}

const WHITE = '#ffffff'
const PAGE = DEFAULT_THEME.colors.gray[0]

/**
 * Mantine's colours with their three darkest shades made readable as text on
 * white, on the page's grey and on the colour's own lightest tints: `red.8`
 * on a `red.0` row reads at 4.5:1 wherever a component uses it.
 */
function readablePalettes(): Record<string, MantineColorsTuple> {
  const palettes: Record<string, MantineColorsTuple> = {}
  for (const [name, tuple] of Object.entries(DEFAULT_THEME.colors)) {
    if (name === 'dark' || name === 'gray') continue
    const shades: string[] = [...tuple]
    const backgrounds = [WHITE, PAGE, tuple[0], tuple[1]]
    for (const index of [7, 8, 9] as const) {
      const previous = shades[index - 1] ?? tuple[index]
      const own = readableOn(tuple[index], backgrounds)
      // Each shade stays at least as dark as the one before it.
      shades[index] = luminance(own) <= luminance(previous) ? own : darken(previous, 0.06)
    }
    palettes[name] = shades as unknown as MantineColorsTuple
  }
  return palettes
}

export const theme = createTheme({
  primaryColor: 'institucional',
  primaryShade: { light: 8, dark: 6 },
  colors: { ...readablePalettes(), institucional },
  fontFamily: systemFonts,
  fontFamilyMonospace: 'ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace',
  headings: {
    fontFamily: systemFonts,
    fontWeight: '650',
    sizes: {
      h1: { fontSize: '1.75rem', lineHeight: '1.25' },
      h2: { fontSize: '1.3rem', lineHeight: '1.3' },
      h3: { fontSize: '1.1rem', lineHeight: '1.35' },
      h4: { fontSize: '1rem', lineHeight: '1.4' },
    },
  },
  defaultRadius: 'md',
  cursorType: 'pointer',
  focusRing: 'auto',
  components: {
    Badge: Badge.extend({
      defaultProps: { variant: 'light', radius: 'sm' },
      // Badges never shrink into an ellipsis inside a table cell.
      styles: { root: { textTransform: 'none', fontWeight: 600, letterSpacing: 0, flexShrink: 0, minWidth: 'max-content' } },
    }),
    Card: Card.extend({ defaultProps: { withBorder: true, radius: 'md', padding: 'lg' } }),
    Paper: Paper.extend({ defaultProps: { radius: 'md' } }),
    Modal: Modal.extend({
      defaultProps: { centered: true, radius: 'md', overlayProps: { backgroundOpacity: 0.45, blur: 2 } },
    }),
    // Every notification's close button has a name (the app's notifications and the ones of the recovery screens alike).
    Notification: Notification.extend({
      defaultProps: { closeButtonProps: { 'aria-label': i18n.t('common.close') } },
      styles: { description: { color: 'var(--mantine-color-dimmed)' } },
    }),
    NavLink: NavLink.extend({ styles: { root: { borderRadius: 'var(--mantine-radius-md)' } } }),
    Tabs: Tabs.extend({ defaultProps: { keepMounted: false } }),
    Tooltip: Tooltip.extend({ defaultProps: { withArrow: true, openDelay: 250, multiline: true, maw: 420 } }),
  },
})

/**
 * Contrast decided once for the whole app, in the theme (WCAG 2.2 AA): a
 * colour's text, its light variant (badges, light buttons and alerts) and its
 * outline are darkened until they read at 4.5:1 on white, on the page's grey
 * and on the colour's own light background; a filled button whose white label
 * would not read gets a darker fill; dimmed text and placeholders are dark
 * enough on white and on the page. Components never pick their own shades.
 */
export const cssVariablesResolver: CSSVariablesResolver = (resolved) => {
  const variables: Record<string, string> = {
    '--mantine-color-dimmed': readableOn(resolved.colors.gray[6], [WHITE, PAGE, resolved.colors.gray[1]]),
    '--mantine-color-placeholder': readableOn(resolved.colors.gray[6], [WHITE, PAGE]),
  }
  const shade = typeof resolved.primaryShade === 'number' ? resolved.primaryShade : resolved.primaryShade.light
  for (const [name, tuple] of Object.entries(resolved.colors)) {
    if (name === 'dark' || name === 'gray') continue
    const text = readableOn(tuple[shade], [WHITE, PAGE, tuple[0], tuple[1]])
    const filled = readableOn(tuple[shade], [WHITE], TEXT_CONTRAST)
    variables[`--mantine-color-${name}-text`] = text
    variables[`--mantine-color-${name}-light-color`] = readableOn(tuple[9], [tuple[1], tuple[2]])
    variables[`--mantine-color-${name}-outline`] = text
    variables[`--mantine-color-${name}-filled`] = filled
    variables[`--mantine-color-${name}-filled-hover`] = darken(filled, 0.1)
  }
  return { variables: {}, light: variables, dark: {} }
}
