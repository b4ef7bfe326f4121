/**
 * Whether a certificate is a member's (`certificateMatches`): by RFC when
 * both the member and the certificate carry one, otherwise by name, ignoring
 * accents, case, punctuation and the titles a registry puts before a name.
 * The signature circuit uses it to accept a signature in a member's box.
 */
import { describe, expect, it } from 'vitest'
import { certificateMatches, namesMatch } from '../../main/core/domain/signers'

const withRfc = { fullName: 'Mtra. Begoña Ibáñez Ortiz', rfc: 'IAOB800101AB1' }
const withoutRfc = { fullName: 'Mtra. Begoña Ibáñez Ortiz', rfc: '' }

describe('certificateMatches: el certificado es de la persona que firma en ese espacio', () => {
  it('con RFC en ambos lados decide el RFC, no el nombre', () => {
    // Another name (a married name, a typo in the registry) but the same RFC: it is hers.
    expect(certificateMatches(withRfc, 'BEGOÑA IBAÑEZ DE LA TORRE', 'IAOB800101AB1')).toBe(true)
    expect(certificateMatches(withRfc, 'Otra Persona Cualquiera', 'IAOB800101AB1')).toBe(true)
    // The certificate's RFC is compared in capitals.
    expect(certificateMatches(withRfc, 'BEGOÑA IBAÑEZ ORTIZ', 'iaob800101ab1')).toBe(true)
    // The same name with another RFC: a namesake, refused.
    expect(certificateMatches(withRfc, 'BEGOÑA IBAÑEZ ORTIZ', 'IAOB900202XY9')).toBe(false)
    expect(certificateMatches(withRfc, 'Mtra. Begoña Ibáñez Ortiz', 'IAOB800101AB2')).toBe(false)
    // RFC with Ñ (allowed by the SAT's pattern).
    expect(certificateMatches({ fullName: 'Jorge Peña Ruiz', rfc: 'PEÑJ800101AB1' }, 'JORGE PENA RUIZ', 'PEÑJ800101AB1')).toBe(true)
  })

  it('sin RFC en alguno de los lados, decide el nombre', () => {
    // A .p12 without RFC for a member registered with one: matched on the name.
    expect(certificateMatches(withRfc, 'Begoña Ibáñez Ortiz', null)).toBe(true)
    expect(certificateMatches(withRfc, 'Otra Persona', null)).toBe(false)
    // A member without RFC and an e.firma with one: matched on the name as well.
    expect(certificateMatches(withoutRfc, 'BEGOÑA IBAÑEZ ORTIZ', 'IAOB800101AB1')).toBe(true)
    expect(certificateMatches(withoutRfc, 'BEGOÑA IBAÑEZ RUIZ', 'IAOB800101AB1')).toBe(false)
    // Neither carries one.
    expect(certificateMatches(withoutRfc, 'BEGOÑA IBAÑEZ ORTIZ', null)).toBe(true)
    expect(certificateMatches(withoutRfc, 'begona ibanez ortiz', null)).toBe(true)
  })

  it('el nombre coincide sin importar acentos, mayúsculas, puntuación ni títulos; el orden y cada palabra sí importan', () => {
    const member = (fullName: string) => ({ fullName, rfc: '' })
    for (const [registered, certificate] of [
      ['Mtra. Begoña Ibáñez Ortiz', 'BEGOÑA IBAÑEZ ORTIZ'],
      ['Mtra. Begoña Ibáñez Ortiz', 'BEGONA IBANEZ ORTIZ'],
      ['Dra. Karla Preciado Barragán', 'KARLA PRECIADO BARRAGAN'],
      ['Lic. Ing. José Luis Núñez', 'JOSE LUIS NUNEZ'],
      ['Dr. Raúl Hernández-López', 'Raúl Hernández López'],
      ['María   José  Gómez', 'maría josé gómez'],
      ['C. Ana Ruiz', 'Mtra. Ana Ruiz'],
    ] as const) {
      expect(certificateMatches(member(registered), certificate, null), `${registered} ~ ${certificate}`).toBe(true)
      expect(namesMatch(registered, certificate), `${registered} ~ ${certificate}`).toBe(true)
    }
    for (const [registered, certificate] of [
      // A missing or an extra surname is another person.
      ['Mtra. Begoña Ibáñez Ortiz', 'BEGOÑA IBAÑEZ'],
      ['Begoña Ibáñez', 'BEGOÑA IBAÑEZ ORTIZ'],
      // Surnames first is not the same name.
      ['Begoña Ibáñez Ortiz', 'IBAÑEZ ORTIZ BEGOÑA'],
      // One letter off.
      ['Begoña Ibáñez Ortiz', 'BEGOÑA IBAÑEZ ORTÍS'],
    ] as const) {
      expect(certificateMatches(member(registered), certificate, null), `${registered} ≁ ${certificate}`).toBe(false)
    }
  })

  it('sin integrante, sin nombre en el certificado o con sólo títulos, no hay coincidencia', () => {
    expect(certificateMatches(undefined, 'BEGOÑA IBAÑEZ ORTIZ', 'IAOB800101AB1')).toBe(false)
    expect(certificateMatches(withoutRfc, null, null)).toBe(false)
    // A certificate without name but with the right RFC still matches a member with that RFC.
    expect(certificateMatches(withRfc, null, 'IAOB800101AB1')).toBe(true)
    // …but not a member without RFC.
    expect(certificateMatches(withoutRfc, null, 'IAOB800101AB1')).toBe(false)
    // Empty names, or names made only of titles and punctuation, never match each other.
    expect(certificateMatches({ fullName: '', rfc: '' }, '', null)).toBe(false)
    expect(certificateMatches({ fullName: 'Lic.', rfc: '' }, 'Dr.', null)).toBe(false)
    expect(namesMatch('—', '…')).toBe(false)
  })
})
