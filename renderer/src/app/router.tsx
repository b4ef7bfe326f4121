/**
 * Routes. A hash router, because Electron loads the renderer from file://
 * where path-based URLs would point at files.
 */
import { createHashRouter, Navigate } from 'react-router'
import { AgreementsPage } from '../agreements/agreements-page'
import { AuditPage } from '../audit/audit-page'
import { DashboardPage } from '../dashboard/dashboard-page'
import { MembersPage } from '../members/members-page'
import { MinutesPage } from '../minutes/minutes-page'
import { MemberReviewPage } from '../packets/member-review-page'
import { PlanPage } from '../plan/plan-page'
import { SessionDetailPage } from '../sessions/session-detail-page'
import { SessionsPage } from '../sessions/sessions-page'
import { SettingsPage } from '../settings/settings-page'
import { SignReceivedPage } from '../signing/sign-received-page'
import { VerifyPage } from '../signing/verify-page'
import { NotFoundPage } from './not-found-page'
import { RouteError } from './route-error'
import { Shell } from './shell'

export function createRouter() {
  return createHashRouter([
    {
      path: '/',
      element: <Shell />,
      errorElement: <RouteError />,
      children: [
        { index: true, element: <Navigate to="/sesiones" replace /> },
        { path: 'sesiones', element: <SessionsPage /> },
        { path: 'tablero', element: <DashboardPage /> },
        { path: 'sesiones/:id', element: <SessionDetailPage /> },
        { path: 'sesiones/:id/minuta', element: <MinutesPage /> },
        { path: 'integrantes', element: <MembersPage /> },
        { path: 'acuerdos', element: <AgreementsPage /> },
        { path: 'plan-de-accion', element: <PlanPage /> },
        { path: 'revision', element: <MemberReviewPage /> },
        { path: 'verificar', element: <VerifyPage /> },
        { path: 'firmar', element: <SignReceivedPage /> },
        { path: 'bitacora', element: <AuditPage /> },
        { path: 'configuracion', element: <SettingsPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ])
}
