/**
 * The order in which the expected signers sign: «Enviar a firma» (starts the
 * circuit, the session goes «en firma») and «Cambiar orden» (while it is en
 * firma). The expected signers come from the core (getSignatureCircuit, in
 * its current or default order); «Subir» and «Bajar» move one, and the focus
 * follows the moved signer so the keyboard can keep moving it. The core
 * checks the order and its refusals are shown here.
 */
import { ActionIcon, Alert, Badge, Button, Center, Group, Loader, Modal, Paper, Stack, Text, ThemeIcon, VisuallyHidden } from '@mantine/core'
import { IconAlertTriangle, IconArrowDown, IconArrowUp, IconSend, IconListNumbers } from '@tabler/icons-react'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CircuitSignerView, SessionDetail } from '../../../main/core/contract/views'
import { errorMessage } from '../api/api-error'
import { useSetSignatureOrder, useSignatureCircuit, useStartSignatureCircuit } from '../api/signing'
import { formatDateTime } from '../common/dates'
import { notifyDone } from '../common/notify'
import { ErrorState } from '../common/query-state'

interface SignatureOrderModalProps {
  detail: SessionDetail
  opened: boolean
  onClose: () => void
  /** «start»: send the acta for signature; «change»: a new order for a circuit under way. */
  mode: 'start' | 'change'
}

