/**
 * The certificate authorities the secretariat trusts (Configuración): a
 * signature whose certificate chain reaches one of them is «confiable». Each
 * is kept whole (DER) in the data file, so verification needs nothing else.
 */
import { AppError } from '../../errors'
import type { TrustedAuthorityView } from '../../contract/views'
import type { Data, TrustedAuthority } from '../../model/schema'
import { readAuthorityFile } from '../../signatures/authorities'
import { spanishDate } from '../../signatures/pdf-date'
import type { HandlerSet } from './types'

/** The trusted authorities' certificates (DER), for `verifyPdf(…, { trustedRoots })`. */
export function trustedRootsOf(data: Pick<Data, 'trustedAuthorities'>): Buffer[] {
  return data.trustedAuthorities.map((authority) => Buffer.from(authority.derBase64, 'base64'))
}

export function trustedAuthorityViews(data: Pick<Data, 'trustedAuthorities'>): TrustedAuthorityView[] {
  return data.trustedAuthorities
    .map(({ id, name, issuer, fingerprint, validFrom, validTo, addedAt }) => ({ id, name, issuer, fingerprint, validFrom, validTo, addedAt }))
    .sort((a, b) => a.name.localeCompare(b.name, 'es-MX', { sensitivity: 'base' }) || a.fingerprint.localeCompare(b.fingerprint))
}

const shortFingerprint = (fingerprint: string): string => fingerprint.slice(0, 16)

export const trustHandlers: HandlerSet<'listTrustedAuthorities' | 'addTrustedAuthority' | 'removeTrustedAuthority'> = {
  listTrustedAuthorities: (_input, { store }) => trustedAuthorityViews(store.data),

  addTrustedAuthority: async ({ fileName, contentBase64 }, { store, now }) => {
    const file = readAuthorityFile(Buffer.from(contentBase64, 'base64'), { fileName, now: now() })
    await store.update((draft, tools) => {
      const known = new Set(draft.trustedAuthorities.map((authority) => authority.fingerprint))
      const fresh = file.certificates.filter((certificate) => !known.has(certificate.fingerprint))
      if (fresh.length === 0) {
        const [only] = file.certificates
        throw new AppError(
          'VALIDACION',
          file.certificates.length === 1 && only
            ? `La autoridad «${only.name}» ya está entre las autoridades de confianza (huella ${shortFingerprint(only.fingerprint)}…).`
            : `Las ${file.certificates.length} autoridades de «${fileName}» ya están entre las autoridades de confianza.`,
        )
      }
      for (const certificate of fresh) {
        const authority: TrustedAuthority = {
          id: tools.newId('ca'),
          name: certificate.name,
          issuer: certificate.issuer,
          fingerprint: certificate.fingerprint,
          validFrom: certificate.validFrom.toISOString(),
          validTo: certificate.validTo.toISOString(),
          derBase64: certificate.der.toString('base64'),
          addedAt: tools.nowIso,
        }
        draft.trustedAuthorities.push(authority)
        const expired = tools.now > certificate.validTo ? ` (vencida desde el ${spanishDate(certificate.validTo)})` : ''
        tools.audit({
          entity: 'configuracion',
          entityId: authority.id,
          action: 'crear',
          summary: `Autoridad de confianza agregada: «${certificate.name}», emitida por «${certificate.issuer}»${expired}; SHA-256 ${certificate.fingerprint}`,
        })
      }
    })
    return trustedAuthorityViews(store.data)
  },

  removeTrustedAuthority: async ({ id }, { store }) => {
    await store.update((draft, tools) => {
      const index = draft.trustedAuthorities.findIndex((authority) => authority.id === id)
      const authority = draft.trustedAuthorities[index]
      if (!authority) throw new AppError('NO_ENCONTRADO', 'Esa autoridad de confianza no existe (quizá ya se quitó).')
      draft.trustedAuthorities.splice(index, 1)
      tools.audit({
        entity: 'configuracion',
        entityId: id,
        action: 'eliminar',
        summary: `Autoridad de confianza quitada: «${authority.name}»; SHA-256 ${authority.fingerprint}`,
      })
    })
    return trustedAuthorityViews(store.data)
  },
}
