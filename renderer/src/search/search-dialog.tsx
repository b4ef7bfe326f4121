/**
 * One search box over members, sessions, minutes, agreements and
 * commitments (the core's `search`, accent-insensitive). Results grouped by
 * kind in the core's order (the best matches, then the newest), with their
 * date in words and their snippet; ↑/↓ move, Intro opens the right screen,
 * Esc closes.
 * The input is a combobox whose list is the results (aria-activedescendant).
 */
import { Group, Kbd, Loader, Modal, Stack, Text, TextInput } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import {
  IconCalendarEvent,
  IconChecklist,
  IconCornerDownLeft,
  IconNotebook,
  IconSearch,
  IconTargetArrow,
  IconUser,
  type Icon,
} from '@tabler/icons-react'
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import type { SearchResult } from '../../../main/core/contract/views'
import { SEARCH_LIMIT, useSearch } from '../api/search'
import { formatDate } from '../common/dates'
import { KbdLegend } from '../common/kbd-legend'
import { highlight } from './highlight'
import classes from './search.module.css'

const KINDS = ['sesion', 'acuerdo', 'compromiso', 'integrante', 'minuta'] as const satisfies ReadonlyArray<SearchResult['kind']>

const ICONS: Record<SearchResult['kind'], Icon> = {
  integrante: IconUser,
  sesion: IconCalendarEvent,
  minuta: IconNotebook,
  acuerdo: IconChecklist,
  compromiso: IconTargetArrow,
}

/** Where a result leads. */
export function resultPath(result: SearchResult): string {
  switch (result.kind) {
    case 'integrante':
      return `/integrantes?q=${encodeURIComponent(result.title)}`
    case 'sesion':
      return `/sesiones/${encodeURIComponent(result.id)}`
    case 'minuta':
      return result.sessionId ? `/sesiones/${encodeURIComponent(result.sessionId)}` : '/sesiones'
    case 'acuerdo':
      return `/acuerdos?q=${encodeURIComponent(result.title)}&ver=${encodeURIComponent(result.id)}`
    case 'compromiso':
      return `/plan-de-accion?compromiso=${encodeURIComponent(result.id)}`
  }
}

/** The snippet without the title it often starts with («Primera Sesión Ordinaria 2026 · SO01-2026 · …»). */
function withoutTitle(snippet: string, title: string): string {
  const text = snippet.trim()
  if (text === title) return ''
  let rest = text.startsWith(title) ? text.slice(title.length) : text
  const lead = /^(…|\.\.\.)/.exec(rest)?.[0] ?? ''
  rest = rest.slice(lead.length)
  // A separator left at the start («· STL-SO06-2026 · …») goes with the title it followed.
  if (/^\s*[·:,-]/.test(rest)) rest = rest.replace(/^[\s·:,-]+/, '')
  rest = rest.trimStart()
  return rest ? lead + rest : ''
}

export function SearchDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      centered={false}
      yOffset="9vh"
      size={680}
      padding="md"
      title={
        <Text fw={700} size="lg">
          {t('search.title')}
        </Text>
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened ? <SearchPanel onClose={onClose} /> : null}
    </Modal>
  )
}

