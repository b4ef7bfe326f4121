/**
 * Limits of a full backup archive. A backup read from a file (the command
 * line) may reach 1 GB; one that crosses the bridge as base64 (created or
 * restored in the app) stays within 300 MB, which is 400 M characters, below
 * V8's longest string. Pure constants: the contract's input schemas use them.
 */
import { MB } from '../packets/limits'

export const MAX_BACKUP_BYTES = 1024 * MB
export const MAX_BRIDGE_BACKUP_BYTES = 300 * MB
/** The largest entry: the data file of many dense years, or a large attachment. */
export const MAX_BACKUP_ENTRY_BYTES = 256 * MB
export const MAX_BACKUP_ENTRIES = 20_000
export const MAX_BACKUP_MANIFEST_BYTES = 8 * MB
