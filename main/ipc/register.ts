/**
 * Registers every contract operation on ipcMain through one wrapper: calls
 * from frames the app did not create, or that their window may not make, are refused; the rest go to dispatch,
 * which validates input and never lets an exception through.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { channelOf, operationNames, type OperationName } from '../core/contract/operation-names'
import type { HandlerContext } from '../core/ipc/context'
import { dispatch } from '../core/ipc/dispatch'
import { isAppUrl } from '../core/security/navigation'
import type { Result } from '../core/contract/operation'

/** `mayCall` says whether the window that sent the event may call the operation (the main window all, the projector only what it reads). */
export function registerHandlers(context: HandlerContext, appUrl: string, mayCall: (event: IpcMainInvokeEvent, name: OperationName) => boolean): void {
  for (const name of operationNames) {
    ipcMain.handle(channelOf(name), async (event, input: unknown): Promise<Result<unknown>> => {
      const frame = event.senderFrame
      if (!frame || frame.parent !== null || !mayCall(event, name) || !isAppUrl(frame.url, appUrl)) {
        return { ok: false, error: { code: 'ORIGEN_NO_PERMITIDO', message: 'Solicitud rechazada: no proviene de la ventana de la aplicación.' } }
      }
      return dispatch(name, input, context)
    })
  }
}
