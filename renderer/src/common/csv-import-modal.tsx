/**
 * The dialog of every CSV import: the file's bytes are read in the window and
 * sent as they are (the core detects the encoding and says how it read them),
 * checked by the core row by row (nothing written), and applied only when
 * every row is valid and there is something to apply. The expected columns
 * and the core's limits are documented in the dialog itself; an import may
 * add a choice (what becomes of people already registered), and changing it
 * checks the file again. Each opening starts afresh (the body mounts when the
 * dialog opens and unmounts once it has closed); Escape and the close button
 * close it, and a refusal of the core is shown inside it.
 */
import { Accordion, Alert, Badge, Button, Code, FileButton, Group, Modal, Paper, Stack, Table, Text } from '@mantine/core'
import { IconAlertTriangle, IconCheck, IconCircleCheck, IconFileSpreadsheet, IconFileText, IconTableColumn, IconUpload } from '@tabler/icons-react'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { CsvSource } from '../../../main/core/domain/csv-columns'
import { errorMessage } from '../api/api-error'
import { readAsBase64 } from '../signing/read-file'
import { CsvRowReport, type CsvReportRow } from './csv-row-report'
import { formatBytes } from './format'
import { ModalHeading } from './form-modal'
import { notifyDone } from './notify'
import dialog from './dialog.module.css'

/** What the core answers for a file, checked or applied. */
export interface CsvCheck {
  rows: readonly CsvReportRow[]
  valid: boolean
  source: CsvSource
}

/** The chosen file as the bridge carries it: its name (for the core's messages) and its bytes. */
export interface CsvFileInput {
  fileName: string
  contentBase64: string
}

/** A choice the import offers before applying, shown under the report; changing it checks the file again. */
export interface CsvImportOption<O, R> {
  initial: O
  render: (props: { report: R; value: O; onChange: (value: O) => void; disabled: boolean }) => ReactNode
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

export interface CsvImportModalProps<R extends CsvCheck, O = undefined> {
  opened: boolean
  onClose: () => void
  title: ReactNode
  /** A line under the title: what the import belongs to. */
  subtitle?: ReactNode
  /** What the file is and what becomes of it. */
  intro: ReactNode
  columns: CsvColumnGuide
  /** The core's limits for the file, shown with the columns (never checked here but for the size, before reading). */
  limits: { maxRows: number; maxBytes: number }
  /** Beside the file button, e.g. a template to download. */
  actions?: ReactNode
  /** The core's import: `apply: false` only checks, and nothing is written unless every row is valid. */
  run: (file: CsvFileInput, apply: boolean, option: O) => Promise<R>
  option?: CsvImportOption<O, R>
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

export function CsvImportModal<R extends CsvCheck, O = undefined>(props: CsvImportModalProps<R, O>) {
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

function ImportBody<R extends CsvCheck, O>({ onClose, intro, columns, limits, actions, run, option, rowName, invalidTitle, verdict, applyLabel, appliedMessage }: CsvImportModalProps<R, O>) {
  const { t } = useTranslation()
  const [file, setFile] = useState<CsvFileInput | null>(null)
  const [choice, setChoice] = useState<O>(option?.initial as O)
  const [report, setReport] = useState<R | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [checking, setChecking] = useState(false)
  const [applying, setApplying] = useState(false)
  // The column guide is open until a file has been checked; the report then takes its place.
  const [guideOpen, setGuideOpen] = useState(true)

  const check = async (chosen: CsvFileInput, value: O) => {
    setError(null)
    setChecking(true)
    try {
      setReport(await run(chosen, false, value))
      setGuideOpen(false)
    } catch (failure) {
      setReport(null)
      setError(errorMessage(failure, t('errors.unexpected')))
    } finally {
      setChecking(false)
    }
  }

  const choose = async (chosen: File | null) => {
    if (!chosen) return
    setReport(null)
    setFile(null)
    // A file beyond the core's limit is not even read: it would be refused anyway.
    if (chosen.size > limits.maxBytes) {
      setError(t('csvImport.tooBig', { name: chosen.name, size: formatBytes(chosen.size), max: formatBytes(limits.maxBytes) }))
      return
    }
    let read: CsvFileInput
    try {
      read = { fileName: chosen.name, contentBase64: await readAsBase64(chosen) }
    } catch {
      setError(t('csvImport.unreadable', { name: chosen.name }))
      return
    }
    setFile(read)
    await check(read, choice)
  }

  const changeChoice = (value: O) => {
    setChoice(value)
    if (file) void check(file, value)
  }

  const apply = async () => {
    if (!file) return
    setError(null)
    setApplying(true)
    try {
      const done = await run(file, true, choice)
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

  const limitsText = t('csvImport.limits', { rows: limits.maxRows.toLocaleString('es-MX'), size: formatBytes(limits.maxBytes) })

  return (
    <Stack gap="md">
      <Text size="sm">{intro}</Text>
      <ColumnGuide guide={{ ...columns, note: <>{columns.note} {limitsText}</> }} open={guideOpen} onOpenChange={setGuideOpen} />

      <Group justify="space-between">
        <Group gap="sm">
          <FileButton onChange={(chosen) => void choose(chosen)} accept=".csv,.txt,text/csv,text/plain">
            {(buttonProps) => (
              <Button {...buttonProps} variant={report ? 'default' : 'filled'} leftSection={<IconUpload size={18} aria-hidden />} loading={checking}>
                {report ? t('csvImport.chooseAnother') : t('csvImport.choose')}
              </Button>
            )}
          </FileButton>
          {actions}
        </Group>
        {file ? (
          <Group gap={6} wrap="nowrap">
            <IconFileSpreadsheet size={18} aria-hidden color="var(--mantine-color-gray-6)" />
            <Text size="sm" fw={500}>
              {file.fileName}
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
          <Group gap={6} wrap="nowrap">
            <IconFileText size={16} aria-hidden color="var(--mantine-color-gray-6)" />
            <Text size="sm" c="dimmed">
              {report.source.note}
            </Text>
          </Group>
          {report.valid ? (
            <VerdictAlert verdict={verdict(report, validRows)} unchanged={action === null} />
          ) : (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title={invalidTitle} role="alert">
              {t('csvImport.invalidText', { count: invalidRows })}
            </Alert>
          )}
          {option ? option.render({ report, value: choice, onChange: changeChoice, disabled: checking || applying }) : null}
          <CsvRowReport rows={report.rows} nameHeader={rowName} />
        </Stack>
      ) : null}

      <Group justify="flex-end" className={dialog.footer}>
        <Button variant="default" onClick={onClose} disabled={applying}>
          {report?.valid && action === null ? t('common.close') : t('common.cancel')}
        </Button>
        {action !== null ? (
          <Button leftSection={<IconCheck size={18} aria-hidden />} onClick={() => void apply()} loading={applying} disabled={checking}>
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
