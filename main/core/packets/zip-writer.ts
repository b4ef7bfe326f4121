/** Writing a zip in memory with yazl. */
import { ZipFile } from 'yazl'

export interface ZipEntryInput {
  name: string
  data: Buffer
  /**
   * Deflate the entry. Attachments and PDFs are stored as they are: they are
   * usually compressed already, and stored bytes let anyone check an
   * attachment against its SHA-256 without unpacking.
   */
  compress: boolean
}

export function writeZip(entries: readonly ZipEntryInput[], mtime: Date): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const zip = new ZipFile()
    const chunks: Buffer[] = []
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk))
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)))
    zip.outputStream.on('error', reject)
    try {
      for (const entry of entries) zip.addBuffer(entry.data, entry.name, { compress: entry.compress, mtime, mode: 0o100644 })
      zip.end()
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)))
    }
  })
}
