import { join } from 'node:path'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { operationNames, operations, type InputOf, type OperationName, type OutputOf } from '../../main/core/contract/operations'
import { dispatch } from '../../main/core/ipc/dispatch'
import { handlers } from '../../main/core/ipc/handlers'
import { Store } from '../../main/core/store/store'
import { fixedClock } from '../support/clock'
import { bytesOf, handlerContext, tempFolder } from './helpers'

type IsAny<T> = 0 extends 1 & T ? true : false
type AnyInContract = {
  [K in OperationName]: IsAny<OutputOf<K>> extends true ? K : IsAny<InputOf<K>> extends true ? K : never
}[OperationName]

const validMember = {
  fullName: 'Mtra. Ana Lucía Ramírez Íñiguez',
  position: 'Directora de Gobierno Abierto',
  institution: 'Coordinación General de Transparencia',
  sector: 'gobierno-estatal',
  municipality: null,
  role: 'titular',
  substituteFor: null,
  voting: 'voz-y-voto',
  email: 'ana.ramirez@example.org',
  phone: '33 1234 5678',
} as const

async function setup() {
  const folder = await tempFolder()
  const dataFile = join(folder, 'secretariado.json')
  const store = await Store.open({ dataFile, now: fixedClock() })
  return { store, dataFile, context: handlerContext(store) }
}

describe('contrato del puente', () => {
  it('no tiene `any` en entradas ni salidas', () => {
    expectTypeOf<AnyInContract>().toEqualTypeOf<never>()
  })
  it('cada operación tiene exactamente un manejador', () => {
    expect(Object.keys(handlers).sort()).toEqual([...operationNames].sort())
    for (const name of operationNames) expect(operations[name].input).toBeDefined()
  })
})

