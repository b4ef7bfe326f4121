import type { JobRegistry } from '../jobs'
import type { Store } from '../store/store'

/** What a handler may use. Side effects that need Electron arrive as functions. */
export interface HandlerContext {
  store: Store
  version: string
  now: () => Date
  openExternal: (url: string) => Promise<void>
  /** Opens a file with the system's default program (the PDF viewer). */
  openPath: (path: string) => Promise<void>
  jobs: JobRegistry
  /** Opens the projector's window for a session in course (Electron only: a second window, on the second display where there is one). */
  openProjector?: (sessionId: string) => Promise<void>
  /** Where the PDF fonts are; by default found from the source or build. */
  fontsDir?: string
  /** A folder for files handed to other programs (documents opened in the viewer). */
  tempDir: string
}
