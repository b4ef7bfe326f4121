/**
 * The invitation's version follows the session: moving a convened session or
 * cancelling it raises SEQUENCE; a draft's edits do not; an older data file
 * gains version 0; `npm run cli -- ics` writes the request or the cancellation.
 */
import { spawnSync } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { movesInvitation } from '../../main/core/domain/invitations'
import type { Session } from '../../main/core/model/schema'
import { migrate } from '../../main/core/store/migrations'
import { readDataFile } from '../../main/core/store/read-data-file'
import { openBridge, writeDemoData } from '../support/bridge'
import { CLI } from '../support/cli'
import { TODAY } from '../support/clock'
import { tempFolder } from './helpers'

const ROOT = resolve(__dirname, '../..')

function fieldsOf(session: Session) {
  const { date, startTime, endTime, modality, venue, link, chairId, secretaryId } = session
  return { id: session.id, date, startTime, endTime, modality, venue, link, chairId, secretaryId }
}

describe('versión de la invitación de calendario', () => {
  it('sube al mover una sesión convocada y al cancelarla; no en borrador ni al cambiar otros datos', async () => {
    const folder = await tempFolder()
    const dataFile = join(folder, 'datos.json')
    await writeDemoData(dataFile, { sessions: 4, seed: 3 })
    const bridge = await openBridge(dataFile)
    try {
      const convened = bridge.store.data.sessions.find((session) => session.status === 'convocada')
      if (!convened) throw new Error('sin sesión convocada en los datos de prueba')
      expect(convened.invitationSequence).toBe(0)
      const fields = fieldsOf(convened)
      // The same schedule with another chair: the invitation does not change.
      const other = bridge.store.data.members.find((member) => member.active && member.id !== fields.chairId)
      await bridge.call('updateSession', { ...fields, chairId: other?.id ?? null })
      expect(bridge.store.data.sessions.find((session) => session.id === convened.id)?.invitationSequence).toBe(0)
      await bridge.call('updateSession', { ...fields, chairId: other?.id ?? null, startTime: '11:30' })
      expect(bridge.store.data.sessions.find((session) => session.id === convened.id)?.invitationSequence).toBe(1)
      await bridge.call('updateSession', { ...fields, chairId: other?.id ?? null, startTime: '11:30', venue: 'Sala de juntas B' })
      expect(bridge.store.data.sessions.find((session) => session.id === convened.id)?.invitationSequence).toBe(2)
      await bridge.call('changeSessionStatus', { id: convened.id, status: 'cancelada', reason: 'Se reprograma por el informe anual' })
      expect(bridge.store.data.sessions.find((session) => session.id === convened.id)?.invitationSequence).toBe(3)
    } finally {
      await bridge.store.close()
    }
  })

  it('sólo una sesión convocada mueve su invitación', () => {
    const base = { date: '2026-12-09', startTime: '10:00', endTime: null, venue: 'Casa Jalisco', link: '', modality: 'presencial' as const }
    expect(movesInvitation({ ...base, status: 'borrador' }, { ...base, date: '2026-12-10' })).toBe(false)
    expect(movesInvitation({ ...base, status: 'convocada' }, { ...base })).toBe(false)
    expect(movesInvitation({ ...base, status: 'convocada' }, { ...base, endTime: '12:00' })).toBe(true)
    expect(movesInvitation({ ...base, status: 'convocada' }, { ...base, modality: 'hibrida' })).toBe(true)
  })

  it('un archivo del esquema 5 gana la versión 0 en cada sesión', () => {
    const migrated = migrate({ schemaVersion: 5, sessions: [{ id: 'a' }, { id: 'b', invitationSequence: 4 }] }, 6)
    expect(migrated).toEqual({ schemaVersion: 6, sessions: [{ id: 'a', invitationSequence: 0 }, { id: 'b', invitationSequence: 4 }] })
  })

  it('ics escribe la invitación de la próxima sesión y, cancelada, su cancelación; no toca el archivo de datos', async () => {
    const folder = await tempFolder()
    const dataFile = join(folder, 'datos.json')
    await writeDemoData(dataFile, { sessions: 4, seed: 3 })
    const pristine = await readFile(dataFile)
    const out = join(folder, 'invitacion.ics')
    const made = spawnSync(process.execPath, [CLI, 'ics', dataFile, '--session', 'next', '--out', out, '--today', TODAY], { encoding: 'utf8', cwd: ROOT })
    expect(made.status, made.stderr).toBe(0)
    expect(made.stdout).toMatch(/^Invitación a la .+ \(versión 0\) escrita en /)
    const text = await readFile(out, 'utf8')
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/)
    expect(text).toContain('\r\nMETHOD:REQUEST\r\n')
    expect((await readFile(dataFile)).equals(pristine)).toBe(true)

    const data = await readDataFile(dataFile)
    const cancelled = data.sessions.find((session) => session.status === 'cancelada')
    if (cancelled) {
      const gone = spawnSync(process.execPath, [CLI, 'ics', dataFile, '--session', cancelled.id, '--out', out, '--today', TODAY], { encoding: 'utf8', cwd: ROOT })
      expect(gone.status, gone.stderr).toBe(0)
      expect(await readFile(out, 'utf8')).toContain('\r\nMETHOD:CANCEL\r\n')
    }
    const held = data.sessions.find((session) => session.status === 'concluida' || session.status === 'firmada')
    if (!held) throw new Error('sin sesión celebrada en los datos de prueba')
    const refused = spawnSync(process.execPath, [CLI, 'ics', dataFile, '--session', held.id, '--out', out], { encoding: 'utf8', cwd: ROOT })
    expect(refused.status).toBe(1)
    expect(refused.stderr).toMatch(/la invitación es para una sesión que aún no se celebra/)
    const usage = spawnSync(process.execPath, [CLI, 'ics', dataFile, '--session', 'next'], { encoding: 'utf8', cwd: ROOT })
    expect(usage.status).toBe(2)
    expect(usage.stderr).toMatch(/Falta --out ARCHIVO\.ics/)
  })
})