export function SignatureOrderModal({ detail, opened, onClose, mode }: SignatureOrderModalProps) {
  const { t } = useTranslation()
  const circuit = useSignatureCircuit(detail.session.id, opened)
  const start = useStartSignatureCircuit()
  const reorder = useSetSignatureOrder()
  // The order being edited; null: the core's, as it stands.
  const [edited, setEdited] = useState<string[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const buttons = useRef(new Map<string, HTMLButtonElement>())
  const pending = start.isPending || reorder.isPending

  const signers = circuit.data?.signers ?? []
  const byId = new Map(signers.map((signer) => [signer.memberId, signer]))
  const order = (edited ?? signers.map((signer) => signer.memberId)).filter((id) => byId.has(id))
  const changed = edited !== null && order.join('\n') !== signers.map((signer) => signer.memberId).join('\n')

  const close = () => {
    if (pending) return
    setEdited(null)
    setError(null)
    start.reset()
    reorder.reset()
    onClose()
  }

  const move = (index: number, by: -1 | 1) => {
    const target = index + by
    const id = order[index]
    if (id === undefined || target < 0 || target >= order.length) return
    const next = [...order]
    next.splice(index, 1)
    next.splice(target, 0, id)
    setEdited(next)
    setError(null)
    // The focus follows the signer moved: the same button, or the other one once at an end.
    const atEnd = target === 0 || target === next.length - 1
    const direction = atEnd ? (by === -1 ? 'down' : 'up') : by === -1 ? 'up' : 'down'
    window.requestAnimationFrame(() => buttons.current.get(`${id}:${direction}`)?.focus())
  }

  const save = async () => {
    setError(null)
    try {
      if (mode === 'start') {
        const next = await start.mutateAsync({ sessionId: detail.session.id, order })
        const first = byId.get(order[0] ?? '')
        notifyDone(first ? t('circuit.started', { title: next.title, name: first.name }) : t('circuit.startedNoName', { title: next.title }), t('circuit.startedTitle'))
      } else {
        await reorder.mutateAsync({ sessionId: detail.session.id, order })
        notifyDone(t('circuit.orderSaved'))
      }
      setEdited(null)
      onClose()
    } catch (failure) {
      setError(errorMessage(failure, t('errors.unexpected')))
    }
  }

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={
        <Text fw={700} size="lg" component="span">
          {mode === 'start' ? t('circuit.startTitle') : t('circuit.orderTitle')}
        </Text>
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
      size="lg"
    >
      <Stack gap="md">
        <Text size="sm">{mode === 'start' ? t('circuit.startIntro', { title: detail.title }) : t('circuit.orderIntro')}</Text>
        {circuit.isPending ? (
          <Center py="lg">
            <Group gap="sm" role="status">
              <Loader size="sm" />
              <Text size="sm">{t('common.loading')}</Text>
            </Group>
          </Center>
        ) : circuit.isError ? (
          <ErrorState error={circuit.error} onRetry={() => void circuit.refetch()} />
        ) : (
          <Stack gap="xs" component="ol" role="list" aria-label={t('circuit.orderLabel')} p={0} m={0} style={{ listStyle: 'none' }}>
            {order.map((id, index) => {
              const signer = byId.get(id)
              if (!signer) return null
              return (
                <OrderRow
                  key={id}
                  signer={signer}
                  position={index + 1}
                  first={index === 0}
                  last={index === order.length - 1}
                  disabled={pending}
                  onMove={(by) => move(index, by)}
                  buttonRef={(direction, element) => {
                    if (element) buttons.current.set(`${id}:${direction}`, element)
                    else buttons.current.delete(`${id}:${direction}`)
                  }}
                />
              )
            })}
          </Stack>
        )}
        <Text size="xs" c="dimmed">
          {t('circuit.orderKeys')}
        </Text>
        {error ? (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} role="alert" title={t('errors.title')}>
            {error}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={close} disabled={pending}>
            {t('common.cancel')}
          </Button>
          <Button
            leftSection={mode === 'start' ? <IconSend size={18} aria-hidden /> : <IconListNumbers size={18} aria-hidden />}
            onClick={() => void save()}
            loading={pending}
            disabled={order.length === 0 || (mode === 'change' && !changed)}
          >
            {mode === 'start' ? t('circuit.startConfirm') : t('circuit.orderConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}

interface OrderRowProps {
  signer: CircuitSignerView
  position: number
  first: boolean
  last: boolean
  disabled: boolean
  onMove: (by: -1 | 1) => void
  buttonRef: (direction: 'up' | 'down', element: HTMLButtonElement | null) => void
}

function OrderRow({ signer, position, first, last, disabled, onMove, buttonRef }: OrderRowProps) {
  const { t } = useTranslation()
  return (
    <Paper component="li" withBorder p="sm" radius="md" data-signer={signer.memberId}>
      <Group gap="sm" wrap="nowrap">
        <ThemeIcon size={32} radius="xl" variant="light" aria-hidden>
          <Text size="sm" fw={700} component="span">
            {position}
          </Text>
        </ThemeIcon>
        <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
          <Text size="sm" fw={600} className="break-anywhere">
            <VisuallyHidden>{t('circuit.position', { position })} </VisuallyHidden>
            {signer.name}
          </Text>
          <Text size="xs" c="dimmed">
            {signer.capacity}
          </Text>
        </Stack>
        {signer.status === 'firmada' ? (
          <Stack gap={0} align="flex-end">
            <Badge color="green" variant="light">
              {t('signing.signerStatus.firmada')}
            </Badge>
            {signer.signedAt ? (
              <Text size="xs" c="dimmed">
                {t('signing.signedOn', { date: formatDateTime(signer.signedAt) })}
              </Text>
            ) : null}
          </Stack>
        ) : null}
        <Group gap={4} wrap="nowrap">
          <ActionIcon
            ref={(element) => buttonRef('up', element)}
            variant="default"
            size="lg"
            aria-label={t('circuit.moveUp', { name: signer.name })}
            title={t('circuit.moveUp', { name: signer.name })}
            onClick={() => onMove(-1)}
            disabled={disabled || first}
          >
            <IconArrowUp size={18} aria-hidden />
          </ActionIcon>
          <ActionIcon
            ref={(element) => buttonRef('down', element)}
            variant="default"
            size="lg"
            aria-label={t('circuit.moveDown', { name: signer.name })}
            title={t('circuit.moveDown', { name: signer.name })}
            onClick={() => onMove(1)}
            disabled={disabled || last}
          >
            <IconArrowDown size={18} aria-hidden />
          </ActionIcon>
        </Group>
      </Group>
    </Paper>
  )
}
