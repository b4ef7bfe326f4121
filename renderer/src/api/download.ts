/**
 * Saves a file the core produced (open data, the bitácora) through the
 * browser's own download: a Blob and a temporary `<a download>`. The one
 * helper for every download of the app.
 */

export interface TextFile {
  fileName: string
  mimeType: string
  /** Text as the core wrote it; a CSV starts with its BOM, kept as is. */
  content: string
}

export interface BinaryFile {
  fileName: string
  mimeType: string
  contentBase64: string
}

function save(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
  // The download has started by now; the address is no longer needed.
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000)
}

/** A text file, encoded as UTF-8 (a leading U+FEFF becomes the BOM bytes EF BB BF). */
export function downloadText(file: TextFile): void {
  save(new Blob([file.content], { type: file.mimeType }), file.fileName)
}

export function downloadBase64(file: BinaryFile): void {
  const binary = atob(file.contentBase64)
  const bytes = new Uint8Array(binary.length)
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index)
  save(new Blob([bytes], { type: file.mimeType }), file.fileName)
}
