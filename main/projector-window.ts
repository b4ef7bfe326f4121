/**
 * The projector's window: the room's screen (or the shared screen of a hybrid
 * session) shows the session in course, following the live minutes. Full
 * screen on the second display where there is one, otherwise a window beside
 * the main one. The same hardening as the main window (secureWebPreferences,
 * hardenWebContents for every web contents); its renderer may only read the
 * projector's view (core/security/window-access.ts), never change anything.
 */
import { join } from 'node:path'
import { BrowserWindow, screen } from 'electron'
import { secureWebPreferences } from './web-preferences'
import { loadRoute } from './window'

let projector: BrowserWindow | null = null

export function projectorWindow(): BrowserWindow | null {
  return projector
}

/** Opens (or brings back, showing another session) the projector's window. */
export function openProjectorWindow(sessionId: string): void {
  const route = `/proyeccion/${encodeURIComponent(sessionId)}`
  if (projector && !projector.isDestroyed()) {
    loadRoute(projector, route)
    projector.show()
    return
  }
  const primary = screen.getPrimaryDisplay()
  const other = screen.getAllDisplays().find((display) => display.id !== primary.id)
  const area = (other ?? primary).workArea
  const window = new BrowserWindow({
    x: other ? area.x : area.x + 40,
    y: other ? area.y : area.y + 40,
    width: other ? area.width : Math.min(1280, area.width - 80),
    height: other ? area.height : Math.min(720, area.height - 80),
    fullscreen: other !== undefined,
    autoHideMenuBar: true,
    show: false,
    title: 'Secretariado · Proyección',
    backgroundColor: '#000000',
    webPreferences: secureWebPreferences(join(__dirname, '../preload/index.cjs')),
  })
  window.setMenu(null)
  window.once('ready-to-show', () => window.show())
  window.on('closed', () => (projector = null))
  loadRoute(window, route)
  projector = window
}
