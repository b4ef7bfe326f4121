/**
 * An archival pdfkit document: PDF/A-2b, tagged, in es-MX, with title,
 * author and subject, and the DejaVu fonts registered before any text.
 *
 * What pdfkit 0.20 does with `subset: 'PDF/A-2b'`: it writes the sRGB ICC
 * output intent (S /GTS_PDFA1) and adds `pdfaid:part 2` and
 * `pdfaid:conformance B` to the XMP packet, beside dc:title, dc:creator,
 * dc:description, xmp:CreateDate, xmp:CreatorTool and pdf:Producer mirrored
 * from the Info dictionary. Two things are left to us:
 *   - the XMP stream is only written when the PDF version is not 1.3, which is
 *     pdfkit's default: without `pdfVersion` there is no metadata at all;
 *   - the Info values go into the XMP unescaped, so a title with `&` or `<`
 *     would make invalid XML: metadata strings are cleaned first, and the same
 *     cleaned value goes to both places so Info and XMP agree.
 * No ModDate is set, because pdfkit would not mirror it into the XMP.
 */
import PDFDocument from 'pdfkit'
import { defaultFontsDir, fontPaths, FONT_NAMES, type FontName } from './fonts'
import type { LayoutEvent } from './layout'

export interface DocumentMeta {
  title: string
  author: string
  subject: string
  keywords?: string
}

export interface ArchivalOptions {
  /** Folder with the DejaVu TTFs; by default `resources/fonts` found from the source, build or packaged app. */
  fontsDir?: string
  /** Creation date written to Info and XMP (a fixed value makes the output reproducible). */
  now?: Date
  /** Told of each character the embedded fonts cannot draw: it is printed as «?» (PDF/A forbids the empty glyph), and the user must know. */
  onMissingCharacter?: (character: string) => void
  /** Told of every heading, piece of paragraph or table, figure and block the layout places, with its page. */
  onLayout?: (event: LayoutEvent) => void
}

/** Options every document accepts. */
export interface RenderOptions extends ArchivalOptions {
  /** Called with 0…1 while the document is produced (layout yields to the event loop between calls). */
  onProgress?: (fraction: number) => void
}

export const PAGE = { width: 612, height: 792 } as const

/** Text safe to place both in the Info dictionary and, unescaped, in the XMP packet. */
export function metadataText(value: string): string {
  return (
    value
      .replace(/&/g, 'y')
      .replace(/[<>]/g, '')
      // Control characters are not allowed in XML.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  )
}

export interface ArchivalDocument {
  doc: PDFKit.PDFDocument
  /** Absolute path of each font: the key pdfkit caches the parsed font under. */
  fonts: Record<FontName, string>
  onMissingCharacter?: (character: string) => void
  onLayout?: (event: LayoutEvent) => void
}

export function createArchivalDocument(meta: DocumentMeta, options: ArchivalOptions = {}): ArchivalDocument {
  const fonts = fontPaths(options.fontsDir ?? defaultFontsDir())
  const info: PDFKit.DocumentInfo = {
    Title: metadataText(meta.title),
    Author: metadataText(meta.author),
    Subject: metadataText(meta.subject),
    Creator: 'Secretariado',
    Producer: 'PDFKit',
    CreationDate: options.now ?? new Date(),
  }
  if (meta.keywords) info.Keywords = metadataText(meta.keywords)
  const doc = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margin: 0,
    pdfVersion: '1.7',
    subset: 'PDF/A-2b',
    tagged: true,
    lang: 'es-MX',
    displayTitle: true,
    bufferPages: true,
    autoFirstPage: false,
    // The default font is opened at construction: make it ours, never Helvetica.
    font: fonts.regular,
    info,
  })
  // Fonts are selected by path, never by a registered name: pdfkit 0.20 does not cache a
  // registered name whose font it already holds under another key (the default font),
  // and would parse the TTF again on every switch of font.
  for (const name of FONT_NAMES) doc.font(fonts[name])
  doc.font(fonts.regular)
  return { doc, fonts, onMissingCharacter: options.onMissingCharacter, onLayout: options.onLayout }
}

/** Collects the document's bytes; call before writing anything, then `doc.end()`. */
export function collectBytes(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
}
