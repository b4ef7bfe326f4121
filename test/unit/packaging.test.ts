/**
 * The installer configuration is validated against electron-builder's own
 * schema, without building (no Electron binary needed), and holds what the
 * project promises: targets for the three systems, fuses, icons, fonts.
 */
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config'
import { DebugLogger } from 'builder-util'

const root = resolve(__dirname, '../..')

describe('configuración de instaladores', () => {
  it('es válida para electron-builder y declara instaladores, fusibles y recursos', async () => {
    const config = await getConfig(root, join(root, 'electron-builder.yml'), null)
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
    expect(config.appId).toMatch(/^[a-z0-9.-]+$/)
    expect(config.productName).toBe('Secretariado')
    expect(config.artifactName).toContain('${version}')
    expect(config.win).toMatchObject({ target: 'nsis' })
    expect(config.mac).toMatchObject({ target: 'dmg' })
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb'] })
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
    })
    expect(config.extraResources).toContainEqual({ from: 'resources/fonts', to: 'fonts' })
    for (const platform of [config.win, config.mac, config.linux]) expect(platform).toMatchObject({ icon: 'resources/icon.png' })
    // electron-builder derives .ico and .icns from a PNG of at least 512 px.
    const png = readFileSync(join(root, 'resources/icon.png'))
    expect(png.subarray(1, 4).toString()).toBe('PNG')
    expect(Math.min(png.readUInt32BE(16), png.readUInt32BE(20))).toBeGreaterThanOrEqual(512)
  })
})
