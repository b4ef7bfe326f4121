import {
  IconCalendarEvent,
  IconChecklist,
  IconHistory,
  IconLayoutDashboard,
  IconPackage,
  IconSettings,
  IconShieldCheck,
  IconTargetArrow,
  IconUsersGroup,
  type Icon,
} from '@tabler/icons-react'

export interface NavItem {
  to: string
  label: 'nav.sessions' | 'nav.members' | 'nav.agreements' | 'nav.plan' | 'nav.settings' | 'memberReview.nav' | 'verify.nav' | 'navFollowUp.dashboard' | 'navFollowUp.audit'
  icon: Icon
}

/** The sections of the app, in navbar order. */
export const navItems: NavItem[] = [
  { to: '/sesiones', label: 'nav.sessions', icon: IconCalendarEvent },
  { to: '/tablero', label: 'navFollowUp.dashboard', icon: IconLayoutDashboard },
  { to: '/integrantes', label: 'nav.members', icon: IconUsersGroup },
  { to: '/acuerdos', label: 'nav.agreements', icon: IconChecklist },
  { to: '/plan-de-accion', label: 'nav.plan', icon: IconTargetArrow },
  { to: '/revision', label: 'memberReview.nav', icon: IconPackage },
  { to: '/verificar', label: 'verify.nav', icon: IconShieldCheck },
  { to: '/bitacora', label: 'navFollowUp.audit', icon: IconHistory },
  { to: '/configuracion', label: 'nav.settings', icon: IconSettings },
]
