/**
 * «Revisión de paquete» (#/revision): member mode. A member opens the review
 * packet the secretariat sent (.stlpkg), reads the session's agenda and its
 * documents offline, writes comments per point and a general one, and exports
 * them as a small JSON file to send back. Works with an empty data file: a
 * member's copy of the app needs none of the secretariat's data.
 */
import { Alert, Badge, Button, FileButton, Grid, Group, List, Paper, Progress, Stack, Tabs, Text, ThemeIcon, Title } from '@mantine/core'
import {
  IconAlertTriangle,
  IconChecklist,
  IconFileCertificate,
  IconFiles,
  IconFolderOpen,
  IconListNumbers,
  IconLock,
  IconPackage,
  IconX,
} from '@tabler/icons-react'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PacketView } from '../../../main/core/contract/views'
import { ConfirmModal } from '../common/confirm-modal'
import { notifyDone } from '../common/notify'
import { PageHeader } from '../common/page-header'
import { CommentsPanel } from './comments-panel'
import { PacketAgenda } from './packet-agenda'
import { FollowUpAgreements, PacketDocuments, PreviousActa } from './packet-documents'
import { PacketFacts } from './packet-facts'
import { emptyDraft, loadDraft, loadOpenPacket, storeDraft, storeOpenPacket, writtenComments, type CommentDraft } from './review-storage'
import { usePacketOpening, type Opening } from './use-packet-opening'

const PACKET_ACCEPT = '.stlpkg,.zip,application/zip'

interface ReviewState {
  view: PacketView | null
  draft: CommentDraft
}

function initialState(): ReviewState {
  const view = loadOpenPacket()
  return { view, draft: view ? loadDraft(view.packetId) : emptyDraft }
}

