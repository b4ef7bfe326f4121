/**
 * The dialog of every CSV import: the file is read in the window, checked by
 * the core row by row (nothing written), and applied only when every row is
 * valid and there is something to apply. The expected columns are documented
 * in the dialog itself. Each opening starts afresh (the body mounts when the
 * dialog opens and unmounts once it has closed); Escape and the close button
 * close it, and a refusal of the core is shown inside it.
 */
import { Accordion, Alert, Badge, Button, Code, FileButton, Group, Modal, Paper, Stack, Table, Text } from '@mantine/core'
import { IconAlertTriangle, IconCheck, IconCircleCheck, IconFileSpreadsheet, IconTableColumn, IconUpload } from '@tabler/icons-react'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../api/api-error'
import { CsvRowReport, type CsvReportRow } from './csv-row-report'
import { ModalHeading } from './form-modal'
import { notifyDone } from './notify'

/** What the core answers for a file, checked or applied. */
export interface CsvCheck {
  rows: readonly CsvReportRow[]
  valid: boolean
}

export interface CsvColumn {
  name: string
  /** What the column holds. */
  description: string
  required?: boolean
}

/** The columns the import reads, shown before any file is chosen. */
export interface CsvColumnGuide {
  title: string
  columns: readonly CsvColumn[]
  /** Under the table, e.g. the header line to copy. */
  note: ReactNode
  /** A long guide folds away once a file has been checked, leaving the room to its report. */
  collapsible?: boolean
}

/** The verdict on a file whose every row is valid. */
export interface CsvVerdict {
  title: string
  text: ReactNode
  /** How it is announced as it appears; Mantine's default is `alert`. */
  role?: 'alert' | 'status'
}

export interface CsvImportModalProps<R extends CsvCheck> {
  opened: boolean
  onClose: () => void
  title: ReactNode
  /** A line under the title: what the import belongs to. */
  subtitle?: ReactNode
  /** What the file is and what becomes of it. */
  intro: ReactNode
  columns: CsvColumnGuide
  /** The core's import: `apply: false` only checks, and nothing is written unless every row is valid. */
  run: (input: { csv: string; apply: boolean }) => Promise<R>
  /** Heads the report's column of what each row names. */
  rowName: string
  /** The title of the verdict on a file with errors, e.g. «No se importó nada». */
  invalidTitle: string
  verdict: (report: R, validRows: number) => CsvVerdict
  /**
   * The apply button's label; null when a valid file would change nothing
   * (the verdict then shows as unchanged and the way back reads «Cerrar»).
   */
  applyLabel: (report: R, validRows: number) => string | null
  /** After applying: the notification, then the dialog closes; null when nothing was written, and the new report stays. */
  appliedMessage: (report: R) => string | null
}

export function CsvImportModal<R extends CsvCheck>(props: CsvImportModalProps<R>) {
  const { opened, onClose, title, subtitle } = props
  const { t } = useTranslation()
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="xl"
      title={<ModalHeading title={title} subtitle={subtitle} />}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <ImportBody {...props} />
    </Modal>
  )
}

function readAsText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onerror = () => reject(reader.error ?? new Error('lectura'))
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '')
    reader.readAsText(file, 'utf-8')
  })
}

