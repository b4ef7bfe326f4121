import { readFile } from 'node:fs/promises'
import { AppError } from '../../core/errors'
import { verifyPdf, type SignatureReport } from '../../core/signatures'
import { spanishDateTime } from '../../core/signatures/pdf-date'

const TRUST_LABELS: Record<SignatureReport['trust'], string> = {
  confiable: 'confiable',
  autofirmado: 'certificado autofirmado',
  'emisor-desconocido': 'emisor desconocido',
  vencido: 'certificado vencido',
  'no-vigente-al-firmar': 'certificado no vigente al firmar',
  'cadena-invalida': 'cadena de certificados no válida',
  'sin-certificado': 'sin certificado',
}

/** Lists the signatures of a PDF. Exit status 0 only when there is at least one and all are intact. */
export async function runVerify(file: string, json: boolean, now: () => Date = () => new Date()): Promise<number> {
  let pdf: Buffer
  try {
    pdf = await readFile(file)
  } catch (error) {
    throw new AppError('LECTURA', (error as NodeJS.ErrnoException).code === 'ENOENT' ? `No existe el archivo ${file}.` : `No se pudo leer ${file}.`, { cause: error })
  }
  const reports = verifyPdf(pdf, now())
  const ok = reports.length > 0 && reports.every((report) => report.intact)
  if (json) {
    console.log(JSON.stringify(reports, null, 2))
    return ok ? 0 : 1
  }
  if (reports.length === 0) {
    console.log('El documento no contiene firmas digitales.')
    return 1
  }
  reports.forEach((report, i) => {
    console.log(`Firma ${i + 1} de ${reports.length}${report.field ? ` («${report.field}»)` : ''}`)
    console.log(`  Firmante: ${report.signer ?? '(desconocido)'}`)
    if (report.rfc) console.log(`  RFC: ${report.rfc}`)
    if (report.curp) console.log(`  CURP: ${report.curp}`)
    console.log(`  Fecha de firma: ${report.signedAt ? `${spanishDateTime(new Date(report.signedAt))}, declarada por el firmante` : '(no indicada)'}`)
    console.log(`  Integridad: ${report.intact ? 'intacta: los bytes firmados no han cambiado.' : `ALTERADA O NO VÁLIDA. ${report.problems.join(' ')}`}`)
    console.log(`  Alcance: ${coverage(report)}`)
    console.log(`  Certificado: ${TRUST_LABELS[report.trust]}. ${report.trustExplanation}`)
    if (report.issuer) console.log(`  Emisor: ${report.issuer}`)
    if (report.reason) console.log(`  Motivo: ${report.reason}`)
    if (report.location) console.log(`  Lugar: ${report.location}`)
  })
  console.log(ok ? 'Todas las firmas están intactas.' : 'Al menos una firma no es válida.')
  return ok ? 0 : 1
}

function coverage(report: SignatureReport): string {
  if (report.coversWholeDocument) return 'cubre todo el documento.'
  if (report.revision !== null) {
    const later = report.revisionCount - report.revision
    const added = later === 1 ? 'se agregó 1 actualización' : `se agregaron ${later} actualizaciones`
    return `cubre la versión ${report.revision} de ${report.revisionCount}; después ${added} (por ejemplo, otras firmas), que esta firma no cubre.`
  }
  return 'no cubre todo el documento.'
}
