/** A labelled file picker: the button, and the name of the file chosen (or «Ningún archivo elegido»). */
import { Button, FileButton, Group, Stack, Text } from '@mantine/core'
import { IconFileUpload } from '@tabler/icons-react'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'

interface FilePickProps {
  label: string
  buttonLabel: string
  accept: string
  fileName: string | null
  onPick: (file: File | null) => void
  disabled?: boolean
}

export function FilePick({ label, buttonLabel, accept, fileName, onPick, disabled }: FilePickProps) {
  const { t } = useTranslation()
  const id = useId()
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600} id={`${id}-label`}>
        {label}
      </Text>
      <Group gap="sm" wrap="nowrap">
        <FileButton onChange={onPick} accept={accept} disabled={disabled}>
          {(props) => (
            <Button {...props} variant="default" leftSection={<IconFileUpload size={18} aria-hidden />} disabled={disabled} aria-describedby={`${id}-file`}>
              {buttonLabel}
            </Button>
          )}
        </FileButton>
        <Text size="sm" c={fileName ? undefined : 'dimmed'} ff={fileName ? 'monospace' : undefined} id={`${id}-file`} className="break-anywhere" aria-live="polite">
          {fileName ?? t('signing.noFile')}
        </Text>
      </Group>
    </Stack>
  )
}