function ImportBody<R extends CsvCheck>({ onClose, intro, columns, run, rowName, invalidTitle, verdict, applyLabel, appliedMessage }: CsvImportModalProps<R>) {
  const { t } = useTranslation()
  const [file, setFile] = useState<{ name: string; csv: string } | null>(null)
  const [report, setReport] = useState<R | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [checking, setChecking] = useState(false)
  const [applying, setApplying] = useState(false)
  // The column guide is open until a file has been checked; the report then takes its place.
  const [guideOpen, setGuideOpen] = useState(true)

  const choose = async (chosen: File | null) => {
    if (!chosen) return
    setError(null)
    setReport(null)
    setChecking(true)
    try {
      const csv = await readAsText(chosen)
      setFile({ name: chosen.name, csv })
      setReport(await run({ csv, apply: false }))
      setGuideOpen(false)
    } catch (failure) {
      setError(errorMessage(failure, t('errors.unexpected')))
    } finally {
      setChecking(false)
    }
  }

  const apply = async () => {
    if (!file) return
    setError(null)
    setApplying(true)
    try {
      const done = await run({ csv: file.csv, apply: true })
      const message = appliedMessage(done)
      if (message === null) {
        setReport(done)
      } else {
        notifyDone(message)
        onClose()
      }
    } catch (failure) {
      setError(errorMessage(failure, t('errors.unexpected')))
    } finally {
      setApplying(false)
    }
  }

  const invalidRows = report?.rows.filter((row) => row.errors.length > 0).length ?? 0
  const validRows = (report?.rows.length ?? 0) - invalidRows
  const action = report?.valid ? applyLabel(report, validRows) : null

  return (
    <Stack gap="md">
      <Text size="sm">{intro}</Text>
      <ColumnGuide guide={columns} open={guideOpen} onOpenChange={setGuideOpen} />

      <Group justify="space-between">
        <FileButton onChange={(chosen) => void choose(chosen)} accept=".csv,text/csv,text/plain">
          {(buttonProps) => (
            <Button {...buttonProps} variant={report ? 'default' : 'filled'} leftSection={<IconUpload size={18} aria-hidden />} loading={checking}>
              {report ? t('csvImport.chooseAnother') : t('csvImport.choose')}
            </Button>
          )}
        </FileButton>
        {file ? (
          <Group gap={6} wrap="nowrap">
            <IconFileSpreadsheet size={18} aria-hidden color="var(--mantine-color-gray-6)" />
            <Text size="sm" fw={500}>
              {file.name}
            </Text>
          </Group>
        ) : null}
      </Group>

      {error ? (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} role="alert">
          {error}
        </Alert>
      ) : null}

      {report ? (
        <Stack gap="sm">
          {report.valid ? (
            <VerdictAlert verdict={verdict(report, validRows)} unchanged={action === null} />
          ) : (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title={invalidTitle} role="alert">
              {t('csvImport.invalidText', { count: invalidRows })}
            </Alert>
          )}
          <CsvRowReport rows={report.rows} nameHeader={rowName} />
        </Stack>
      ) : null}

      <Group justify="flex-end">
        <Button variant="default" onClick={onClose} disabled={applying}>
          {report?.valid && action === null ? t('common.close') : t('common.cancel')}
        </Button>
        {action !== null ? (
          <Button leftSection={<IconCheck size={18} aria-hidden />} onClick={() => void apply()} loading={applying}>
            {action}
          </Button>
        ) : null}
      </Group>
    </Stack>
  )
}

function VerdictAlert({ verdict, unchanged }: { verdict: CsvVerdict; unchanged: boolean }) {
  return (
    <Alert
      color={unchanged ? 'blue' : 'green'}
      variant="light"
      icon={unchanged ? <IconCircleCheck size={18} aria-hidden /> : <IconCheck size={18} aria-hidden />}
      title={verdict.title}
      role={verdict.role}
    >
      {verdict.text}
    </Alert>
  )
}

/** The expected columns: a framed table, or a fold that closes once a file has been checked. */
function ColumnGuide({ guide, open, onOpenChange }: { guide: CsvColumnGuide; open: boolean; onOpenChange: (open: boolean) => void }) {
  const { t } = useTranslation()
  const table = (
    <>
      <Table verticalSpacing={4} horizontalSpacing="sm" fz="sm" aria-label={guide.title}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('csvImport.column')}</Table.Th>
            <Table.Th>{t('csvImport.content')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {guide.columns.map((column) => (
            <Table.Tr key={column.name}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Code>{column.name}</Code>{' '}
                {column.required ? (
                  <Badge size="xs" color="red" variant="light">
                    {t('csvImport.required')}
                  </Badge>
                ) : null}
              </Table.Td>
              <Table.Td>{column.description}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" mt={6}>
        {guide.note}
      </Text>
    </>
  )

  if (!guide.collapsible) {
    return (
      <Paper withBorder p="sm">
        <Text size="sm" fw={650} mb={6}>
          {guide.title}
        </Text>
        {table}
      </Paper>
    )
  }
  return (
    <Accordion variant="contained" value={open ? 'columnas' : null} onChange={(value) => onOpenChange(value === 'columnas')}>
      <Accordion.Item value="columnas">
        <Accordion.Control icon={<IconTableColumn size={18} aria-hidden />}>
          <Text size="sm" fw={650}>
            {guide.title}
          </Text>
        </Accordion.Control>
        <Accordion.Panel>{table}</Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  )
}
