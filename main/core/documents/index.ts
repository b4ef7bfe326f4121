/**
 * Documents as archival PDFs (PDF/A-2b, tagged, es-MX, DejaVu fonts embedded):
 * the acta of a held session, the convocatoria of one not yet held, and the
 * progress report of the Plan de Acción. Pure generation: data in, bytes out;
 * no Electron, no clock unless `now` is omitted.
 */
export { renderActa } from './acta'
export { renderConvocatoria } from './convocatoria'
export { renderReporte, planForReport, type ReportOptions } from './reporte'
export { latestHeldSession, nextUpcomingSession, sessionForActa, sessionForConvocatoria, HELD_STATUSES, UPCOMING_STATUSES } from './select-session'
export { defaultFontsDir, fontPaths, FONT_FILES } from './fonts'
export { writePdfFile } from './write-pdf'
export type { ArchivalOptions, RenderOptions } from './pdf-document'
