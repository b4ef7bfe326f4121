import { ActionIcon, Anchor, Badge, Group, Stack, Text, Tooltip } from '@mantine/core'
import { IconPencil, IconUserCheck, IconUserOff } from '@tabler/icons-react'
import { createColumnHelper } from '@tanstack/react-table'
import type { TFunction } from 'i18next'
import type { MemberRow } from '../../../main/core/contract/views'
import { openExternal } from '../api/external'
import { nameSortKey } from '../common/format'
import { SectorBadge } from '../common/status-badge'

const column = createColumnHelper<MemberRow>()

interface Actions {
  onEdit: (member: MemberRow) => void
  onToggleActive: (member: MemberRow) => void
}

export function memberColumns(t: TFunction, { onEdit, onToggleActive }: Actions) {
  return [
    column.accessor('fullName', {
      header: t('members.columns.name'),
      meta: { minWidth: 220 },
      sortingFn: (a, b) => nameSortKey(a.original.fullName).localeCompare(nameSortKey(b.original.fullName), 'es-MX'),
      cell: ({ row }) => (
        <Stack gap={0}>
          <Text size="sm" fw={600}>
            {row.original.fullName}
          </Text>
          {row.original.position ? (
            <Text size="xs" c="dimmed">
              {row.original.position}
            </Text>
          ) : null}
          <MemberEmail email={row.original.email} label={t('members.writeEmail', { email: row.original.email })} />
          <SignatureIds rfc={row.original.rfc} curp={row.original.curp} t={t} />
        </Stack>
      ),
    }),
    column.accessor('institution', {
      header: t('members.columns.institution'),
      meta: { minWidth: 190 },
      sortingFn: (a, b) => a.original.institution.localeCompare(b.original.institution, 'es-MX'),
      cell: ({ row }) => (
        <Stack gap={0}>
          <Text size="sm">{row.original.institution}</Text>
          {row.original.municipality ? (
            <Text size="xs" c="dimmed">
              {row.original.municipality}
            </Text>
          ) : null}
        </Stack>
      ),
    }),
    column.accessor('sector', {
      header: t('members.columns.sector'),
      cell: ({ getValue }) => <SectorBadge value={getValue()} />,
    }),
    column.accessor('role', {
      header: t('members.columns.role'),
      meta: { minWidth: 150 },
      cell: ({ row }) => {
        const { role, pairedName } = row.original
        return (
          <Stack gap={2}>
            <Text size="sm" fw={500}>
              {t(`enums.role.${role}`)}
            </Text>
            <Text size="xs" c="dimmed">
              {pairedName
                ? role === 'suplente'
                  ? t('members.suplenteOf', { name: pairedName })
                  : t('members.suplenteIs', { name: pairedName })
                : role === 'titular'
                  ? t('members.noSuplente')
                  : null}
            </Text>
          </Stack>
        )
      },
    }),
    column.accessor('voting', {
      header: t('members.columns.voting'),
      meta: { nowrap: true },
      cell: ({ getValue }) => (
        <Badge variant="outline" color={getValue() === 'voz-y-voto' ? 'institucional' : 'gray'}>
          {t(`enums.voting.${getValue()}`)}
        </Badge>
      ),
    }),
    column.accessor('active', {
      header: t('members.columns.active'),
      cell: ({ getValue }) => (
        <Badge color={getValue() ? 'green' : 'gray'} variant={getValue() ? 'light' : 'outline'}>
          {getValue() ? t('members.active') : t('members.inactive')}
        </Badge>
      ),
    }),
    column.display({
      id: 'actions',
      header: t('members.columns.actions'),
      meta: { align: 'right', width: 96 },
      cell: ({ row }) => {
        const member = row.original
        const toggleLabel = member.active
          ? t('members.deactivate', { name: member.fullName })
          : t('members.activate', { name: member.fullName })
        return (
          <Group gap={4} justify="flex-end" wrap="nowrap">
            <Tooltip label={t('members.edit', { name: member.fullName })}>
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={t('members.edit', { name: member.fullName })}
                onClick={() => onEdit(member)}
              >
                <IconPencil size={18} aria-hidden />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={toggleLabel}>
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={toggleLabel}
                onClick={() => onToggleActive(member)}
              >
                {member.active ? <IconUserOff size={18} aria-hidden /> : <IconUserCheck size={18} aria-hidden />}
              </ActionIcon>
            </Tooltip>
          </Group>
        )
      },
    }),
  ]
}

/** RFC and CURP, when known: what matches the member's e.firma to them. */
function SignatureIds({ rfc, curp, t }: { rfc: string; curp: string; t: TFunction }) {
  if (!rfc && !curp) return null
  return (
    <Text size="xs" c="dimmed" mt={2} className="break-anywhere">
      {rfc ? (
        <>
          {t('members.rfc')}{' '}
          <Text span ff="monospace" size="xs">
            {rfc}
          </Text>
        </>
      ) : null}
      {rfc && curp ? ' · ' : null}
      {curp ? (
        <>
          {t('members.curp')}{' '}
          <Text span ff="monospace" size="xs">
            {curp}
          </Text>
        </>
      ) : null}
    </Text>
  )
}

/** The address as a mail link; it wraps only after the @, where a reader expects. */
function MemberEmail({ email, label }: { email: string; label: string }) {
  if (!email) return null
  const at = email.indexOf('@')
  return (
    <Anchor
      component="button"
      type="button"
      size="xs"
      mt={2}
      onClick={() => void openExternal(`mailto:${email}`)}
      title={label}
      ta="left"
    >
      {at > 0 ? (
        <>
          {email.slice(0, at + 1)}
          <wbr />
          {email.slice(at + 1)}
        </>
      ) : (
        email
      )}
    </Anchor>
  )
}
