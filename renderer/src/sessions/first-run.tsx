/**
 * «Primeros pasos»: what the sessions list shows until the first session
 * exists. Four steps (the settings, the members —by hand or with the CSV
 * template—, the Plan de Acción and the first session), each done or pending
 * as the core reports it (getDashboard's `firstSteps`), each with its action.
 */
import { Badge, Button, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { IconCalendarPlus, IconCircleCheck, IconCircleDashed, IconDownload, IconSettings, IconTargetArrow, IconUsersGroup } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { FirstStepsView } from '../../../main/core/contract/views'
import { MemberTemplateButton } from '../members/member-template-button'

interface StepProps {
  number: number
  title: string
  text: string
  done: boolean
  children: ReactNode
}

function Step({ number, title, text, done, children }: StepProps) {
  const { t } = useTranslation()
  const status = done ? t('sessions.firstRun.done') : t('sessions.firstRun.pending')
  const headingId = `primeros-pasos-${number}`
  return (
    <Paper component="li" withBorder radius="md" p="md" aria-labelledby={headingId} data-step={number} data-done={done ? 'true' : 'false'} style={{ listStyle: 'none' }}>
      <Group align="flex-start" wrap="nowrap" gap="md">
        <ThemeIcon size={36} radius="xl" variant="light" color={done ? 'green' : 'gray'} aria-hidden>
          {done ? <IconCircleCheck size={22} /> : <IconCircleDashed size={22} />}
        </ThemeIcon>
        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
          <Group gap="sm" wrap="wrap">
            <Title order={3} size="h5" id={headingId}>
              {number}. {title}
            </Title>
            <Badge color={done ? 'green' : 'gray'} variant="light">
              {status}
            </Badge>
          </Group>
          <Text size="sm" c="gray.7">
            {text}
          </Text>
          <Group gap="sm">{children}</Group>
        </Stack>
      </Group>
    </Paper>
  )
}

export function FirstSteps({ steps, onNewSession }: { steps: FirstStepsView; onNewSession: () => void }) {
  const { t } = useTranslation()
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="primeros-pasos">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} size="h3" id="primeros-pasos">
            {t('sessions.firstRun.title')}
          </Title>
          <Text size="sm" c="gray.7">
            {t('sessions.firstRun.intro')}
          </Text>
        </Stack>
        <Stack component="ol" gap="sm" m={0} p={0} aria-label={t('sessions.firstRun.listLabel')}>
          <Step number={1} title={t('sessions.firstRun.settings.title')} text={steps.settings ? t('sessions.firstRun.settings.doneText') : t('sessions.firstRun.settings.text')} done={steps.settings}>
            <Button component={Link} to="/configuracion" variant={steps.settings ? 'default' : 'filled'} size="sm" leftSection={<IconSettings size={16} aria-hidden />}>
              {t('sessions.firstRun.settings.action')}
            </Button>
          </Step>
          <Step
            number={2}
            title={t('sessions.firstRun.members.title')}
            text={steps.members > 0 ? t('sessions.firstRun.members.doneText', { count: steps.members }) : t('sessions.firstRun.members.text')}
            done={steps.members > 0}
          >
            <Button component={Link} to="/integrantes" variant={steps.members > 0 ? 'default' : 'filled'} size="sm" leftSection={<IconUsersGroup size={16} aria-hidden />}>
              {t('sessions.firstRun.members.action')}
            </Button>
            <MemberTemplateButton icon={<IconDownload size={16} aria-hidden />} />
          </Step>
          <Step number={3} title={t('sessions.firstRun.plan.title')} text={steps.plan ? t('sessions.firstRun.plan.doneText') : t('sessions.firstRun.plan.text')} done={steps.plan}>
            <Button component={Link} to="/plan-de-accion" variant={steps.plan ? 'default' : 'filled'} size="sm" leftSection={<IconTargetArrow size={16} aria-hidden />}>
              {t('sessions.firstRun.plan.action')}
            </Button>
          </Step>
          <Step number={4} title={t('sessions.firstRun.session.title')} text={t('sessions.firstRun.session.text')} done={steps.sessions > 0}>
            <Button size="sm" leftSection={<IconCalendarPlus size={16} aria-hidden />} onClick={onNewSession}>
              {t('sessions.firstRun.session.action')}
            </Button>
          </Step>
        </Stack>
      </Stack>
    </Paper>
  )
}
