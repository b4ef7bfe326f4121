/**
 * The document and signature buttons of a session's header, as the core's
 * SessionDetail.can allows: «Convocatoria (PDF)» before it is held (and, once
 * convened, «Preparar correos» with its e-mail drafts), «Acta
 * (PDF)» once held, «Enviar a firma» to send a concluded session's acta on
 * its signature circuit, and «Firmar acta» for the first signature (while the
 * acta is out for signature it lives in the «Circuito de firma» card; a
 * signed acta adds signers from its signed-acta section).
 */
import { Button } from '@mantine/core'
import { IconCalendarEvent, IconMail, IconSend, IconSignature } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SessionDetail } from '../../../main/core/contract/views'
import { downloadInvitation } from '../api/documents'
import { notifyDone, notifyError } from '../common/notify'
import { SessionDocumentButton } from '../documents/document-button'
import { MailDraftsModal } from '../documents/mail-drafts-modal'
import { SignActaModal } from './sign-acta-modal'
import { SignatureOrderModal } from './signature-order-modal'

export function SessionDocumentActions({ detail }: { detail: SessionDetail }) {
  const { t } = useTranslation()
  const [signing, setSigning] = useState(false)
  const [sending, setSending] = useState(false)
  const [mailing, setMailing] = useState(false)
  const { session, title, can } = detail
  return (
    <>
      {can.convocatoria ? <SessionDocumentButton kind="convocatoria" sessionId={session.id} sessionTitle={title} /> : null}
      {can.invitation ? (
        <Button
          variant="default"
          leftSection={<IconCalendarEvent size={18} aria-hidden />}
          onClick={() =>
            void downloadInvitation(session.id).then(
              (fileName) => notifyDone(t('documents.invitation.saved', { fileName })),
              (error: unknown) => notifyError(error),
            )
          }
        >
          {session.status === 'cancelada' ? t('documents.invitation.cancelButton') : t('documents.invitation.button')}
        </Button>
      ) : null}
      {can.mailDrafts ? (
        <>
          <Button variant="default" leftSection={<IconMail size={18} aria-hidden />} onClick={() => setMailing(true)} aria-haspopup="dialog">
            {t('documents.mail.button')}
          </Button>
          <MailDraftsModal sessionId={session.id} sessionTitle={title} opened={mailing} onClose={() => setMailing(false)} />
        </>
      ) : null}
      {can.attendanceSheet ? <SessionDocumentButton kind="lista-asistencia" sessionId={session.id} sessionTitle={title} /> : null}
      {can.acta ? <SessionDocumentButton kind="acta" sessionId={session.id} sessionTitle={title} /> : null}
      {can.sendForSignature ? (
        <Button variant="default" leftSection={<IconSend size={18} aria-hidden />} onClick={() => setSending(true)} aria-haspopup="dialog">
          {t('circuit.send')}
        </Button>
      ) : null}
      {/* Mounted throughout: once sent, the button goes but the dialog still closes as usual. */}
      <SignatureOrderModal detail={detail} opened={sending} onClose={() => setSending(false)} mode="start" />
      {can.signActa && !can.receiveSignature ? (
        <>
          <Button leftSection={<IconSignature size={18} aria-hidden />} onClick={() => setSigning(true)} aria-haspopup="dialog">
            {t('signing.sign')}
          </Button>
          <SignActaModal detail={detail} opened={signing} onClose={() => setSigning(false)} />
        </>
      ) : null}
    </>
  )
}
