/**
 * The fonts every document embeds. PDF/A forbids the standard 14 fonts
 * (Helvetica…), which pdfkit cannot embed, so every glyph comes from the
 * DejaVu TTFs shipped in `resources/fonts/` with their licence.
 *
 * The folder is found from the source tree (tsx, vitest), from the built main
 * process (`out/main`), or from the packaged app's resources folder, unless the
 * caller passes it explicitly.
 */
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { AppError } from '../errors'

export const FONT_FILES = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
  condensed: 'DejaVuSansCondensed.ttf',
  condensedBold: 'DejaVuSansCondensed-Bold.ttf',
} as const

export type FontName = keyof typeof FONT_FILES

export const FONT_NAMES = Object.keys(FONT_FILES) as FontName[]

function candidateFolders(): string[] {
  const folders: string[] = []
  // Electron sets process.resourcesPath; the installer copies the fonts there (extraResources).
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath
  if (resourcesPath) folders.push(join(resourcesPath, 'fonts'), join(resourcesPath, 'resources', 'fonts'))
  // From main/core/documents (source) or out/main (build), walk up to the repository root.
  let dir = typeof __dirname === 'string' ? __dirname : process.cwd()
  for (let depth = 0; depth < 6; depth++) {
    folders.push(join(dir, 'resources', 'fonts'))
    const parent = dirname(dir)
    if (parent === dir) break
    dir = parent
  }
  folders.push(join(process.cwd(), 'resources', 'fonts'))
  return folders
}

/** The first folder that holds every font the documents use. */
export function defaultFontsDir(): string {
  const found = candidateFolders().find((folder) => hasAllFonts(folder))
  if (!found) {
    throw new AppError('LECTURA', 'No se encontraron las fuentes tipográficas de los documentos (resources/fonts). Reinstale la aplicación.')
  }
  return found
}

export function hasAllFonts(folder: string): boolean {
  return FONT_NAMES.every((name) => existsSync(join(folder, FONT_FILES[name])))
}

/** Absolute paths of the fonts in `fontsDir`, refusing a folder that lacks any of them. */
export function fontPaths(fontsDir: string): Record<FontName, string> {
  if (!hasAllFonts(fontsDir)) {
    throw new AppError('LECTURA', `Faltan fuentes tipográficas en ${fontsDir}: se necesitan ${Object.values(FONT_FILES).join(', ')}.`)
  }
  return Object.fromEntries(FONT_NAMES.map((name) => [name, join(fontsDir, FONT_FILES[name])])) as Record<FontName, string>
}
