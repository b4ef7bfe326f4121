/** Typed keys for `t(...)`: a misspelt key fails the type check. */
import 'i18next'
import type { Resources } from './es-MX'
import type { esMXDocumentos } from './es-MX-documentos'
import type { esMXPaquetes } from './es-MX-paquetes'
import type { esMXSeguimiento } from './es-MX-seguimiento'

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: Resources & typeof esMXSeguimiento & typeof esMXDocumentos & typeof esMXPaquetes }
  }
}
