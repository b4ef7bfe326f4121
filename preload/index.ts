/**
 * The renderer's only door to main: one function per contract operation on
 * `window.api`, each a single `ipcRenderer.invoke` on the operation's channel.
 * `ipcRenderer` itself is never exposed.
 */
import { contextBridge, ipcRenderer } from 'electron'
import { channelOf, operationNames } from '../main/core/contract/operation-names'
import type { Api } from '../main/core/contract/operations'

const api = Object.fromEntries(
  operationNames.map((name) => [name, (input?: unknown) => ipcRenderer.invoke(channelOf(name), input)]),
) as Api

contextBridge.exposeInMainWorld('api', api)
