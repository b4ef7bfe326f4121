import { readFile, stat } from 'node:fs/promises'
import { AppError } from '../../core/errors'
import { verifyPdf, type SignatureReport } from '../../core/signatures'
import { MAX_AUTHORITY_FILE_BYTES, readAuthorityFile, type AuthorityCertificate } from '../../core/signatures/authorities'
import { spanishDateTime } from '../../core/signatures/pdf-date'
import { isCode } from '../../core/store/lock'
import { warnAbout } from '../warnings'

const TRUST_LABELS: Record<SignatureReport['trust'], string> = {
  confiable: 'confiable',
  autofirmado: 'certificado autofirmado',
  'emisor-desconocido': 'emisor desconocido',
  vencido: 'certificado vencido',
  'no-vigente-al-firmar': 'certificado no vigente al firmar',
  'cadena-invalida': 'cadena de certificados no válida',
  'sin-certificado': 'sin certificado',
}

export interface VerifyArgs {
  file: string
  json: boolean
  /** Certificate files of authorities to trust (DER or PEM, bundles allowed). */
  trust: readonly string[]
}

/**
 * Lists the signatures of a PDF. Exit status 0 only when there is at least
 * one, all are intact, and nothing but later signatures changed the document
 * after any of them.
 */
export async function runVerify(args: VerifyArgs, now: () => Date = () => new Date()): Promise<number> {
  const at = now()
  // The authorities first: a bad --trust file is the user's mistake, told before anything else.
  const authorities: AuthorityCertificate[] = []
  for (const file of args.trust) {
    const read = readAuthorityFile(await readTrustFile(file), { fileName: file, now: at })
    for (const note of read.notes) warnAbout(note)
    authorities.push(...read.certificates.filter((certificate) => !authorities.some((other) => other.fingerprint === certificate.fingerprint)))
  }
  let pdf: Buffer
  try {
    pdf = await readFile(args.file)
  } catch (error) {
    throw new AppError('LECTURA', isCode(error, 'ENOENT') ? `No existe el archivo ${args.file}.` : `No se pudo leer ${args.file}.`, { cause: error })
  }
  const reports = verifyPdf(pdf, at, { trustedRoots: authorities.map((authority) => authority.der) })
  const ok = reports.length > 0 && reports.every((report) => report.intact && !report.modifiedAfter)
  if (args.json) {
    console.log(JSON.stringify(reports, null, 2))
    return ok ? 0 : 1
  }
  if (authorities.length > 0) {
    console.log(`Autoridades de confianza: ${authorities.map((authority) => `«${authority.name}» (SHA-256 ${authority.fingerprint.slice(0, 16)}…)`).join(', ')}`)
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
    if (report.modifiedAfter) console.log(`  Modificada después de firmar: ${report.changes.length > 0 ? report.changes.join(' ') : 'el documento cambió después de esta firma.'}`)
    console.log(`  Certificado: ${TRUST_LABELS[report.trust]}. ${report.trustExplanation}`)
    if (report.issuer) console.log(`  Emisor: ${report.issuer}`)
    if (report.reason) console.log(`  Motivo: ${report.reason}`)
    if (report.location) console.log(`  Lugar: ${report.location}`)
  })
  const broken = reports.some((report) => !report.intact)
  console.log(ok ? 'Todas las firmas están intactas.' : broken ? 'Al menos una firma no es válida.' : 'El documento se modificó después de al menos una firma.')
  return ok ? 0 : 1
}

async function readTrustFile(file: string): Promise<Buffer> {
  try {
    const info = await stat(file)
    if (!info.isFile()) throw new AppError('LECTURA', `--trust ${file} no es un archivo.`)
    if (info.size > MAX_AUTHORITY_FILE_BYTES) {
      throw new AppError('VALIDACION', `«${file}» mide ${Math.ceil(info.size / 1024)} KB; un certificado de autoridad admite como máximo ${MAX_AUTHORITY_FILE_BYTES / 1024} KB.`)
    }
    return await readFile(file)
  } catch (error) {
    if (error instanceof AppError) throw error
    throw new AppError('LECTURA', isCode(error, 'ENOENT') ? `No existe el certificado de autoridad ${file} (--trust).` : `No se pudo leer el certificado de autoridad ${file} (--trust).`, { cause: error })
  }
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
