import type { MantineColor } from '@mantine/core'
import type { ConfirmationsView } from '../../../../main/core/contract/views'

export type Answer = ConfirmationsView['rows'][number]['answer']

export const ANSWERS = ['confirmo', 'declino', 'sin-respuesta'] as const satisfies readonly Answer[]

/** One colour per answer: confirmed as present, declined as a justified absence (the roll call's colours), no answer in grey. */
export const answerColor: Record<Answer, MantineColor> = {
  confirmo: 'green',
  declino: 'yellow',
  'sin-respuesta': 'gray',
}