function SearchPanel({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [query, setQuery] = useState('')
  const [debounced] = useDebouncedValue(query, 120)
  const search = useSearch(debounced)
  const [active, setActive] = useState(0)
  const listRef = useRef<HTMLDivElement>(null)
  const text = debounced.trim()
  const results = useMemo(() => (text ? (search.data ?? []) : []), [search.data, text])

  // Grouped in a fixed order; `ordered` is the keyboard order.
  const groups = useMemo(
    () => KINDS.map((kind) => ({ kind, items: results.filter((result) => result.kind === kind) })).filter((group) => group.items.length > 0),
    [results],
  )
  const ordered = useMemo(() => groups.flatMap((group) => group.items), [groups])
  const current = Math.min(active, Math.max(ordered.length - 1, 0))
  const optionId = (index: number) => `resultado-${index}`

  useEffect(() => {
    listRef.current?.querySelector(`#${optionId(current)}`)?.scrollIntoView({ block: 'nearest' })
  }, [current, ordered])

  const open = (result: SearchResult | undefined) => {
    if (!result) return
    onClose()
    void navigate(resultPath(result))
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault()
      setActive(ordered.length ? (current + 1) % ordered.length : 0)
    } else if (event.key === 'ArrowUp') {
      event.preventDefault()
      setActive(ordered.length ? (current - 1 + ordered.length) % ordered.length : 0)
    } else if (event.key === 'Home' && event.ctrlKey) {
      event.preventDefault()
      setActive(0)
    } else if (event.key === 'End' && event.ctrlKey) {
      event.preventDefault()
      setActive(Math.max(ordered.length - 1, 0))
    } else if (event.key === 'Enter') {
      event.preventDefault()
      open(ordered[current])
    }
  }

  const waiting = search.isFetching || query.trim() !== text
  return (
    <Stack gap="sm">
      <TextInput
        value={query}
        onChange={(event) => {
          setQuery(event.currentTarget.value)
          setActive(0)
        }}
        onKeyDown={onKeyDown}
        placeholder={t('search.placeholder')}
        aria-label={t('search.input')}
        leftSection={<IconSearch size={18} aria-hidden />}
        rightSection={waiting && query.trim() ? <Loader size={16} /> : null}
        size="md"
        data-autofocus
        autoFocus
        role="combobox"
        aria-expanded={ordered.length > 0}
        aria-controls="resultados-busqueda"
        aria-autocomplete="list"
        aria-activedescendant={ordered.length > 0 ? optionId(current) : undefined}
        autoComplete="off"
        spellCheck={false}
      />
      <Text size="xs" c="dimmed">
        {t('search.hint')}
      </Text>
      <div ref={listRef} className={classes.results} id="resultados-busqueda" role="listbox" aria-label={t('search.resultsLabel')}>
        {groups.map((group) => (
          <div key={group.kind} role="group" aria-labelledby={`grupo-${group.kind}`}>
            <div className={classes.groupLabel} id={`grupo-${group.kind}`} role="presentation">
              {t(`search.groups.${group.kind}`)} · {group.items.length}
            </div>
            {group.items.map((result) => {
              const position = ordered.indexOf(result)
              const selected = position === current
              const KindIcon = ICONS[result.kind]
              const snippet = withoutTitle(result.snippet, result.title)
              const date = result.date ? formatDate(result.date) : null
              return (
                <div
                  key={`${result.kind}-${result.id}`}
                  id={optionId(position)}
                  role="option"
                  aria-selected={selected}
                  className={classes.option}
                  onMouseMove={() => {
                    if (!selected) setActive(position)
                  }}
                  onClick={() => open(result)}
                  data-kind={result.kind}
                >
                  <KindIcon size={18} className={classes.optionIcon} aria-hidden />
                  <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                    <Text size="sm" fw={600} c="gray.9" className="break-anywhere" lineClamp={2}>
                      {highlight(result.title, text, classes.mark ?? '')}
                    </Text>
                    {date || snippet ? (
                      <Text size="xs" c="gray.7" lineClamp={2} className="break-anywhere">
                        {date ? <span className={classes.date}>{date}</span> : null}
                        {date && snippet ? ' · ' : null}
                        {snippet ? highlight(snippet, text, classes.mark ?? '') : null}
                      </Text>
                    ) : null}
                  </Stack>
                  <IconCornerDownLeft size={16} className={classes.enter} aria-hidden />
                </div>
              )
            })}
          </div>
        ))}
      </div>
      <div role="status" aria-live="polite">
        {!text ? (
          <Text size="sm" c="dimmed" ta="center" py="md">
            {t('search.start')}
          </Text>
        ) : search.isSuccess && !search.isPlaceholderData && ordered.length === 0 ? (
          <Text size="sm" c="dimmed" ta="center" py="md">
            {t('search.empty', { query: text })}
          </Text>
        ) : ordered.length > 0 ? (
          <Text size="xs" c="dimmed">
            {t('search.count', { count: ordered.length })}
            {ordered.length >= SEARCH_LIMIT ? ` · ${t('search.more', { count: SEARCH_LIMIT })}` : ''}
          </Text>
        ) : null}
      </div>
      <Group justify="space-between" pt={4} style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
        <KbdLegend
          shortcuts={[
            { keys: ['↑ ↓'], label: t('search.keys.move') },
            { keys: ['Intro'], label: t('search.keys.open') },
            { keys: ['Esc'], label: t('search.keys.close') },
          ]}
        />
        <Group gap={4} aria-hidden>
          <Kbd size="xs">Ctrl</Kbd>
          <Kbd size="xs">K</Kbd>
        </Group>
      </Group>
    </Stack>
  )
}
