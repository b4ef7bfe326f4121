/**
 * «Preparar correos»: the notice's e-mail drafts. The secretary chooses one
 * draft per member or one with everyone in Bcc; the core writes the `.eml`
 * files (convocatoria PDF and calendar invitation attached) into a new folder
 * beside the data file and opens it; the dialog then says what was prepared
 * and who has no address. Nothing is sent: the mail program sends the drafts.
 */
import { Alert, List, Radio, Stack, Text } from '@mantine/core'
import { IconAlertTriangle, IconMailCheck } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { MailDraftsView } from '../../../main/core/contract/views'
import { call } from '../api/call'
import { FormModal } from '../common/form-modal'

type Mode = 'individual' | 'bcc'

export function MailDraftsModal({ sessionId, sessionTitle, opened, onClose }: { sessionId: string; sessionTitle: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const [pending, setPending] = useState(false)
  const [done, setDone] = useState<MailDraftsView | null>(null)
  const close = () => {
    setDone(null)
    onClose()
  }
  return (
    <FormModal<{ mode: Mode }>
      opened={opened}
      onClose={close}
      title={t('documents.mail.title')}
      subtitle={sessionTitle}
      initialValues={{ mode: 'individual' }}
      pending={pending}
      submitLabel={done ? t('documents.mail.again') : t('documents.mail.submit')}
      cancelLabel={done ? t('common.close') : undefined}
      focusSubmit
      onSubmit={async ({ mode }, form) => {
        setPending(true)
        try {
          setDone(await call('prepareMailDrafts', { sessionId, mode }))
          // The choice was used: closing now asks nothing.
          form.resetDirty()
        } finally {
          setPending(false)
        }
      }}
    >
      {(form) => (
        <Stack gap="md">
          <Radio.Group label={t('documents.mail.modeLabel')} {...form.getInputProps('mode')}>
            <Stack gap="xs" mt="xs">
              <Radio value="individual" label={t('documents.mail.individual')} description={t('documents.mail.individualHint')} />
              <Radio value="bcc" label={t('documents.mail.bcc')} description={t('documents.mail.bccHint')} />
            </Stack>
          </Radio.Group>
          <Text size="sm" c="dimmed">
            {t('documents.mail.explain')}
          </Text>
          {done ? (
            <Alert color="teal" icon={<IconMailCheck size={20} aria-hidden />} title={t('documents.mail.doneTitle', { count: done.files.length })} role="status">
              <Stack gap={6}>
                <Text size="sm">{t('documents.mail.doneBody', { recipients: done.recipients, folder: done.folder })}</Text>
                {done.withoutAddress.length > 0 ? (
                  <>
                    <Text size="sm" fw={600}>
                      {t('documents.mail.withoutAddress', { count: done.withoutAddress.length })}
                    </Text>
                    <List size="sm">
                      {done.withoutAddress.map((name) => (
                        <List.Item key={name}>{name}</List.Item>
                      ))}
                    </List>
                  </>
                ) : null}
              </Stack>
            </Alert>
          ) : null}
          {done && done.warnings.length > 0 ? (
            <Alert color="yellow" icon={<IconAlertTriangle size={20} aria-hidden />} title={t('documents.mail.warningsTitle')}>
              <List size="sm">
                {done.warnings.map((warning) => (
                  <List.Item key={warning}>{warning}</List.Item>
                ))}
              </List>
            </Alert>
          ) : null}
        </Stack>
      )}
    </FormModal>
  )
}
