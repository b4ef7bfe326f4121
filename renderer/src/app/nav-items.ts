import {
  IconCalendarEvent,
  IconChecklist,
  IconSettings,
  IconTargetArrow,
  IconUsersGroup,
  type Icon,
} from '@tabler/icons-react'

export interface NavItem {
  to: string
  label: 'nav.sessions' | 'nav.members' | 'nav.agreements' | 'nav.plan' | 'nav.settings'
  icon: Icon
}

/** The sections of the app, in navbar order. */
export const navItems: NavItem[] = [
  { to: '/sesiones', label: 'nav.sessions', icon: IconCalendarEvent },
  { to: '/integrantes', label: 'nav.members', icon: IconUsersGroup },
  { to: '/acuerdos', label: 'nav.agreements', icon: IconChecklist },
  { to: '/plan-de-accion', label: 'nav.plan', icon: IconTargetArrow },
  { to: '/configuracion', label: 'nav.settings', icon: IconSettings },
]
