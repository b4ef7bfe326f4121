/**
 * The Electron shell: lifecycle, single instance, the window, the menu and the
 * bridge. Everything else lives in ./core, which never imports Electron.
 */
import { app, BrowserWindow, dialog, Menu, shell } from 'electron'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { AppError } from './core/errors'
import { JobRegistry } from './core/jobs'
import { APP_PROGRAM } from './core/store/lock'
import { Store } from './core/store/store'
import { parseExternalUrl } from './core/security/external-url'
import { commandLineArguments, resolveDataFile } from './data-location'
import { buildMenu } from './menu'
import { registerHandlers } from './ipc/register'
import { openProjectorWindow, projectorWindow } from './projector-window'
import { createMainWindow, hardenWebContents, rendererUrl } from './window'

let mainWindow: BrowserWindow | null = null

const cliArguments = commandLineArguments(process.argv)
if (cliArguments) {
  runCommandLine(cliArguments)
} else if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents))
  app.on('window-all-closed', () => app.quit())
  void app.whenReady().then(start)
}

async function start(): Promise<void> {
  const dataFile = resolveDataFile(process.argv, process.env, app.getPath('userData'))
  const now = (): Date => new Date()
  let store: Store
  try {
    // The app does not wait for a lock: when another program holds it, the window opens on the lock screen.
    store = await Store.open({ dataFile, now, program: { program: APP_PROGRAM }, whenLocked: 'report' })
  } catch (error) {
    const message = error instanceof AppError ? error.message : 'No se pudo abrir el archivo de datos.'
    dialog.showErrorBox('Secretariado', `${message}\n\nArchivo: ${dataFile}`)
    app.exit(1)
    return
  }
  // Let the last save reach the disk and free the lock before the process ends.
  let closing = false
  app.on('before-quit', (event) => {
    if (closing) return
    closing = true
    event.preventDefault()
    void store.close().finally(() => app.exit(0))
  })

  registerHandlers(
    {
      store,
      version: app.getVersion(),
      now,
      openExternal: async (url: string) => {
        if (parseExternalUrl(url)) await shell.openExternal(url)
      },
      openPath: async (path: string) => {
        const problem = await shell.openPath(path)
        if (problem) throw new AppError('ESCRITURA', `No se pudo abrir el documento en el visor del sistema: ${problem}`)
      },
      jobs: new JobRegistry(),
      openProjector: (sessionId: string) => {
        openProjectorWindow(sessionId)
        return Promise.resolve()
      },
      tempDir: join(app.getPath('temp'), 'secretariado'),
    },
    rendererUrl(),
    (event) => {
      if (mainWindow !== null && event.sender === mainWindow.webContents) return 'principal'
      const projector = projectorWindow()
      return projector !== null && event.sender === projector.webContents ? 'proyeccion' : null
    },
  )
  const showAbout = (): void => {
    void dialog.showMessageBox({
      type: 'info',
      title: 'Acerca de Secretariado',
      message: `Secretariado ${app.getVersion()}`,
      detail: `Secretariado Técnico Local · Gobierno Abierto Jalisco\nArchivo de datos: ${dataFile}`,
    })
  }
  Menu.setApplicationMenu(buildMenu(store.dataFolder, showAbout))
  mainWindow = createMainWindow()
  mainWindow.on('closed', () => {
    mainWindow = null
    // The projector follows the main window: it closes with it.
    projectorWindow()?.close()
  })
}

/**
 * `Secretariado --cli COMMAND …` runs the command line the app ships
 * (out/cli/secretariado.cjs, the same compiled file as `npm run cli`) in this
 * process, with no window, and exits with its status. It takes the data file's
 * own lock like any other program, so it never writes beside an open window.
 */
function runCommandLine(args: string[]): void {
  app.dock?.hide()
  // Everything written reaches the terminal or the pipe before the process ends (writes to a pipe are asynchronous).
  const drained = (stream: NodeJS.WriteStream): Promise<void> => new Promise((resolve) => stream.write('', () => resolve()))
  const finish = (code: number): void => {
    void Promise.all([drained(process.stdout), drained(process.stderr)]).then(() => app.exit(code))
  }
  let cli: { runCli: (argv: string[]) => Promise<number> }
  try {
    cli = createRequire(__filename)(join(__dirname, '../cli/secretariado.cjs')) as typeof cli
  } catch (error) {
    console.error('Error: esta instalación no trae la línea de comandos (out/cli/secretariado.cjs).', error instanceof Error ? error.message : '')
    finish(1)
    return
  }
  cli.runCli(args).then(finish, (error: unknown) => {
    console.error('Error inesperado:', error)
    finish(1)
  })
}
