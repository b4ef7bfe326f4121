/**
 * Routes. A hash router, because Electron loads the renderer from file://
 * where path-based URLs would point at files.
 */
import { lazy, Suspense } from 'react'
import { createHashRouter, Navigate } from 'react-router'
import { SessionsPage } from '../sessions/sessions-page'
import { NotFoundPage } from './not-found-page'
import { RouteError } from './route-error'
import { Shell } from './shell'

/*
 * The sessions list is the first screen and comes with the app; every other
 * screen is its own chunk, loaded the first time it is opened (the shell shows
 * a loader meanwhile). The charts come only with the dashboard, pdf.js only
 * with the screens that preview a PDF.
 */
const DashboardPage = lazy(() => import('../dashboard/dashboard-page').then((module) => ({ default: module.DashboardPage })))
const SessionDetailPage = lazy(() => import('../sessions/session-detail-page').then((module) => ({ default: module.SessionDetailPage })))
const MinutesPage = lazy(() => import('../minutes/minutes-page').then((module) => ({ default: module.MinutesPage })))
const MembersPage = lazy(() => import('../members/members-page').then((module) => ({ default: module.MembersPage })))
const AgreementsPage = lazy(() => import('../agreements/agreements-page').then((module) => ({ default: module.AgreementsPage })))
const PlanPage = lazy(() => import('../plan/plan-page').then((module) => ({ default: module.PlanPage })))
const MemberReviewPage = lazy(() => import('../packets/member-review-page').then((module) => ({ default: module.MemberReviewPage })))
const VerifyPage = lazy(() => import('../signing/verify-page').then((module) => ({ default: module.VerifyPage })))
const SignReceivedPage = lazy(() => import('../signing/sign-received-page').then((module) => ({ default: module.SignReceivedPage })))
const AuditPage = lazy(() => import('../audit/audit-page').then((module) => ({ default: module.AuditPage })))
const SettingsPage = lazy(() => import('../settings/settings-page').then((module) => ({ default: module.SettingsPage })))
const ProjectorPage = lazy(() => import('../projector/projector-page').then((module) => ({ default: module.ProjectorPage })))

/** Outside the shell there is no loader of its own: the projector's chunk loads on the projector's dark screen. */
function ProjectorRoute() {
  return (
    <Suspense fallback={<div style={{ minHeight: '100dvh', background: '#080b10' }} />}>
      <ProjectorPage />
    </Suspense>
  )
}

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
    // The projector's window: the room's screen, outside the shell (no navigation, no controls).
    { path: '/proyeccion/:id', element: <ProjectorRoute />, errorElement: <RouteError /> },
  ])
}