describe('dispatch', () => {
  it('crea un integrante y lo guarda en disco', async () => {
    const { store, context, dataFile } = await setup()
    const result = await dispatch('createMember', validMember, context)
    expect(result.ok).toBe(true)
    await store.close()
    const reopened = await Store.open({ dataFile, now: fixedClock() })
    expect(reopened.data.members.map((m) => m.fullName)).toEqual([validMember.fullName])
    expect(reopened.data.audit.at(-1)?.summary).toMatch(/Alta de Mtra. Ana Lucía/)
    await reopened.close()
  })

  it('rechaza operaciones desconocidas', async () => {
    const { store, context } = await setup()
    for (const name of ['noExiste', '__proto__', 'constructor', 'toString', 42, null]) {
      expect(await dispatch(name, undefined, context)).toEqual({ ok: false, error: { code: 'OPERACION_DESCONOCIDA', message: 'Operación desconocida.' } })
    }
    await store.close()
  })

  it.each([
    ['sin nombre', { ...validMember, fullName: '  ' }, /El nombre es obligatorio/],
    ['correo mal escrito', { ...validMember, email: 'ana@' }, /Correo electrónico no válido/],
    ['sector inexistente', { ...validMember, sector: 'iglesia' }, /sector/],
    ['campo extra', { ...validMember, admin: true }, /campos no reconocidos: admin/],
    ['tipo equivocado', { ...validMember, municipality: 5 }, /municipality/],
    ['nada', undefined, /se esperaba un objeto|falta el valor/],
    ['una lista', [validMember], /se esperaba un objeto/],
  ])('entrada mal formada (%s) → error de validación en español, archivo intacto', async (_label, input, message) => {
    const { store, context, dataFile } = await setup()
    const before = await bytesOf(dataFile)
    const result = await dispatch('createMember', input, context)
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDACION' } })
    expect(result.ok ? null : result.error.message).toMatch(message)
    expect(await bytesOf(dataFile)).toEqual(before)
    await store.close()
  })

  it('las reglas se rechazan con mensaje en español y sin cambios', async () => {
    const { store, context, dataFile } = await setup()
    const created = await dispatch('createMember', validMember, context)
    if (!created.ok) throw new Error(created.error.message)
    const before = await bytesOf(dataFile)
    expect(await dispatch('createMember', { ...validMember, role: 'suplente' }, context)).toMatchObject({ ok: false, error: { code: 'REGLA', message: 'Indique a qué titular suple este integrante.' } })
    expect(await dispatch('createMember', { ...validMember, role: 'suplente', substituteFor: 'int-nadie' }, context)).toMatchObject({ ok: false, error: { code: 'NO_ENCONTRADO' } })
    expect(await dispatch('updateMember', { id: 'int-nadie', member: validMember }, context)).toMatchObject({ ok: false, error: { code: 'NO_ENCONTRADO', message: 'El integrante no existe.' } })
    expect(await dispatch('getSession', { id: 'ses-nada' }, context)).toMatchObject({ ok: false, error: { code: 'NO_ENCONTRADO', message: 'La sesión no existe.' } })
    expect(await dispatch('openExternal', { url: 'file:///etc/passwd' }, context)).toMatchObject({ ok: false, error: { code: 'VALIDACION' } })
    expect(await bytesOf(dataFile)).toEqual(before)
    await store.close()
  })

  it('un integrante del sector municipal indica su municipio: al crearlo y al editarlo, sin cambios en el archivo', async () => {
    const { store, context, dataFile } = await setup()
    const created = await dispatch('createMember', validMember, context)
    if (!created.ok) throw new Error(created.error.message)
    const { id } = created.value as OutputOf<'createMember'>
    const before = await bytesOf(dataFile)
    const municipal = { ...validMember, institution: 'Ayuntamiento de Zapopan', sector: 'municipio', municipality: null }
    expect(await dispatch('createMember', municipal, context)).toEqual({
      ok: false,
      error: { code: 'VALIDACION', message: 'Datos no válidos: Elija el municipio que representa.' },
    })
    expect(await dispatch('updateMember', { id, member: municipal }, context)).toEqual({
      ok: false,
      error: { code: 'VALIDACION', message: 'Datos no válidos: Elija el municipio que representa.' },
    })
    expect(await bytesOf(dataFile)).toEqual(before)
    // With the municipality named it is accepted; other sectors may name one or not.
    expect(await dispatch('updateMember', { id, member: { ...municipal, municipality: 'Zapopan' } }, context)).toMatchObject({ ok: true, value: { sector: 'municipio', municipality: 'Zapopan' } })
    expect(await dispatch('createMember', { ...validMember, fullName: 'Otra Persona', municipality: 'Tonalá' }, context)).toMatchObject({ ok: true, value: { sector: 'gobierno-estatal', municipality: 'Tonalá' } })
    await store.close()
  })

  it('nunca deja pasar una excepción: un error interno llega como INTERNO sin detalles', async () => {
    const { store, context } = await setup()
    const broken = { ...context, openExternal: () => Promise.reject(new Error('detalle interno /home/secreto')) }
    const result = await dispatch('openExternal', { url: 'https://example.org' }, broken)
    expect(result).toEqual({ ok: false, error: { code: 'INTERNO', message: 'Ocurrió un error inesperado. Sus datos no se modificaron.' } })
    await store.close()
  })

  it('acepta cargas hostiles en todas las operaciones sin lanzar', async () => {
    const { store, context, dataFile } = await setup()
    const before = await bytesOf(dataFile)
    const hostile: unknown[] = [null, 0, -1, 'x', [], {}, { id: '../../etc/passwd' }, { id: 'a'.repeat(10_000) }, { name: '../secretariado.json' }, JSON.parse('{"__proto__":{"admin":true}}'), { url: 'javascript:alert(1)' }, { limit: 1e12 }, { limit: -1 }, { active: 'sí' }]
    for (const name of operationNames) {
      if (name === 'startEmpty' || name === 'restoreBackup') continue
      for (const input of hostile) {
        const result = await dispatch(name, input, context)
        if (!result.ok) expect(['VALIDACION', 'NO_ENCONTRADO', 'REGLA']).toContain(result.error.code)
      }
    }
    expect(await bytesOf(dataFile)).toEqual(before)
    expect(({} as Record<string, unknown>).admin).toBeUndefined()
    await store.close()
  })
})
