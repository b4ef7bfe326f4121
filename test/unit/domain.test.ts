import { describe, expect, it } from 'vitest'
import { longSpanishDate, mexicoDate, mexicoTime } from '../../main/core/domain/dates'
import { agreementState, commitmentProgress, completionLevel, isMilestoneOverdue } from '../../main/core/domain/progress'
import { feminineOrdinal, sessionKey, sessionTitle } from '../../main/core/domain/session-title'
import { foldCharacter, foldForSearch } from '../../main/core/domain/text'

describe('títulos y claves de sesión', () => {
  it.each([
    [1, 'Primera'],
    [3, 'Tercera'],
    [7, 'Séptima'],
    [10, 'Décima'],
    [11, 'Décima Primera'],
    [12, 'Décima Segunda'],
    [20, 'Vigésima'],
    [23, 'Vigésima Tercera'],
    [99, 'Nonagésima Novena'],
  ])('%i → %s', (n, words) => expect(feminineOrdinal(n)).toBe(words))

  it('rechaza números fuera de rango', () => {
    expect(() => feminineOrdinal(0)).toThrow(RangeError)
    expect(() => feminineOrdinal(100)).toThrow(RangeError)
    expect(() => feminineOrdinal(2.5)).toThrow(RangeError)
  })

  it('forma el título y la clave', () => {
    expect(sessionTitle({ type: 'ordinaria', number: 3, year: 2026 })).toBe('Tercera Sesión Ordinaria 2026')
    expect(sessionTitle({ type: 'extraordinaria', number: 1, year: 2025 })).toBe('Primera Sesión Extraordinaria 2025')
    expect(sessionKey('STL', { type: 'ordinaria', number: 3, year: 2026 })).toBe('STL-SO03-2026')
    expect(sessionKey('STL', { type: 'extraordinaria', number: 12, year: 2026 })).toBe('STL-SE12-2026')
  })
})

describe('plegado de texto para buscar', () => {
  it('sin acentos ni mayúsculas; ñ se vuelve n', () => {
    expect(foldForSearch('  Sesión de Zúñiga ')).toBe('sesion de zuniga')
    expect(foldForSearch('Ñ')).toBe(foldForSearch('n'))
  })
  it('carácter por carácter coincide con el texto entero y conserva los espacios, para ubicar lo encontrado', () => {
    const text = 'Tlajomulco de Zúñiga, ÁREA e\u0301'
    expect([...text].map(foldCharacter).join('')).toBe(foldCharacter(text))
    expect(foldCharacter(' ')).toBe(' ')
    expect(foldCharacter(text).trim()).toBe(foldForSearch(text))
  })
})

describe('fechas en la zona de Guadalajara', () => {
  it('usa America/Mexico_City aunque la máquina esté en UTC', () => {
    // 02:30 UTC on the 27th is still the evening of the 26th in Guadalajara.
    const instant = new Date('2026-11-27T02:30:00Z')
    expect(mexicoDate(instant)).toBe('2026-11-26')
    expect(mexicoTime(instant)).toBe('20:30')
  })
  it('escribe fechas largas en español', () => {
    expect(longSpanishDate('2026-11-26')).toBe('jueves 26 de noviembre de 2026')
    expect(longSpanishDate('2026-01-01')).toBe('jueves 1 de enero de 2026')
  })
})

describe('avance de compromisos', () => {
  it('promedia el avance de los hitos por su peso', () => {
    expect(commitmentProgress([])).toBe(0)
    expect(commitmentProgress([{ progress: 100, weight: 1 }, { progress: 0, weight: 1 }])).toBe(50)
    expect(commitmentProgress([{ progress: 100, weight: 3 }, { progress: 0, weight: 1 }])).toBe(75)
    expect(commitmentProgress([{ progress: 33, weight: 1 }, { progress: 34, weight: 2 }])).toBe(34)
  })
  it.each([
    [0, 'no-iniciado'],
    [1, 'limitado'],
    [49, 'limitado'],
    [50, 'sustancial'],
    [99, 'sustancial'],
    [100, 'completo'],
  ] as const)('%i %% → %s', (progress, level) => expect(completionLevel(progress)).toBe(level))

  it('marca hitos vencidos sólo si no están completados', () => {
    expect(isMilestoneOverdue({ dueDate: '2026-11-25', status: 'en-proceso' }, '2026-11-26')).toBe(true)
    expect(isMilestoneOverdue({ dueDate: '2026-11-25', status: 'completado' }, '2026-11-26')).toBe(false)
    expect(isMilestoneOverdue({ dueDate: '2026-11-26', status: 'no-iniciado' }, '2026-11-26')).toBe(false)
  })
})

describe('acuerdos vencidos', () => {
  const today = '2026-11-26'
  it.each([
    ['pendiente', '2026-11-25', 'vencido'],
    ['en-proceso', '2026-10-01', 'vencido'],
    ['pendiente', '2026-11-26', 'pendiente'],
    ['pendiente', null, 'pendiente'],
    ['cumplido', '2026-01-01', 'cumplido'],
    ['cancelado', '2026-01-01', 'cancelado'],
  ] as const)('%s con fecha %s → %s', (status, dueDate, state) => expect(agreementState({ status, dueDate }, today)).toBe(state))
})
