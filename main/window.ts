/**
 * The main window with Electron's security checklist applied: isolated,
 * sandboxed renderer without Node; no new windows; no navigation away from
 * the app; no permissions; external links only through the validator.
 */
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { app, BrowserWindow, shell, type WebContents } from 'electron'
import { parseExternalUrl } from './core/security/external-url'
import { isAppUrl } from './core/security/navigation'
import { secureWebPreferences } from './web-preferences'

export function rendererUrl(): string {
  const dev = process.env.ELECTRON_RENDERER_URL
  return dev && !app.isPackaged ? dev : pathToFileURL(join(__dirname, '../renderer/index.html')).href
}

/** Loads the renderer at a route (`''` for the start, `/proyeccion/ID` for the projector). */
export function loadRoute(window: BrowserWindow, route: string): void {
  const url = rendererUrl()
  if (url.startsWith('file://')) void window.loadFile(join(__dirname, '../renderer/index.html'), route ? { hash: route } : undefined)
  else void window.loadURL(route ? `${url}#${route}` : url)
}

export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1360,
    height: 880,
    minWidth: 1024,
    minHeight: 680,
    show: false,
    title: 'Secretariado',
    backgroundColor: '#f6f8fa',
    webPreferences: secureWebPreferences(join(__dirname, '../preload/index.cjs')),
  })
  window.once('ready-to-show', () => window.show())
  loadRoute(window, '')
  return window
}

/** Applied to every web contents the app ever creates. */
export function hardenWebContents(contents: WebContents): void {
  const appUrl = rendererUrl()
  contents.setWindowOpenHandler(({ url }) => {
    const external = parseExternalUrl(url)
    if (external) void shell.openExternal(external.href)
    return { action: 'deny' }
  })
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appUrl)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, appUrl)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  contents.session.setPermissionCheckHandler(() => false)
}
