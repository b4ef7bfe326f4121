import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core'
import { IconFileImport, IconSearch, IconUserPlus, IconUsersGroup } from '@tabler/icons-react'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { MemberRow } from '../../../main/core/contract/views'
import { SECTORS } from '../../../main/core/model/schema'
import { useMembers } from '../api/members'
import { DataTable } from '../common/data-table'
import { matchesQuery } from '../common/format'
import { PageHeader } from '../common/page-header'
import { Empty, ErrorState, LoadingRows, NoMatch } from '../common/query-state'
import { useClearFilters } from '../common/use-clear-filters'
import { useFilterParam } from '../common/use-filter-param'
import { MemberActiveModal } from './member-active-modal'
import { memberColumns } from './member-columns'
import { MemberFormModal } from './member-form-modal'
import { MembersImportModal } from './members-import-modal'
import { MemberTemplateButton } from './member-template-button'

export function MembersPage() {
  const { t } = useTranslation()
  const members = useMembers()
  const [query, setQuery] = useFilterParam('q')
  const [sector, setSector] = useFilterParam('sector')
  const [activeFilter, setActiveFilter] = useFilterParam('estado')
  const [editing, setEditing] = useState<MemberRow | null>(null)
  const [formOpen, setFormOpen] = useState(false)
  const [toggling, setToggling] = useState<MemberRow | null>(null)
  const [confirmOpen, setConfirmOpen] = useState(false)
  const [importOpen, setImportOpen] = useState(false)

  const columns = useMemo(
    () =>
      memberColumns(t, {
        onEdit: (member) => {
          setEditing(member)
          setFormOpen(true)
        },
        onToggleActive: (member) => {
          setToggling(member)
          setConfirmOpen(true)
        },
      }),
    [t],
  )
  const all = useMemo(() => members.data ?? [], [members.data])
  const visible = useMemo(
    () =>
      all.filter(
        (m) =>
          (!sector || m.sector === sector) &&
          (!activeFilter || (activeFilter === 'activos') === m.active) &&
          matchesQuery(query ?? '', m.fullName, m.position, m.institution, m.email, m.municipality, m.pairedName, m.rfc, m.curp),
      ),
    [all, sector, activeFilter, query],
  )

  const clearFilters = useClearFilters(['q', 'sector', 'estado'])

  const openCreate = () => {
    setEditing(null)
    setFormOpen(true)
  }
  const newButton = (
    <>
      <Button variant="default" leftSection={<IconFileImport size={18} aria-hidden />} onClick={() => setImportOpen(true)}>
        {t('members.import.button')}
      </Button>
      <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={openCreate}>
        {t('members.newMember')}
      </Button>
    </>
  )

  return (
    <>
      <PageHeader title={t('members.title')} description={t('members.description')} actions={newButton} />
      {members.isPending ? (
        <LoadingRows />
      ) : members.isError ? (
        <ErrorState error={members.error} onRetry={() => void members.refetch()} />
      ) : all.length === 0 ? (
        <Empty
          icon={<IconUsersGroup size={28} aria-hidden />}
          title={t('members.emptyTitle')}
          description={t('members.emptyText')}
          action={
            <>
              {newButton}
              <MemberTemplateButton />
            </>
          }
        />
      ) : (
        <Stack gap="md">
          <Group justify="space-between" align="flex-end">
            <Group gap="md" align="flex-end">
              <TextInput
                label={t('members.searchLabel')}
                placeholder={t('members.searchPlaceholder')}
                leftSection={<IconSearch size={16} aria-hidden />}
                value={query ?? ''}
                onChange={(e) => setQuery(e.currentTarget.value || null)}
                w={320}
                type="search"
              />
              <Select
                label={t('members.sectorFilter')}
                placeholder={t('common.all')}
                data={SECTORS.map((value) => ({ value, label: t(`enums.sector.${value}`) }))}
                value={sector}
                onChange={setSector}
                clearable
                w={230}
              />
              <Select
                label={t('members.activeFilter')}
                placeholder={t('common.all')}
                data={[
                  { value: 'activos', label: t('members.activeOptions.active') },
                  { value: 'inactivos', label: t('members.activeOptions.inactive') },
                ]}
                value={activeFilter}
                onChange={setActiveFilter}
                clearable
                w={160}
              />
            </Group>
            <Text size="sm" c="dimmed" aria-live="polite">
              {t('members.summary', { count: visible.length })}
            </Text>
          </Group>
          <DataTable
            data={visible}
            columns={columns}
            getRowId={(row) => row.id}
            label={t('members.tableLabel')}
            initialSorting={[{ id: 'fullName', desc: false }]}
            rowDimmed={(row) => !row.active}
            empty={<NoMatch title={t('members.noMatchTitle')} description={t('members.noMatchText', { count: all.length })} onClear={clearFilters} />}
          />
        </Stack>
      )}
      <MemberFormModal
        opened={formOpen}
        onClose={() => setFormOpen(false)}
        member={editing}
        members={all}
      />
      <MemberActiveModal opened={confirmOpen} member={toggling} onClose={() => setConfirmOpen(false)} />
      <MembersImportModal opened={importOpen} onClose={() => setImportOpen(false)} />
    </>
  )
}
