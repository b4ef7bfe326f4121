/**
 * A calm institutional look: a deep teal primary, the system font stack (no
 * web fonts: the app works offline and the CSP allows no remote fonts).
 */
import {
  Badge,
  Card,
  createTheme,
  Modal,
  NavLink,
  Paper,
  Tabs,
  Tooltip,
  type MantineColorsTuple,
} from '@mantine/core'

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

export const theme = createTheme({
  primaryColor: 'institucional',
  primaryShade: { light: 8, dark: 6 },
  colors: { institucional },
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
    NavLink: NavLink.extend({ styles: { root: { borderRadius: 'var(--mantine-radius-md)' } } }),
    Tabs: Tabs.extend({ defaultProps: { keepMounted: false } }),
    Tooltip: Tooltip.extend({ defaultProps: { withArrow: true, openDelay: 250, multiline: true, maw: 420 } }),
  },
})
