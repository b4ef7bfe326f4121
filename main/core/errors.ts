/**
 * Errors the user may see. Every failure that crosses the bridge or leaves the
 * command line is an AppError with a stable code and a Spanish message.
 */
import type { z } from 'zod'

export type ErrorCode =
  | 'VALIDACION'
  | 'NO_ENCONTRADO'
  | 'REGLA'
  | 'ARCHIVO_DANADO'
  | 'VERSION_NUEVA'
  | 'BLOQUEADO'
  | 'ESCRITURA'
  | 'LECTURA'
  | 'SIN_DATOS'
  | 'SOLO_LECTURA'
  | 'ORIGEN_NO_PERMITIDO'
  | 'OPERACION_DESCONOCIDA'
  | 'INTERNO'

export class AppError extends Error {
  readonly code: ErrorCode
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'AppError'
    this.code = code
  }
}

export interface ErrorInfo {
  code: ErrorCode
  message: string
}

/** Spanish, one line per problem, naming the field path the way a user can find it. */
export function describeZodError(error: z.ZodError, limit = 5, options: { bareAppMessages?: boolean } = {}): string {
  const lines = error.issues.slice(0, limit).map((issue) => {
    // Where the reader knows no field names (the bridge), a message written for this app says what is wrong on its own.
    if (options.bareAppMessages && isAppMessage(issue)) return issue.message
    const path = issue.path.length ? issue.path.map(String).join('.') : '(raíz)'
    return `${path}: ${translateIssue(issue)}`
  })
  const more = error.issues.length > limit ? ` (y ${error.issues.length - limit} más)` : ''
  return lines.join('; ') + more
}

/** Messages written for this app are already Spanish; zod's defaults are not. */
function isAppMessage(issue: z.core.$ZodIssue): boolean {
  return !/^(Invalid|Too|Expected|Unrecognized|String|Number|Array)/.test(issue.message)
}

function translateIssue(issue: z.core.$ZodIssue): string {
  if (isAppMessage(issue)) return issue.message
  switch (issue.code) {
    case 'invalid_type':
      return /received undefined/.test(issue.message) ? 'falta el valor' : `se esperaba ${typeName(issue.expected)}`
    case 'too_small':
      return issue.origin === 'string' ? 'el texto es demasiado corto' : `el valor mínimo es ${String(issue.minimum)}`
    case 'too_big':
      return issue.origin === 'string' ? 'el texto es demasiado largo' : `el valor máximo es ${String(issue.maximum)}`
    case 'invalid_value':
      return `valor no permitido (se admite: ${issue.values.map(String).join(', ')})`
    case 'unrecognized_keys':
      return `campos no reconocidos: ${issue.keys.join(', ')}`
    case 'invalid_format':
      return 'formato no válido'
    case 'invalid_union':
      return 'valor no válido'
    default:
      return 'valor no válido'
  }
}

function typeName(expected: string): string {
  const names: Record<string, string> = {
    string: 'un texto',
    number: 'un número',
    boolean: 'verdadero o falso',
    object: 'un objeto',
    array: 'una lista',
    null: 'vacío',
    int: 'un número entero',
  }
  return names[expected] ?? expected
}

export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof AppError) return { code: error.code, message: error.message }
  return { code: 'INTERNO', message: 'Ocurrió un error inesperado. Sus datos no se modificaron.' }
}
