/**
 * The live quorum: how many members with vote are present now and how many
 * the rule requires, straight from the core's QuorumView; then the buttons
 * to declare it, or the declaration once recorded. Alt+Q declares from
 * anywhere in the roll call: it asks the core, which declares or says why not.
 * Once declared, the focus goes to «Continuar en la minuta en vivo» (or, with
 * no link to follow, to the declaration itself, via `onDeclared`).
 */
import { Badge, Button, Group, Kbd, Paper, RingProgress, Stack, Text, Title } from '@mantine/core'
import { useHotkeys } from '@mantine/hooks'
import { IconGavel, IconNotebook } from '@tabler/icons-react'
import { useEffect, useRef } from 'react'
import { Link } from 'react-router'
import { useTranslation } from 'react-i18next'
import type { SessionDetail } from '../../../../main/core/contract/views'
import { useSessionOperation } from '../../api/sessions'
import { notifyDone, notifyError } from '../../common/notify'
import classes from './roll-call.module.css'

/** The keys of «Declarar quórum», for the legend, the button and `aria-keyshortcuts`. */
export const DECLARE_KEYS = ['Alt', 'Q'] as const

interface Props {
  detail: SessionDetail
  editable: boolean
  /** The quorum was just declared and there is no minutes link to move the focus to. */
  onDeclared?: () => void
}

export function QuorumIndicator({ detail, editable, onDeclared }: Props) {
  const { t } = useTranslation()
  const declare = useSessionOperation('declareQuorum')
  const { quorum } = detail
  const declared = detail.session.quorum
  const percent = quorum.required > 0 ? Math.min(100, Math.round((quorum.present / quorum.required) * 100)) : 0
  const color = quorum.reached ? 'green' : 'orange'
  const canDeclare = editable && detail.can.declareQuorum
  const minutesLink = useRef<HTMLAnchorElement>(null)
  const focusAfter = useRef(false)

  const run = async (call: 'primera' | 'segunda') => {
    if (declare.isPending) return
    focusAfter.current = true
    try {
      const next = await declare.mutateAsync({ sessionId: detail.session.id, call })
      notifyDone(t('rollCall.declared', { present: next.quorum.present, voting: next.quorum.votingMembers }))
    } catch (error) {
      focusAfter.current = false
      notifyError(error)
    }
  }

  // Also while the focus is in a time field; the core decides whether the quorum can be declared now.
  useHotkeys(
    [
      [
        'alt+q',
        (event) => {
          // Not from inside a dialog opened over the page, nor where the core offers no declaration.
          if (!canDeclare || (event.target instanceof Element && event.target.closest('[role="dialog"]'))) return
          void run('primera')
        },
        { usePhysicalKeys: true },
      ],
    ],
    [],
  )

  const declaredAt = declared?.declaredAt
  useEffect(() => {
    if (!declaredAt || !focusAfter.current) return
    focusAfter.current = false
    if (minutesLink.current) minutesLink.current.focus()
    else onDeclared?.()
  }, [declaredAt, onDeclared])

  return (
    <Paper withBorder p="md" shadow="xs" className={classes.indicator} style={{ borderLeft: `4px solid var(--mantine-color-${color}-6)` }}>
      <Group justify="space-between" wrap="nowrap" gap="lg">
        <Group wrap="nowrap" gap="md">
          <RingProgress
            size={92}
            thickness={9}
            roundCaps
            sections={[{ value: percent, color }]}
            aria-hidden
            label={
              <Text ta="center" fw={700} size="lg" lh={1}>
                {quorum.present}
                <Text span size="xs" c="dimmed" fw={500}>
                  /{quorum.required}
                </Text>
              </Text>
            }
          />
          <Stack gap={4}>
            <Group gap="xs">
              <Title order={2} size="h3">
                {t('rollCall.quorumTitle')}
              </Title>
              <Badge color={color} variant="filled">
                {quorum.reached ? t('rollCall.reached') : t('rollCall.notReached')}
              </Badge>
            </Group>
            <Text fw={500} role="status" aria-live="polite" data-testid="quorum-live">
              {t('rollCall.live', { present: quorum.present, voting: quorum.votingMembers, required: quorum.required })}
            </Text>
            <Text size="xs" c="dimmed">
              {t('rollCall.ruleHint', { call: t(`enums.quorumCall.${quorum.call}`) })}
            </Text>
          </Stack>
        </Group>
        {canDeclare ? (
          <Stack gap="xs" align="flex-end">
            <Button
              leftSection={<IconGavel size={18} aria-hidden />}
              color={quorum.reached ? 'green' : undefined}
              variant={quorum.reached ? 'filled' : 'light'}
              loading={declare.isPending && declare.variables.call === 'primera'}
              onClick={() => void run('primera')}
              aria-keyshortcuts={DECLARE_KEYS.join('+')}
              rightSection={
                <span aria-hidden className={classes.buttonKeys}>
                  {DECLARE_KEYS.map((key) => (
                    <Kbd key={key} size="xs">
                      {key}
                    </Kbd>
                  ))}
                </span>
              }
            >
              {t('rollCall.declare')}
            </Button>
            {quorum.secondCallAllowed && !quorum.reached ? (
              <Button
                variant="subtle"
                size="xs"
                loading={declare.isPending && declare.variables.call === 'segunda'}
                onClick={() => void run('segunda')}
              >
                {t('rollCall.declareSecond')}
              </Button>
            ) : null}
          </Stack>
        ) : declared?.reached && detail.session.status === 'en-curso' ? (
          <Button
            component={Link}
            ref={minutesLink}
            to={`/sesiones/${detail.session.id}/minuta`}
            color="orange"
            leftSection={<IconNotebook size={18} aria-hidden />}
          >
            {t('rollCall.toMinutes')}
          </Button>
        ) : null}
      </Group>
    </Paper>
  )
}
