/**
 * Opens a PDF with pdf.js for the signing preview, with the options that keep
 * it inside the app's CSP: no eval (`isEvalSupported: false`), glyphs drawn as
 * canvas paths instead of loaded font faces (`disableFontFace: true`, so no
 * `font-src` widening), no system fonts, no XFA, no WebAssembly decoders and no
 * fetch of CMaps, standard fonts or wasm files (the acta embeds its fonts).
 *
 * pdf.js parses in a dedicated worker bundled as a same-origin asset (the CSP
 * allows it with `worker-src 'self'`). This module is loaded only with the
 * preview, and it loads pdf.js itself only when a document is opened, so the
 * rest of the app never pays for it.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist'
// Vite bundles pdf.js's worker as its own module chunk (`worker.format: 'es'` in electron.vite.config.ts) and gives its same-origin URL.
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?worker&url'

export interface OpenedPdf {
  doc: PDFDocumentProxy
  /** Destroys the document and stops its worker. */
  close: () => Promise<void>
}

/** The bytes of a base64 string (what the core sends over the bridge). */
export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index)
  return bytes
}

/** Set once a worker could not start here: later documents go straight to this thread. */
let workersUnavailable = false
/** A worker that has not answered by then is given up on, and the document is parsed in this thread. */
const WORKER_START_LIMIT_MS = 15_000

/**
 * Starts pdf.js's worker and waits for its first message («ready»). Resolves
 * to null when this window cannot run it (a failed load or a refusal), so the
 * caller can parse in this thread instead of never getting an answer.
 */
function startWorker(): Promise<Worker | null> {
  if (workersUnavailable) return Promise.resolve(null)
  return new Promise((resolve) => {
    let worker: Worker
    try {
      worker = new Worker(workerUrl, { type: 'module', name: 'vista-previa-pdf' })
    } catch {
      workersUnavailable = true
      resolve(null)
      return
    }
    const limit = window.setTimeout(() => settle(false), WORKER_START_LIMIT_MS)
    const settle = (ok: boolean) => {
      window.clearTimeout(limit)
      worker.removeEventListener('message', onMessage)
      worker.removeEventListener('error', onError)
      if (ok) {
        resolve(worker)
        return
      }
      worker.terminate()
      workersUnavailable = true
      resolve(null)
    }
    const onMessage = () => settle(true)
    const onError = (event: Event) => {
      event.preventDefault()
      settle(false)
    }
    worker.addEventListener('message', onMessage)
    worker.addEventListener('error', onError)
  })
}

/**
 * Opens `bytes` (they are handed over to pdf.js: do not reuse them).
 * `onProgress` receives 0…1 while pdf.js reads the document.
 */
export async function openPdf(bytes: Uint8Array, onProgress: (fraction: number) => void): Promise<OpenedPdf> {
  const pdfjs = await import('pdfjs-dist')
  const port = await startWorker()
  // Without a worker, pdf.js's worker code runs in this thread: importing it registers it (globalThis.pdfjsWorker).
  if (!port) await import('pdfjs-dist/build/pdf.worker.min.mjs')
  const worker = port ? pdfjs.PDFWorker.create({ port, verbosity: pdfjs.VerbosityLevel.ERRORS }) : undefined
  const task = pdfjs.getDocument({
    data: bytes,
    worker,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    useWasm: false,
    useWorkerFetch: false,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  })
  task.onProgress = ({ loaded, total }: { loaded: number; total: number }) => {
    if (total > 0) onProgress(Math.min(1, loaded / total))
  }
  const stop = async () => {
    await task.destroy()
    worker?.destroy()
    port?.terminate()
  }
  try {
    const doc = await task.promise
    return { doc, close: stop }
  } catch (error) {
    await stop().catch(() => undefined)
    throw error
  }
}
