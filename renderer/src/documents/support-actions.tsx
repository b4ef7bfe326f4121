/** «Exportar diagnóstico» (no personal data) and «Abrir carpeta de datos», for the about card. */
import { Button, Stack, Text } from '@mantine/core'
import { IconFolderOpen, IconLifebuoy } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useExportDiagnostics, useOpenDataFolder } from '../api/signing'
import { notifyDone, notifyError } from '../common/notify'

export function SupportActions() {
  const { t } = useTranslation()
  const diagnostics = useExportDiagnostics()
  const folder = useOpenDataFolder()

  const exportBundle = async () => {
    try {
      const fileName = await diagnostics.mutateAsync()
      notifyDone(t('diagnostics.exported', { fileName }))
    } catch (error) {
      notifyError(error)
    }
  }
  const openFolder = async () => {
    try {
      await folder.mutateAsync()
    } catch (error) {
      notifyError(error)
    }
  }

  return (
    <Stack gap="md">
      <Stack gap={6} align="flex-start">
        <Button variant="default" leftSection={<IconFolderOpen size={18} aria-hidden />} loading={folder.isPending} onClick={() => void openFolder()} aria-describedby="abrir-carpeta-ayuda">
          {t('diagnostics.openFolder')}
        </Button>
        <Text size="xs" c="dimmed" id="abrir-carpeta-ayuda">
          {t('diagnostics.openFolderHint')}
        </Text>
      </Stack>
      <Stack gap={6} align="flex-start">
        <Button variant="default" leftSection={<IconLifebuoy size={18} aria-hidden />} loading={diagnostics.isPending} onClick={() => void exportBundle()} aria-describedby="diagnostico-ayuda">
          {t('diagnostics.export')}
        </Button>
        <Text size="xs" c="dimmed" id="diagnostico-ayuda">
          {t('diagnostics.exportHint')}
        </Text>
      </Stack>
    </Stack>
  )
}
