/**
 * Security audit in CI: runs Electronegativity over the app's sources and
 * fails on any finding not explained in electronegativity-allowlist.json.
 * `npm run audit:security`.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const root = resolve(__dirname, '../..')
const work = mkdtempSync(join(tmpdir(), 'secretariado-audit-'))
try {
  // Only the app's own sources: main, preload and renderer (without dependencies).
  for (const part of ['main', 'preload', 'renderer', 'package.json']) {
    cpSync(join(root, part), join(work, 'src', part), { recursive: true, filter: (source) => !source.includes('node_modules') })
  }
  const report = join(work, 'report.csv')
  const electronVersion = (JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version
  const run = spawnSync(join(root, 'node_modules/.bin/electronegativity'), ['-i', join(work, 'src'), '-r', '-v', 'false', '-e', electronVersion, '-o', report], { encoding: 'utf8' })
  if (run.status !== 0) {
    console.error(run.stdout, run.stderr)
    throw new Error('Electronegativity no pudo ejecutarse.')
  }
  // Each finding starts a line with its short quoted fields (issue, severity, confidence, file,
  // location); the sample after them is source text, which may hold quotes, «;» or line breaks,
  // so it is never parsed.
  const FINDING = /^([A-Z_]+),"([A-Z]+)","([A-Z]+)","([^"\n]+)","([^"\n]*)"/gm
  const rows = [...readFileSync(report, 'utf8').matchAll(FINDING)].map(([, issue, severity, , filename, location]) => ({ issue, severity, filename, location }))
  const allowlist = JSON.parse(readFileSync(join(__dirname, 'electronegativity-allowlist.json'), 'utf8')) as Record<string, string>
  const unexplained: string[] = []
  console.log(`Electronegativity ${electronVersion}: ${rows.length} hallazgos.`)
  for (const row of rows) {
    const key = `${row.issue} ${row.filename}`
    const explanation = allowlist[key]
    console.log(`- ${key} (${row.location}, ${row.severity?.replace(/"/g, '')}): ${explanation ?? 'SIN EXPLICACIÓN'}`)
    if (!explanation) unexplained.push(key)
  }
  if (unexplained.length > 0) {
    console.error(`\nHallazgos sin explicar: ${unexplained.join(', ')}. Corríjalos o documente por qué no aplican en test/security/electronegativity-allowlist.json.`)
    process.exitCode = 1
  }
} finally {
  rmSync(work, { recursive: true, force: true })
}
