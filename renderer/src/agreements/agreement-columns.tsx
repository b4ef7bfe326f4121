import { Anchor, Group, Stack, Text, Tooltip, UnstyledButton, VisuallyHidden } from '@mantine/core'
import { IconAlertTriangle, IconMessageCircle } from '@tabler/icons-react'
import { createColumnHelper } from '@tanstack/react-table'
import type { TFunction } from 'i18next'
import { Link } from 'react-router'
import type { AgreementRow } from '../../../main/core/contract/views'
import { formatShortDate } from '../common/dates'
import { ExpandableText } from '../common/expandable-text'
import { Responsibles } from '../common/responsibles'
import { AgreementStateBadge } from '../common/status-badge'

const column = createColumnHelper<AgreementRow>()

/** Columns of the agreements list; the key opens the agreement's detail (`onOpen`). */
export function agreementColumns(t: TFunction, onOpen?: (row: AgreementRow) => void) {
  return [
    column.accessor('key', {
      header: t('agreements.columns.agreement'),
      meta: { minWidth: 260 },
      cell: ({ row }) => (
        <Stack gap={4}>
          {onOpen ? (
            <UnstyledButton
              onClick={() => onOpen(row.original)}
              aria-label={t('agreements.openAgreement', { key: row.original.key })}
              aria-haspopup="dialog"
              w="fit-content"
            >
              <Text size="sm" fw={700} ff="monospace" c="institucional.8" td="underline" style={{ textUnderlineOffset: 3 }}>
                {row.original.key}
              </Text>
            </UnstyledButton>
          ) : (
            <Text size="sm" fw={700} ff="monospace">
              {row.original.key}
            </Text>
          )}
          <ExpandableText text={row.original.text} />
        </Stack>
      ),
    }),
    column.accessor((row) => row.sessionDate, {
      id: 'session',
      header: t('agreements.columns.session'),
      meta: { minWidth: 150 },
      cell: ({ row }) => (
        <Stack gap={0}>
          <Anchor component={Link} to={`/sesiones/${row.original.sessionId}`} size="sm">
            {row.original.sessionTitle}
          </Anchor>
          <Text size="xs" c="dimmed">
            {formatShortDate(row.original.sessionDate)}
          </Text>
        </Stack>
      ),
    }),
    column.display({
      id: 'responsibles',
      header: t('agreements.columns.responsibles'),
      meta: { minWidth: 170 },
      cell: ({ row }) => (
        <Responsibles names={row.original.responsibleNames} institutions={row.original.responsibleInstitutions} />
      ),
    }),
    column.accessor((row) => row.dueDate ?? '9999-12-31', {
      id: 'due',
      header: t('agreements.columns.due'),
      meta: { nowrap: true },
      cell: ({ row }) =>
        row.original.dueDate ? (
          <Group gap={4} wrap="nowrap">
            {row.original.state === 'vencido' ? (
              <IconAlertTriangle size={14} color="var(--mantine-color-red-7)" aria-hidden />
            ) : null}
            <Text size="sm" c={row.original.state === 'vencido' ? 'red.8' : undefined} fw={row.original.state === 'vencido' ? 600 : undefined}>
              {formatShortDate(row.original.dueDate)}
            </Text>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('agreements.noDueDate')}
          </Text>
        ),
    }),
    column.accessor('state', {
      header: t('agreements.columns.state'),
      cell: ({ getValue }) => <AgreementStateBadge value={getValue()} />,
    }),
    column.accessor((row) => row.followUps.length, {
      id: 'followUps',
      header: t('agreements.columns.followUps'),
      meta: { nowrap: true, align: 'center' },
      cell: ({ getValue }) => (
        <Tooltip label={t('agreements.followUps', { count: getValue() })}>
          <Group gap={4} wrap="nowrap" justify="center">
            <IconMessageCircle size={14} aria-hidden color="var(--mantine-color-dimmed)" />
            <Text size="sm" c={getValue() === 0 ? 'dimmed' : undefined} aria-hidden>
              {getValue()}
            </Text>
            <VisuallyHidden>{t('agreements.followUps', { count: getValue() })}</VisuallyHidden>
          </Group>
        </Tooltip>
      ),
    }),
  ]
}
