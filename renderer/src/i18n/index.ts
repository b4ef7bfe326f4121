/**
 * The i18n layer: one language, es-MX, bundled with the app (no network
 * backend). Importing this module initialises i18next once.
 */
import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import { esMX } from './es-MX'
import { esMXDocumentos } from './es-MX-documentos'
import { esMXPaquetes } from './es-MX-paquetes'
import { esMXSeguimiento } from './es-MX-seguimiento'

export const LOCALE = 'es-MX'

void i18n.use(initReactI18next).init({
  // Feature files add their own top-level sections; none may reuse another's.
  resources: { [LOCALE]: { translation: { ...esMX, ...esMXSeguimiento, ...esMXDocumentos, ...esMXPaquetes } } },
  lng: LOCALE,
  fallbackLng: LOCALE,
  supportedLngs: [LOCALE],
  interpolation: { escapeValue: false }, // React already escapes
  returnNull: false,
  initAsync: false,
})

export { i18n }
