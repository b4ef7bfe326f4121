/**
 * The rest of a packet in member mode: its PDFs (guide, convocatoria,
 * previous acta) and every supporting document in one list, the previous
 * session's acta, and the agreements under follow-up.
 */
import { Accordion, Badge, Group, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core'
import { IconFileTypePdf, IconPaperclip } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { PacketView } from '../../../main/core/contract/views'
import { formatDate, formatLongDate } from '../common/dates'
import { ExpandableText } from '../common/expandable-text'
import { formatBytes } from '../common/format'
import { Empty } from '../common/query-state'
import { AgendaStatusBadge, AgreementStateBadge } from '../common/status-badge'
import { PacketFileActions } from './packet-file-actions'
import classes from './packets.module.css'

export function PacketDocuments({ view }: { view: PacketView }) {
  const { t } = useTranslation()
  const attachments = view.items.flatMap((item) => item.attachments.map((attachment) => ({ item, attachment })))
  return (
    <Stack gap="lg">
      <Paper withBorder p="lg">
        <Stack gap="sm">
          <Stack gap={2}>
            <Title order={2} size="h3">
              {t('memberReview.documents.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('memberReview.documents.text')}
            </Text>
          </Stack>
          {view.documents.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('memberReview.documents.none')}
            </Text>
          ) : (
            <ul className={classes.files} aria-label={t('memberReview.documents.title')}>
              {view.documents.map((document) => (
                <li key={document.entry} className={classes.file}>
                  <IconFileTypePdf size={18} aria-hidden color="var(--mantine-color-red-7)" style={{ flexShrink: 0 }} />
                  <Text size="sm" fw={500} style={{ flex: 1, minWidth: 0 }}>
                    {document.label}
                    <Text span size="xs" c="dimmed" ml={8}>
                      {document.entry} · {formatBytes(document.size)}
                    </Text>
                  </Text>
                  <PacketFileActions packetId={view.packetId} entry={document.entry} name={document.label} mimeType={document.mimeType} />
                </li>
              ))}
            </ul>
          )}
        </Stack>
      </Paper>
      <Paper withBorder p="lg">
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('memberReview.documents.attachmentsTitle')}
          </Title>
          {attachments.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('memberReview.documents.attachmentsNone')}
            </Text>
          ) : (
            <ul className={classes.files} aria-label={t('memberReview.documents.attachmentsTitle')}>
              {attachments.map(({ item, attachment }) => (
                <li key={attachment.id} className={classes.file}>
                  <IconPaperclip size={16} aria-hidden color="var(--mantine-color-gray-6)" style={{ flexShrink: 0 }} />
                  <Badge variant="light" radius="sm" className={classes.number}>
                    {t('memberReview.documents.pointLabel', { number: item.number })}
                  </Badge>
                  <Text size="sm" fw={500} className="break-anywhere" style={{ flex: 1, minWidth: 0 }}>
                    {attachment.fileName}
                    <Text span size="xs" c="dimmed" ml={8}>
                      {formatBytes(attachment.size)}
                    </Text>
                  </Text>
                  <PacketFileActions packetId={view.packetId} entry={attachment.entry} name={attachment.fileName} mimeType={attachment.mimeType} />
                </li>
              ))}
            </ul>
          )}
        </Stack>
      </Paper>
    </Stack>
  )
}

