/**
 * The Confirmaciones tab: before the session, each titular's answer to the
 * notice (confirmó, declinó, sin respuesta) and who attends in their place,
 * with the quorum the answers foresee on top. Once the session is no longer
 * to be held (the core's `confirmations.open`), what was answered, read-only.
 * The keys: C/D/S on a titular's row, ↑/↓ to move; ↓ from the search box goes
 * to the first row.
 */
import { Alert, Group, Select, Stack, Text, TextInput } from '@mantine/core'
import { IconInfoCircle, IconLock, IconSearch } from '@tabler/icons-react'
import { useMemo, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { SessionDetail } from '../../../main/core/contract/views'
import { matchesQuery } from '../common/format'
import { Empty, NoMatch } from '../common/query-state'
import { ANSWERS, type Answer } from './confirmations/answer-colors'
import { ConfirmationsTable } from './confirmations/confirmations-table'
import { ExpectedQuorumCard } from './confirmations/expected-quorum-card'

export function ConfirmationsTab({ detail }: { detail: SessionDetail }) {
  const { t } = useTranslation()
  const { confirmations, session } = detail
  const [query, setQuery] = useState('')
  const [answer, setAnswer] = useState<Answer | null>(null)
  const visible = useMemo(
    () => confirmations.rows.filter((row) => (!answer || row.answer === answer) && matchesQuery(query, row.fullName, row.institution, row.substitute?.fullName)),
    [confirmations.rows, answer, query],
  )

  if (confirmations.rows.length === 0) return <Empty title={t('confirmations.empty')} />

  const toFirstRow = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'ArrowDown' || !confirmations.open) return
    const first = document.querySelector<HTMLElement>('tr[data-answer][tabindex="0"]')
    if (first) {
      event.preventDefault()
      first.focus()
    }
  }

  return (
    <Stack gap="md">
      <ExpectedQuorumCard expected={confirmations.expected} />
      {confirmations.open ? (
        <Text size="sm" c="dimmed" maw={860}>
          <IconInfoCircle size={16} aria-hidden style={{ verticalAlign: 'text-bottom', marginRight: 6 }} />
          {t('confirmations.intro')}
        </Text>
      ) : (
        <Alert variant="light" color="gray" icon={<IconLock size={18} aria-hidden />}>
          {t('confirmations.closed')}
        </Alert>
      )}
      <Group justify="space-between" align="flex-end">
        <Group gap="md" align="flex-end">
          <TextInput
            label={t('confirmations.searchLabel')}
            placeholder={t('confirmations.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={query}
            onChange={(event) => setQuery(event.currentTarget.value)}
            onKeyDown={toFirstRow}
            w={300}
            type="search"
          />
          <Select
            label={t('confirmations.answerFilter')}
            placeholder={t('common.all')}
            data={ANSWERS.map((value) => ({ value, label: t(`confirmations.answer.${value}`) }))}
            value={answer}
            onChange={(value) => setAnswer(ANSWERS.find((candidate) => candidate === value) ?? null)}
            clearable
            w={180}
          />
        </Group>
        <Text size="sm" c="dimmed" aria-live="polite">
          {t('confirmations.visible', { count: visible.length })}
        </Text>
      </Group>
      {visible.length > 0 ? (
        <ConfirmationsTable sessionId={session.id} rows={visible} editable={confirmations.open} />
      ) : (
        <NoMatch
          title={t('confirmations.noMatchTitle')}
          description={t('confirmations.noMatchText', { count: confirmations.rows.length })}
          onClear={() => {
            setQuery('')
            setAnswer(null)
          }}
        />
      )}
    </Stack>
  )
}
