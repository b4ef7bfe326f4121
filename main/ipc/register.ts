/**
 * Registers every contract operation on ipcMain through one wrapper: calls
 * from frames the app did not create, or that their window may not make, are refused; the rest go to dispatch,
 * which validates input and never lets an exception through.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { channelOf, operationNames } from '../core/contract/operation-names'
import { windowMayCall, type AppWindowKind } from '../core/security/window-access'
import type { HandlerContext } from '../core/ipc/context'
import { dispatch } from '../core/ipc/dispatch'
import { isAppUrl } from '../core/security/navigation'
import type { Result } from '../core/contract/operation'

/** `windowOf` names the app's window that sent the event (null for any other); what each may call is core/security/window-access.ts. */
export function registerHandlers(context: HandlerContext, appUrl: string, windowOf: (event: IpcMainInvokeEvent) => AppWindowKind | null): void {
  for (const name of operationNames) {
    ipcMain.handle(channelOf(name), async (event, input: unknown): Promise<Result<unknown>> => {
      const frame = event.senderFrame
      const kind = windowOf(event)
      if (!frame || frame.parent !== null || kind === null || !isAppUrl(frame.url, appUrl)) {
        return { ok: false, error: { code: 'ORIGEN_NO_PERMITIDO', message: 'Solicitud rechazada: no proviene de la ventana de la aplicación.' } }
      }
      if (!windowMayCall(kind, name)) {
        return { ok: false, error: { code: 'ORIGEN_NO_PERMITIDO', message: 'Solicitud rechazada: esta ventana sólo muestra la proyección y no puede hacer cambios.' } }
      }
      return dispatch(name, input, context)
    })
  }
}
