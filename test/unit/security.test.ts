import { describe, expect, it, vi } from 'vitest'
import { openExternalUrl, parseExternalUrl } from '../../main/core/security/external-url'
import { isAppUrl } from '../../main/core/security/navigation'
import { resolveDataFile } from '../../main/data-location'
import { operationNames } from '../../main/core/contract/operation-names'
import { windowMayCall } from '../../main/core/security/window-access'
import { secureWebPreferences } from '../../main/web-preferences'

describe('enlaces externos', () => {
  it.each([
    'https://gobiernoabierto.jalisco.gob.mx/',
    'http://transparencia.example.org/acuerdo?id=3',
    'mailto:secretaria@example.org',
  ])('permite %s', (url) => expect(parseExternalUrl(url)).not.toBeNull())

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
    'smb://servidor/recurso',
    '\\\\servidor\\recurso',
    'https://usuario:clave@example.org/',
    'https://',
    'mailto:',
    'mailto:no-es-correo',
    'https://example.org/\nhttps://otro',
    ' https://example.org',
    'ms-msdt:/id PCWDiagnostic',
    'chrome://settings',
    'about:blank',
    '',
    'x'.repeat(3000),
  ])('rechaza %s', (url) => expect(parseExternalUrl(url)).toBeNull())

  it.each([null, undefined, 42, {}, ['https://example.org']])('rechaza valores que no son texto (%s)', (value) =>
    expect(parseExternalUrl(value)).toBeNull(),
  )

  it('sólo llama al abridor con URLs válidas', async () => {
    const open = vi.fn(() => Promise.resolve())
    expect(await openExternalUrl('javascript:alert(1)', open)).toBe(false)
    expect(open).not.toHaveBeenCalled()
    expect(await openExternalUrl('https://example.org/a b'.replace(' ', '%20'), open)).toBe(true)
    expect(open).toHaveBeenCalledWith('https://example.org/a%20b')
  })
})

describe('navegación de la ventana', () => {
  const app = 'file:///opt/Secretariado/resources/app.asar/out/renderer/index.html'
  it('permite recargar la propia página (con cualquier ruta interna)', () => {
    expect(isAppUrl(`${app}#/integrantes`, app)).toBe(true)
    expect(isAppUrl('http://localhost:5173/#/x', 'http://localhost:5173/')).toBe(true)
  })
  it.each([
    'file:///etc/passwd',
    'file:///opt/Secretariado/resources/app.asar/out/renderer/../../../../etc/hosts',
    'file://servidor/recurso/index.html',
    'https://example.org/',
    'http://localhost:5174/',
    'javascript:alert(1)',
    'no es una url',
  ])('bloquea %s', (target) => expect(isAppUrl(target, app)).toBe(false))
})

describe('ubicación del archivo de datos', () => {
  it('usa --data, luego SECRETARIADO_DATA_FILE, luego la carpeta del usuario', () => {
    expect(resolveDataFile(['x', '--data=/tmp/a.json'], { SECRETARIADO_DATA_FILE: '/tmp/b.json' }, '/home/u')).toBe('/tmp/a.json')
    expect(resolveDataFile(['x'], { SECRETARIADO_DATA_FILE: '/tmp/b.json' }, '/home/u')).toBe('/tmp/b.json')
    expect(resolveDataFile(['x'], {}, '/home/u')).toBe('/home/u/secretariado.json')
  })
})

describe('ventanas', () => {
  it('cada ventana (la principal y la de proyección) aísla su página: sin Node, con sandbox, sólo el preload del puente', () => {
    expect(secureWebPreferences('/app/preload/index.cjs')).toEqual({
      preload: '/app/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      webviewTag: false,
      spellcheck: true,
      disableBlinkFeatures: 'Auxclick',
    })
  })

  it('la ventana de proyección sólo lee: ninguna operación que cambie datos o archivos', () => {
    const allowed = operationNames.filter((name) => windowMayCall('proyeccion', name))
    expect(allowed).toEqual(['getStatus', 'projectorView'])
    expect(operationNames.every((name) => windowMayCall('principal', name))).toBe(true)
  })
})
