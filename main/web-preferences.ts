/**
 * The web preferences of every window (the main one and the projector's), in
 * one place and without Electron itself, so test/unit/security.test.ts checks
 * them: Electron's security checklist for the renderer.
 */
import type { WebPreferences } from 'electron'

/** Every window's renderer: isolated, sandboxed, without Node, with the bridge's preload and nothing else. */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
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
    // Middle-click would otherwise open links in new windows, bypassing the window-open handler.
    disableBlinkFeatures: 'Auxclick',
  }
}
