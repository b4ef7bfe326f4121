import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'
import { buildCli } from './main/cli/build.mjs'

/** Writes the compiled command line (out/cli/secretariado.cjs) after the main process's build, so the app ships it. */
function commandLine(): Plugin {
  return {
    name: 'secretariado-cli',
    apply: 'build',
    async closeBundle() {
      await buildCli()
    },
  }
}

export default defineConfig({
  main: {
    plugins: [commandLine()],
    build: {
      outDir: 'out/main',
      // Packages published only as ES modules are bundled into the CommonJS main process.
      externalizeDeps: { exclude: ['lowdb', 'pkijs', 'asn1js', 'pvtsutils', 'pvutils', 'bytestreamjs'] },
      rollupOptions: { input: { index: resolve(__dirname, 'main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require packages: bundle everything into one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    base: './',
    plugins: [react()],
    // pdf.js's worker (the signing preview) is an ES module: bundled as one, it keeps its exports and import.meta.
    worker: { format: 'es' },
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // The window loads every byte from disk and parses it before the first screen: ship it minified.
      minify: true,
      cssMinify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
})
