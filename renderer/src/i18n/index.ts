/**
 * The i18n layer: one language, es-MX, bundled with the app (no network
 * backend). Importing this module initialises i18next once.
 */
import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import { esMX } from './es-MX'

export const LOCALE = 'es-MX'

void i18n.use(initReactI18next).init({
  resources: { [LOCALE]: { translation: esMX } },
  lng: LOCALE,
  fallbackLng: LOCALE,
  supportedLngs: [LOCALE],
  interpolation: { escapeValue: false }, // React already escapes
  returnNull: false,
  initAsync: false,
})

export { i18n }
