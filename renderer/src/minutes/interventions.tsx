/** Who spoke on the current item: a member of the roll or anyone else by name, with a short summary. */
import { ActionIcon, Button, Flex, Group, Paper, Select, Stack, Text, TextInput, Textarea, Title, Tooltip } from '@mantine/core'
import { getHotkeyHandler } from '@mantine/hooks'
import { IconMessagePlus, IconTrash } from '@tabler/icons-react'
import { useMemo, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { RosterEntry } from '../../../main/core/contract/views'
import type { AgendaItem } from '../../../main/core/model/schema'
import { useSessionOperation } from '../api/sessions'
import { formatInstantTime } from '../common/dates'
import { nameSortKey } from '../common/format'
import { notifyError } from '../common/notify'

export function Interventions({ sessionId, item, roster, editable }: { sessionId: string; item: AgendaItem; roster: RosterEntry[]; editable: boolean }) {
  const { t } = useTranslation()
  const add = useSessionOperation('addIntervention')
  const remove = useSessionOperation('removeIntervention')
  const [memberId, setMemberId] = useState<string | null>(null)
  const [speaker, setSpeaker] = useState('')
  const [summary, setSummary] = useState('')
  const people = useMemo(() => {
    const byId = new Map<string, string>()
    for (const entry of roster) {
      byId.set(entry.memberId, entry.fullName)
      for (const substitute of entry.substitutes) byId.set(substitute.id, substitute.fullName)
    }
    return [...byId].sort((a, b) => nameSortKey(a[1]).localeCompare(nameSortKey(b[1]), 'es-MX')).map(([value, label]) => ({ value, label }))
  }, [roster])

  const submit = async (event?: FormEvent) => {
    event?.preventDefault()
    try {
      await add.mutateAsync({ sessionId, itemId: item.id, memberId, speaker: memberId ? '' : speaker.trim(), summary: summary.trim() })
      setMemberId(null)
      setSpeaker('')
      setSummary('')
    } catch (error) {
      notifyError(error)
    }
  }

  return (
    <Paper withBorder p="md" h="100%">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('minutes.interventions.title')}
        </Title>
        {item.interventions.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('minutes.interventions.empty')}
          </Text>
        ) : (
          <Flex direction="column" gap={6} component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {item.interventions.map((intervention) => (
              <Flex key={intervention.id} component="li" justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                <Text size="sm" style={{ minWidth: 0 }} className="break-anywhere">
                  <Text span fw={600}>
                    {intervention.speaker}
                  </Text>{' '}
                  <Text span size="xs" c="dimmed">
                    {formatInstantTime(intervention.at)}
                  </Text>
                  {intervention.summary ? <> — {intervention.summary}</> : null}
                </Text>
                {editable ? (
                  <Tooltip label={t('minutes.interventions.remove', { name: intervention.speaker })}>
                    <ActionIcon
                      size="sm"
                      variant="subtle"
                      color="red"
                      aria-label={t('minutes.interventions.remove', { name: intervention.speaker })}
                      onClick={() =>
                        remove.mutate({ sessionId, itemId: item.id, interventionId: intervention.id }, { onError: (error) => notifyError(error) })
                      }
                    >
                      <IconTrash size={14} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                ) : null}
              </Flex>
            ))}
          </Flex>
        )}
        {editable ? (
          <form onSubmit={(event) => void submit(event)} noValidate>
            <Stack gap="xs">
              <Group grow align="flex-start" gap="xs">
                <Select
                  size="sm"
                  label={t('minutes.interventions.member')}
                  placeholder={t('minutes.interventions.memberPlaceholder')}
                  data={people}
                  value={memberId}
                  onChange={setMemberId}
                  searchable
                  clearable
                  nothingFoundMessage={t('common.noResults')}
                />
                <TextInput
                  size="sm"
                  label={t('minutes.interventions.other')}
                  placeholder={t('minutes.interventions.otherPlaceholder')}
                  value={speaker}
                  onChange={(event) => setSpeaker(event.currentTarget.value)}
                  disabled={memberId !== null}
                  maxLength={160}
                />
              </Group>
              <Textarea
                size="sm"
                label={t('minutes.interventions.summary')}
                value={summary}
                onChange={(event) => setSummary(event.currentTarget.value)}
                onKeyDown={getHotkeyHandler([['mod+Enter', () => void submit()]])}
                autosize
                minRows={2}
                maxLength={4000}
              />
              <Group justify="flex-end">
                <Button type="submit" size="xs" variant="light" leftSection={<IconMessagePlus size={16} aria-hidden />} loading={add.isPending}>
                  {t('minutes.interventions.add')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
      </Stack>
    </Paper>
  )
}