export function PreviousActa({ view }: { view: PacketView }) {
  const { t } = useTranslation()
  const acta = view.previousActa
  if (!acta) return <Empty title={t('memberReview.tabs.previousActa')} description={t('memberReview.previousActa.none')} />
  return (
    <Stack gap="md">
      <Paper withBorder p="lg">
        <Group justify="space-between" align="flex-start" gap="md">
          <Stack gap={4}>
            <Title order={2} size="h3">
              {acta.title}
            </Title>
            <Group gap="sm">
              <Text size="sm" ff="monospace" fw={600}>
                {acta.key}
              </Text>
              <Text size="sm" c="dimmed">
                {formatLongDate(acta.date)}
              </Text>
              <Badge color={acta.signed ? 'green' : 'gray'} variant={acta.signed ? 'light' : 'outline'}>
                {acta.signed ? t('memberReview.previousActa.signed') : t('memberReview.previousActa.generated')}
              </Badge>
            </Group>
          </Stack>
          {acta.pdfEntry ? (
            <PacketFileActions packetId={view.packetId} entry={acta.pdfEntry} name={t('memberReview.previousActa.pdf')} mimeType="application/pdf" size="xs" />
          ) : null}
        </Group>
      </Paper>
      <Stack gap={6}>
        <Title order={3} size="h4">
          {t('memberReview.previousActa.items')}
        </Title>
        <Accordion variant="contained" multiple chevronPosition="right" bg="white">
          {acta.items.map((item) => (
            <Accordion.Item key={item.number} value={item.number}>
              <Accordion.Control>
                <Group gap="sm" wrap="nowrap">
                  <Badge variant={item.number.includes('.') ? 'light' : 'filled'} radius="sm" className={classes.number}>
                    <VisuallyHidden>{t('memberReview.previousActa.itemWord')} </VisuallyHidden>
                    {item.number}
                  </Badge>
                  <Text size="sm" fw={600} style={{ flex: 1 }}>
                    <VisuallyHidden>: </VisuallyHidden>
                    {item.title}
                  </Text>
                  <AgendaStatusBadge value={item.status} />
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                {item.notes.trim() ? (
                  <ExpandableText text={item.notes} lines={6} />
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('memberReview.previousActa.noNotes')}
                  </Text>
                )}
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      </Stack>
      <Stack gap={6}>
        <Title order={3} size="h4">
          {t('memberReview.previousActa.agreements')}
        </Title>
        {acta.agreements.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('memberReview.previousActa.noAgreements')}
          </Text>
        ) : (
          acta.agreements.map((agreement) => (
            <Paper key={agreement.key} withBorder p="md">
              <Stack gap={6}>
                <Group gap="sm">
                  <Text size="sm" ff="monospace" fw={650}>
                    {agreement.key}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('memberReview.previousActa.itemLabel', { number: agreement.itemNumber })}
                  </Text>
                </Group>
                <Text size="sm" className="pre-wrap">
                  {agreement.text}
                </Text>
                <Stack gap={0}>
                  {agreement.vote ? (
                    <Text size="xs" c="dimmed">
                      {t('memberReview.previousActa.vote', { vote: agreement.vote })}
                    </Text>
                  ) : null}
                  {agreement.responsible ? (
                    <Text size="xs" c="dimmed">
                      {t('memberReview.previousActa.responsible', { names: agreement.responsible })}
                    </Text>
                  ) : null}
                  {agreement.dueDate ? (
                    <Text size="xs" c="dimmed">
                      {t('memberReview.previousActa.due', { date: formatDate(agreement.dueDate) })}
                    </Text>
                  ) : null}
                </Stack>
              </Stack>
            </Paper>
          ))
        )}
      </Stack>
    </Stack>
  )
}

export function FollowUpAgreements({ view }: { view: PacketView }) {
  const { t } = useTranslation()
  if (view.pendingAgreements.length === 0) return <Empty title={t('memberReview.tabs.followUp')} description={t('memberReview.followUp.none')} />
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('memberReview.followUp.text')}
      </Text>
      <ul className={classes.list} aria-label={t('memberReview.followUp.listLabel')}>
        {view.pendingAgreements.map((agreement) => (
          <Paper key={agreement.key} withBorder p="md" component="li">
            <Stack gap={6}>
              <Group justify="space-between" gap="sm" wrap="nowrap">
                <Text size="sm" ff="monospace" fw={650}>
                  {agreement.key}
                </Text>
                <AgreementStateBadge value={agreement.state} />
              </Group>
              <ExpandableText text={agreement.text} lines={3} />
              <Stack gap={0}>
                <Text size="xs" c="dimmed">
                  {t('memberReview.followUp.adopted', { session: agreement.sessionTitle })}
                  {' · '}
                  {agreement.dueDate ? t('memberReview.followUp.due', { date: formatDate(agreement.dueDate) }) : t('memberReview.followUp.noDue')}
                </Text>
                {agreement.responsible ? (
                  <Text size="xs" c="dimmed">
                    {t('memberReview.followUp.responsible', { names: agreement.responsible })}
                  </Text>
                ) : null}
              </Stack>
            </Stack>
          </Paper>
        ))}
      </ul>
    </Stack>
  )
}
