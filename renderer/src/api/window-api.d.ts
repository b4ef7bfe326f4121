/**
 * `window.api`: the preload's bridge, one function per operation of the
 * contract. Only the type is imported from main; no runtime code crosses.
 */
import type { Api } from '../../../main/core/contract/operations'

declare global {
  interface Window {
    api: Api
  }
}

export {}
