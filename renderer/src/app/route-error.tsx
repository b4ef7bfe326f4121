import { isRouteErrorResponse, useRouteError } from 'react-router'
import { useEffect } from 'react'
import { CrashNotice } from './crash-notice'
import { NotFoundPage } from './not-found-page'

/** The router's errorElement: a 404 reads as "not found", anything else as a crash. */
export function RouteError() {
  const error = useRouteError()
  useEffect(() => {
    if (!isRouteErrorResponse(error)) console.error('Error de ruta', error)
  }, [error])
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />
  return <CrashNotice onRetry={() => window.location.reload()} />
}
