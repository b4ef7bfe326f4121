/** Who will sign: the certificate's holder, RFC and CURP (e.firma), issuer and validity. */
import { Group, Paper, SimpleGrid, Stack, Text, ThemeIcon } from '@mantine/core'
import { IconCertificate } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { SignerView } from '../../../main/core/contract/views'
import { formatDate } from '../common/dates'

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2} style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed" fw={650} tt="uppercase">
        {label}
      </Text>
      <Text size="sm" className="break-anywhere" component="div">
        {children}
      </Text>
    </Stack>
  )
}

export function SignerCard({ signer }: { signer: SignerView }) {
  const { t } = useTranslation()
  return (
    <Paper withBorder p="md" radius="md" bg="var(--mantine-color-teal-0)" style={{ borderColor: 'var(--mantine-color-teal-3)' }} role="group" aria-label={t('signing.signer')}>
      <Stack gap="sm">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon size={36} radius="xl" color="teal" variant="filled" aria-hidden>
            <IconCertificate size={20} />
          </ThemeIcon>
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text size="xs" c="dimmed" fw={650} tt="uppercase">
              {t('signing.signer')}
            </Text>
            <Text fw={700} size="lg" className="break-anywhere">
              {signer.name}
            </Text>
          </Stack>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" verticalSpacing="sm">
          {signer.rfc ? (
            <Field label={t('signing.rfc')}>
              <Text ff="monospace" size="sm" component="span">
                {signer.rfc}
              </Text>
            </Field>
          ) : null}
          {signer.curp ? (
            <Field label={t('signing.curp')}>
              <Text ff="monospace" size="sm" component="span">
                {signer.curp}
              </Text>
            </Field>
          ) : null}
          {signer.representativeRfc ? (
            <Field label={t('signing.representativeRfc')}>
              <Text ff="monospace" size="sm" component="span">
                {signer.representativeRfc}
              </Text>
            </Field>
          ) : null}
          <Field label={t('signing.issuer')}>{signer.issuer}</Field>
          <Field label={t('signing.validity')}>{t('signing.validityRange', { from: formatDate(signer.validFrom), to: formatDate(signer.validTo) })}</Field>
          <Field label={t('signing.serial')}>
            <Text ff="monospace" size="xs" component="span">
              {signer.serial}
            </Text>
          </Field>
        </SimpleGrid>
      </Stack>
    </Paper>
  )
}
