import { Alert, Badge, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core'
import { IconScale } from '@tabler/icons-react'
import type { Ref } from 'react'
import { useTranslation } from 'react-i18next'
import type { Attendance, QuorumDeclaration } from '../../../main/core/model/schema'
import { formatInstantTime } from '../common/dates'
import { attendanceColor } from '../common/status-colors'

interface QuorumSummaryProps {
  quorum: QuorumDeclaration | null
  attendance: Attendance[]
  /** Whether to say that no declaration was made yet (the live indicator already says so during the meeting). */
  showPending?: boolean
  /** The declaration's statement, which takes the focus right after the quorum is declared. */
  statementRef?: Ref<HTMLDivElement>
}

/** The quorum declaration as the acta records it, and the attendance tallies. */
export function QuorumSummary({ quorum, attendance, showPending = true, statementRef }: QuorumSummaryProps) {
  const { t } = useTranslation()
  const count = (status: Attendance['status']) => attendance.filter((a) => a.status === status).length
  const tallies = [
    { status: 'presente', label: t('session.attendance.summaryPresent') },
    { status: 'suplente', label: t('session.attendance.summarySubstitute') },
    { status: 'justificada', label: t('session.attendance.summaryJustified') },
    { status: 'ausente', label: t('session.attendance.summaryAbsent') },
  ] as const

  return (
    <Stack gap="md">
      {quorum || showPending ? (
        <Alert
          ref={statementRef}
          tabIndex={quorum ? -1 : undefined}
          variant="light"
          color={quorum ? (quorum.reached ? 'green' : 'red') : 'gray'}
          icon={<IconScale size={20} aria-hidden />}
          title={
            <Group gap="sm">
              <span>{t('session.attendance.quorumTitle')}</span>
              {quorum ? (
                <Badge color={quorum.reached ? 'green' : 'red'} variant="filled">
                  {quorum.reached ? t('session.attendance.quorumReached') : t('session.attendance.quorumNotReached')}
                </Badge>
            ) : null}
          </Group>
        }
      >
        {quorum
          ? t('session.attendance.quorumText', {
              time: formatInstantTime(quorum.declaredAt),
              call: t(`enums.quorumCall.${quorum.call}`),
              present: quorum.present,
              voting: quorum.votingMembers,
              required: quorum.required,
            })
          : t('session.attendance.quorumPending')}
      </Alert>
      ) : null}
      {attendance.length > 0 ? (
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          {tallies.map(({ status, label }) => (
            <Paper key={status} withBorder p="sm" style={{ borderLeft: `4px solid var(--mantine-color-${attendanceColor[status]}-6)` }}>
              <Text size="xs" c="dimmed" fw={600}>
                {label}
              </Text>
              <Text size="xl" fw={700}>
                {count(status)}
              </Text>
            </Paper>
          ))}
        </SimpleGrid>
      ) : null}
    </Stack>
  )
}
