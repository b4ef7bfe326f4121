/**
 * The boundaries between the processes hold: the sandboxed preload bundles
 * only the operation names (no zod, no schemas), and the lint rule keeps the
 * renderer from taking anything of the core but types and its pure modules.
 */
import { unlink, writeFile } from 'node:fs/promises'
import { join, relative, resolve } from 'node:path'
import { ESLint } from 'eslint'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(__dirname, '../..')

describe('el preload', () => {
  it('empaqueta sólo los nombres de las operaciones: sin zod ni esquemas', async () => {
    const result = await build({ entryPoints: [join(ROOT, 'preload/index.ts')], bundle: true, platform: 'node', format: 'cjs', external: ['electron'], write: false, metafile: true, logLevel: 'silent' })
    const inputs = Object.keys(result.metafile.inputs).map((input) => relative(ROOT, resolve(ROOT, input)))
    expect(inputs.sort()).toEqual(['main/core/contract/operation-names.ts', 'preload/index.ts'])
    const code = result.outputFiles[0]?.text ?? ''
    expect(code).not.toMatch(/zod/i)
    expect(code).toContain('stl:')
    expect(code.length).toBeLessThan(8_000)
  })
})

/** Lints probe files placed where the rules apply, and removes them. */
async function lintProbes(probes: Record<string, string>): Promise<Record<string, string[]>> {
  const files = Object.keys(probes).map((name) => join(ROOT, name))
  try {
    for (const [name, code] of Object.entries(probes)) await writeFile(join(ROOT, name), code)
    const results = await new ESLint({ cwd: ROOT }).lintFiles(files)
    const boundary = (ruleId: string | null) => ruleId !== null && (ruleId.endsWith('no-restricted-imports') || ruleId === 'no-restricted-syntax')
    return Object.fromEntries(results.map((result) => [relative(ROOT, result.filePath), result.messages.filter((message) => boundary(message.ruleId)).map((message) => message.message)]))
  } finally {
    await Promise.all(files.map((file) => unlink(file).catch(() => undefined)))
  }
}

describe('la regla de fronteras del lint', () => {
  it('rechaza en la interfaz un módulo del núcleo que no es puro, Electron y Node; admite tipos y los módulos permitidos', async () => {
    const found = await lintProbes({
      'renderer/src/zz-frontera-mala.ts': [
        "import { Store } from '../../main/core/store/store'",
        "import { ipcRenderer } from 'electron'",
        "import { readFile } from 'node:fs/promises'",
        'export const probe = [Store, ipcRenderer, readFile]',
        '',
      ].join('\n'),
      'renderer/src/zz-frontera-buena.ts': [
        "import type { Store } from '../../main/core/store/store'",
        "import { mexicoDate } from '../../main/core/domain/dates'",
        "import { memberInputSchema } from '../../main/core/contract/operations'",
        'export const probe = (store: Store) => [store.dataFile, mexicoDate, memberInputSchema]',
        '',
      ].join('\n'),
      'renderer/src/zz-frontera-rodeos.ts': [
        "import { createMainWindow } from '../../main'",
        "import { demoData } from '../../test/support/bridge'",
        "export const store = () => import('../../main/core/store/store')",
        "export const computed = (name: string) => import(`../../main/core/${name}`)",
        "export const allowed = () => import('../../main/core/domain/dates')",
        'export const probe = [createMainWindow, demoData]',
        '',
      ].join('\n'),
      'renderer/src/zz-frontera-js.js': ["import { Store } from '../../main/core/store/store'", 'export const probe = Store', ''].join('\n'),
      'preload/zz-frontera.ts': ["import { operations } from '../main/core/contract/operations'", 'export const probe = operations', ''].join('\n'),
    })
    expect(found['renderer/src/zz-frontera-mala.ts']).toHaveLength(3)
    expect(found['renderer/src/zz-frontera-mala.ts']?.[0]).toMatch(/sólo tipos y los módulos puros/)
    expect(found['renderer/src/zz-frontera-buena.ts']).toEqual([])
    // main itself, the tests' wrappers of the core, import() of a core module and import() of a computed path; import() of an allowed module passes.
    expect(found['renderer/src/zz-frontera-rodeos.ts']).toHaveLength(4)
    expect(found['renderer/src/zz-frontera-js.js']).toHaveLength(1)
    expect(found['preload/zz-frontera.ts']?.[0]).toMatch(/operation-names/)
  }, 120_000)
})
