/** Typed keys for `t(...)`: a misspelt key fails the type check. */
import 'i18next'
import type { Resources } from './es-MX'

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: Resources }
  }
}
