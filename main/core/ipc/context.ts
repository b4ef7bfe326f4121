import type { Store } from '../store/store'

/** What a handler may use. Side effects that need Electron arrive as functions. */
export interface HandlerContext {
  store: Store
  version: string
  now: () => Date
  openExternal: (url: string) => Promise<void>
}
