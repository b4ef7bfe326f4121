/** Fe de erratas: corrections appended to a signed acta, each in the audit trail. */
import { Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core'
import { IconPencilPlus } from '@tabler/icons-react'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SessionDetail } from '../../../main/core/contract/views'
import { errorMessage } from '../api/api-error'
import { useAddErrata } from '../api/signing'
import { formatDateTime } from '../common/dates'
import { notifyDone } from '../common/notify'

export function ErrataCard({ detail }: { detail: SessionDetail }) {
  const { t } = useTranslation()
  const add = useAddErrata()
  const [adding, setAdding] = useState(false)
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)
  const opener = useRef<HTMLButtonElement>(null)
  const errata = detail.session.errata

  const cancel = () => {
    setAdding(false)
    setText('')
    setError(null)
    window.setTimeout(() => opener.current?.focus(), 0)
  }
  const save = async () => {
    setError(null)
    try {
      await add.mutateAsync({ sessionId: detail.session.id, text })
      notifyDone(t('errata.done'))
      cancel()
    } catch (failure) {
      setError(errorMessage(failure, t('errors.unexpected')))
    }
  }

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="fe-de-erratas">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="md">
          <Stack gap={2} style={{ flex: 1, minWidth: 280 }}>
            <Title order={2} size="h3" id="fe-de-erratas">
              {t('errata.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('errata.description')}
            </Text>
          </Stack>
          {adding ? null : (
            <Button ref={opener} variant="default" leftSection={<IconPencilPlus size={18} aria-hidden />} onClick={() => setAdding(true)}>
              {t('errata.add')}
            </Button>
          )}
        </Group>
        {errata.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('errata.empty')}
          </Text>
        ) : (
          <Stack component="ol" gap="sm" aria-label={t('errata.listLabel')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {errata.map((entry, index) => (
              <Paper component="li" key={entry.id} p="sm" radius="sm" bg="var(--mantine-color-gray-0)" withBorder>
                <Stack gap={4}>
                  <Text size="xs" c="dimmed" fw={600}>
                    {index + 1}. {t('errata.by', { date: `${formatDateTime(entry.at)} h`, profile: entry.profile })}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} className="break-anywhere">
                    {entry.text}
                  </Text>
                </Stack>
              </Paper>
            ))}
          </Stack>
        )}
        {adding ? (
          <form
            onSubmit={(event) => {
              event.preventDefault()
              void save()
            }}
          >
            <Stack gap="sm">
              <Textarea
                label={t('errata.text')}
                description={t('errata.textHint')}
                value={text}
                onChange={(event) => setText(event.currentTarget.value)}
                error={error}
                autosize
                minRows={3}
                maxRows={10}
                maxLength={8000}
                withAsterisk
                data-autofocus
                autoFocus
              />
              <Group justify="flex-end" gap="sm">
                <Button variant="default" onClick={cancel} disabled={add.isPending}>
                  {t('common.cancel')}
                </Button>
                <Button type="submit" loading={add.isPending}>
                  {t('errata.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
      </Stack>
    </Paper>
  )
}
