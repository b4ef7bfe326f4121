/**
 * Mantine forms checked by the core's zod schemas: the same rules and Spanish
 * messages the bridge applies, shown beside each field before the core is
 * asked. Mantine reads zod 4 through Standard Schema (`schemaResolver`).
 */
import { schemaResolver, type FormErrors } from '@mantine/form'
import type { z } from 'zod'

/** Where an error that belongs to no field of the form goes; form dialogs show it with the core's refusals. */
export const FORM_ERROR = '@form'

export interface SchemaFormOptions<V> {
  /** The operation's input built from the form's values, when their shapes differ. */
  input?: (values: V) => unknown
  /** Fields that show the errors of a schema path of another name, e.g. `{ 'vote.favor': 'favor' }`. */
  fields?: Record<string, string>
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

function renamed(path: string, fields: Record<string, string>): string {
  for (const [from, to] of Object.entries(fields)) {
    if (path === from || path.startsWith(`${from}.`)) return to + path.slice(from.length)
  }
  return path
}

/** The deepest path of the form's values that holds the error's path; a list shows the errors of its items. */
function fieldFor(path: string, values: unknown): string {
  const kept: string[] = []
  let node = values
  for (const segment of path.split('.')) {
    if (!isRecord(node) || !(segment in node)) break
    kept.push(segment)
    node = node[segment]
  }
  return kept.length > 0 ? kept.join('.') : FORM_ERROR
}

/** `validate` for `useForm`: the schema's first message for each field. */
export function zodResolver<V>(schema: z.ZodType, { input, fields = {} }: SchemaFormOptions<V> = {}): (values: V) => FormErrors {
  const resolve = schemaResolver(schema, { sync: true })
  return (values) => {
    const errors: FormErrors = {}
    for (const [path, message] of Object.entries(resolve(input ? input(values) : values))) {
      const field = fieldFor(renamed(path, fields), values)
      errors[field] ??= message
    }
    return errors
  }
}

/** `validate` and `transformValues` for `useForm`: the submit handler receives the schema's parsed input. */
export function zodForm<V, S extends z.ZodType>(schema: S, options: SchemaFormOptions<V> = {}) {
  return {
    validate: zodResolver<V>(schema, options),
    transformValues: (values: V): z.output<S> => schema.parse(options.input ? options.input(values) : values),
  }
}

/** A text field's length limit, as the schema states it. */
export const lengthOf = (schema: z.ZodString) => ({ maxLength: schema.maxLength ?? undefined })

/** A number field's range, as the schema states it. */
export const rangeOf = (schema: z.ZodNumber) => ({ min: schema.minValue ?? undefined, max: schema.maxValue ?? undefined })
