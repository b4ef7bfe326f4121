import {
  IconCalendarEvent,
  IconChecklist,
  IconHistory,
  IconLayoutDashboard,
  IconPackage,
  IconSettings,
  IconShieldCheck,
  IconSignature,
  IconTargetArrow,
  IconUsersGroup,
  type Icon,
} from '@tabler/icons-react'

export interface NavItem {
  to: string
  label: 'nav.sessions' | 'nav.members' | 'nav.agreements' | 'nav.plan' | 'nav.settings' | 'nav.memberReview' | 'nav.verify' | 'nav.signReceived' | 'nav.dashboard' | 'nav.audit'
  icon: Icon
}

/** The sections of the app, in navbar order. */
export const navItems: NavItem[] = [
  { to: '/sesiones', label: 'nav.sessions', icon: IconCalendarEvent },
  { to: '/tablero', label: 'nav.dashboard', icon: IconLayoutDashboard },
  { to: '/integrantes', label: 'nav.members', icon: IconUsersGroup },
  { to: '/acuerdos', label: 'nav.agreements', icon: IconChecklist },
  { to: '/plan-de-accion', label: 'nav.plan', icon: IconTargetArrow },
  { to: '/revision', label: 'nav.memberReview', icon: IconPackage },
  { to: '/verificar', label: 'nav.verify', icon: IconShieldCheck },
  { to: '/firmar', label: 'nav.signReceived', icon: IconSignature },
  { to: '/bitacora', label: 'nav.audit', icon: IconHistory },
  { to: '/configuracion', label: 'nav.settings', icon: IconSettings },
]
