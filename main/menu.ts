/** The application menu, in Spanish. */
import { app, Menu, shell, type MenuItemConstructorOptions } from 'electron'

export function buildMenu(dataFolder: string, showAbout: () => void): Menu {
  const isMac = process.platform === 'darwin'
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ label: app.name, submenu: [{ role: 'about' as const, label: 'Acerca de Secretariado' }, { type: 'separator' as const }, { role: 'hide' as const, label: 'Ocultar' }, { role: 'quit' as const, label: 'Salir' }] }] : []),
    {
      label: 'Archivo',
      submenu: [
        { label: 'Abrir carpeta de datos', click: () => void shell.openPath(dataFolder) },
        { type: 'separator' },
        isMac ? { role: 'close', label: 'Cerrar ventana' } : { role: 'quit', label: 'Salir' },
      ],
    },
    {
      label: 'Edición',
      submenu: [
        { role: 'undo', label: 'Deshacer' },
        { role: 'redo', label: 'Rehacer' },
        { type: 'separator' },
        { role: 'cut', label: 'Cortar' },
        { role: 'copy', label: 'Copiar' },
        { role: 'paste', label: 'Pegar' },
        { role: 'selectAll', label: 'Seleccionar todo' },
      ],
    },
    {
      label: 'Ver',
      submenu: [
        { role: 'reload', label: 'Recargar' },
        { type: 'separator' },
        { role: 'resetZoom', label: 'Tamaño real' },
        { role: 'zoomIn', label: 'Acercar' },
        { role: 'zoomOut', label: 'Alejar' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: 'Pantalla completa' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const, label: 'Herramientas de desarrollo' }]),
      ],
    },
    { label: 'Ventana', submenu: [{ role: 'minimize', label: 'Minimizar' }, { role: 'zoom', label: 'Zoom' }] },
    { label: 'Ayuda', submenu: [{ label: 'Acerca de Secretariado', click: showAbout }] },
  ]
  return Menu.buildFromTemplate(template)
}
