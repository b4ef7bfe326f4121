/** pdf.js's worker module, imported only for its side effect (it registers globalThis.pdfjsWorker). */
declare module 'pdfjs-dist/build/pdf.worker.min.mjs' {
  export const WorkerMessageHandler: unknown
}