export function MemberReviewPage() {
  const { t } = useTranslation()
  const [{ view, draft }, setState] = useState<ReviewState>(initialState)
  const [closing, setClosing] = useState(false)

  // Drafts survive a reload of the window (sessionStorage), never the window itself.
  useEffect(() => {
    if (view) storeDraft(view.packetId, draft)
  }, [view, draft])

  const onOpened = (opened: PacketView) => {
    storeOpenPacket(opened)
    setState((current) => {
      const stored = loadDraft(opened.packetId)
      // The member's name carries over from the packet open before.
      return { view: opened, draft: stored.author ? stored : { ...stored, author: current.draft.author } }
    })
    notifyDone(t('memberReview.opening.opened', { title: opened.session.title }))
  }
  const { opening, open, busy, dismiss } = usePacketOpening(onOpened)
  // Cleared after every choice, so the same file can be chosen again after a refusal.
  const resetRef = useRef<() => void>(null)

  const changeDraft = useCallback((change: (draft: CommentDraft) => CommentDraft) => {
    setState((current) => (current.view ? { ...current, draft: change(current.draft) } : current))
  }, [])
  const onComment = useCallback((itemId: string, text: string) => changeDraft((current) => ({ ...current, items: { ...current.items, [itemId]: text } })), [changeDraft])

  const close = () => {
    if (view) {
      storeDraft(view.packetId, null)
      storeOpenPacket(null)
    }
    setState((current) => ({ view: null, draft: { ...emptyDraft, author: current.draft.author } }))
    setClosing(false)
  }
  const written = view ? writtenComments(draft, view.items.map((item) => item.id)) : null
  const hasComments = written !== null && (written.general !== '' || written.items.length > 0)

  const openButton = (label: string, primary: boolean) => (
    <FileButton
      onChange={(file) => {
        resetRef.current?.()
        void open(file)
      }}
      accept={PACKET_ACCEPT}
      disabled={busy}
      resetRef={resetRef}
    >
      {(props) => (
        <Button {...props} variant={primary ? 'filled' : 'default'} size={primary ? 'md' : 'sm'} leftSection={<IconFolderOpen size={18} aria-hidden />} loading={busy}>
          {label}
        </Button>
      )}
    </FileButton>
  )

  if (!view) {
    return (
      <>
        <PageHeader title={t('memberReview.title')} description={t('memberReview.description')} />
        <OpeningStatus opening={opening} onDismiss={dismiss} />
        <Paper withBorder p="xl" maw={860}>
          <Group align="flex-start" wrap="nowrap" gap="lg">
            <ThemeIcon size={56} radius="md" variant="light" aria-hidden>
              <IconPackage size={32} stroke={1.5} />
            </ThemeIcon>
            <Stack gap="md" style={{ flex: 1 }}>
              <Stack gap={4}>
                <Title order={2} size="h3">
                  {t('memberReview.intro.title')}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('memberReview.intro.text')}
                </Text>
              </Stack>
              <List type="ordered" spacing={6} size="sm">
                <List.Item>{t('memberReview.intro.step1')}</List.Item>
                <List.Item>{t('memberReview.intro.step2')}</List.Item>
                <List.Item>{t('memberReview.intro.step3')}</List.Item>
                <List.Item>{t('memberReview.intro.step4')}</List.Item>
              </List>
              <Group gap="md" align="center">
                {openButton(t('memberReview.open'), true)}
                <Text size="sm" c="dimmed">
                  {t('memberReview.openHint')}
                </Text>
              </Group>
              <Group gap={6} wrap="nowrap">
                <IconLock size={14} aria-hidden color="var(--mantine-color-gray-6)" />
                <Text size="xs" c="dimmed">
                  {t('memberReview.intro.readOnly')}
                </Text>
              </Group>
            </Stack>
          </Group>
        </Paper>
      </>
    )
  }

  const documentCount = view.documents.length + view.items.reduce((sum, item) => sum + item.attachments.length, 0)
  return (
    <>
      <PageHeader
        above={
          <Text size="sm" c="dimmed">
            {t('memberReview.title')} · {[view.bodyName, view.organization].filter(Boolean).join(' · ')}
          </Text>
        }
        title={view.session.title}
        actions={
          <>
            {openButton(t('memberReview.openAnother'), false)}
            <Button variant="subtle" color="gray" leftSection={<IconX size={16} aria-hidden />} onClick={() => (hasComments ? setClosing(true) : close())} title={t('memberReview.closeLabel')} disabled={busy}>
              {t('memberReview.close')}
            </Button>
          </>
        }
      />
      <OpeningStatus opening={opening} onDismiss={dismiss} />
      <PacketFacts view={view} />
      <Grid gap="lg" overflow="visible">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Tabs defaultValue="orden" variant="outline" keepMounted={false}>
            <Tabs.List mb="md">
              <Tabs.Tab value="orden" leftSection={<IconListNumbers size={16} aria-hidden />} rightSection={<CountBadge value={view.items.length} />}>
                {t('memberReview.tabs.agenda')}
              </Tabs.Tab>
              <Tabs.Tab value="documentos" leftSection={<IconFiles size={16} aria-hidden />} rightSection={<CountBadge value={documentCount} />}>
                {t('memberReview.tabs.documents')}
              </Tabs.Tab>
              <Tabs.Tab value="acta" leftSection={<IconFileCertificate size={16} aria-hidden />}>
                {t('memberReview.tabs.previousActa')}
              </Tabs.Tab>
              <Tabs.Tab value="seguimiento" leftSection={<IconChecklist size={16} aria-hidden />} rightSection={<CountBadge value={view.pendingAgreements.length} />}>
                {t('memberReview.tabs.followUp')}
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="orden">
              <PacketAgenda view={view} comments={draft.items} onComment={onComment} />
            </Tabs.Panel>
            <Tabs.Panel value="documentos">
              <PacketDocuments view={view} />
            </Tabs.Panel>
            <Tabs.Panel value="acta">
              <PreviousActa view={view} />
            </Tabs.Panel>
            <Tabs.Panel value="seguimiento">
              <FollowUpAgreements view={view} />
            </Tabs.Panel>
          </Tabs>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <CommentsPanel
            key={view.packetId}
            view={view}
            draft={draft}
            onAuthor={(author) => changeDraft((current) => ({ ...current, author }))}
            onGeneral={(general) => changeDraft((current) => ({ ...current, general }))}
          />
        </Grid.Col>
      </Grid>
      <ConfirmModal
        opened={closing}
        title={t('memberReview.closeTitle')}
        confirmLabel={t('memberReview.closeConfirm')}
        color="red"
        onConfirm={close}
        onClose={() => setClosing(false)}
      >
        <Text size="sm">{t('memberReview.closeText')}</Text>
      </ConfirmModal>
    </>
  )
}

/** Reading and verifying a packet, or why it was refused (the core's Spanish message). */
function OpeningStatus({ opening, onDismiss }: { opening: Opening; onDismiss: () => void }) {
  const { t } = useTranslation()
  if (opening.phase === 'idle') return null
  if (opening.phase === 'failed') {
    return (
      <Alert
        color="red"
        variant="light"
        icon={<IconAlertTriangle size={20} aria-hidden />}
        title={t('memberReview.opening.failedTitle')}
        role="alert"
        withCloseButton
        closeButtonLabel={t('common.close')}
        onClose={onDismiss}
        mb="lg"
        maw={860}
      >
        <Stack gap={4}>
          <Text size="sm" ff="monospace" c="dimmed" className="break-anywhere">
            {opening.fileName}
          </Text>
          <Text size="sm">{opening.message}</Text>
        </Stack>
      </Alert>
    )
  }
  const reading = opening.phase === 'reading'
  const percent = reading ? Math.round(opening.fraction * 100) : 100
  return (
    <Paper withBorder p="md" mb="lg" maw={860} role="status" aria-live="polite" aria-busy="true">
      <Stack gap="xs">
        <Text size="sm" fw={500}>
          {reading ? t('memberReview.opening.reading', { name: opening.fileName, percent }) : t('memberReview.opening.verifying')}
        </Text>
        <Progress value={percent} animated={!reading} striped={!reading} aria-label={t('memberReview.opening.progressLabel')} />
      </Stack>
    </Paper>
  )
}

function CountBadge({ value }: { value: number }) {
  return (
    <Badge size="sm" variant="light" color="gray" aria-hidden>
      {value}
    </Badge>
  )
}
