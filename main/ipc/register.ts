/**
 * Registers every contract operation on ipcMain through one wrapper: calls
 * from frames the app did not create are refused; the rest go to dispatch,
 * which validates input and never lets an exception through.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { channelOf, operationNames } from '../core/contract/operation-names'
import type { HandlerContext } from '../core/ipc/context'
import { dispatch } from '../core/ipc/dispatch'
import { isAppUrl } from '../core/security/navigation'
import type { Result } from '../core/contract/operation'

export function registerHandlers(context: HandlerContext, appUrl: string, isOwnWindow: (event: IpcMainInvokeEvent) => boolean): void {
  for (const name of operationNames) {
    ipcMain.handle(channelOf(name), async (event, input: unknown): Promise<Result<unknown>> => {
      const frame = event.senderFrame
      if (!frame || frame.parent !== null || !isOwnWindow(event) || !isAppUrl(frame.url, appUrl)) {
        return { ok: false, error: { code: 'ORIGEN_NO_PERMITIDO', message: 'Solicitud rechazada: no proviene de la ventana de la aplicación.' } }
      }
      return dispatch(name, input, context)
    })
  }
}
