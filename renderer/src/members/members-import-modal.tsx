/**
 * "Importar CSV": the file is read in the window, checked by the core row by
 * row (nothing written), and imported only when every row is valid. The
 * expected columns are documented in the dialog itself.
 */
import { Accordion, Alert, Badge, Button, Code, FileButton, Group, Modal, Stack, Table, Text } from '@mantine/core'
import { IconAlertTriangle, IconCheck, IconFileSpreadsheet, IconTableColumn, IconUpload } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CsvImportReport } from '../../../main/core/contract/views'
import { errorMessage } from '../api/api-error'
import { useImportMembersCsv } from '../api/members'
import { notifyDone } from '../common/notify'
import { CsvRowReport } from '../common/csv-row-report'

const COLUMNS = [
  'nombre',
  'cargo',
  'institucion',
  'sector',
  'municipio',
  'caracter',
  'suple_a',
  'participacion',
  'correo',
  'telefono',
] as const
const REQUIRED = new Set<string>(['nombre', 'institucion', 'sector'])

function readAsText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onerror = () => reject(reader.error ?? new Error('lectura'))
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '')
    reader.readAsText(file, 'utf-8')
  })
}

export function MembersImportModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="xl"
      title={
        <Text fw={700} size="lg">
          {t('members.import.title')}
        </Text>
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened ? <ImportSteps onClose={onClose} /> : null}
    </Modal>
  )
}

function ImportSteps({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  const importCsv = useImportMembersCsv()
  const [file, setFile] = useState<{ name: string; csv: string } | null>(null)
  const [report, setReport] = useState<CsvImportReport | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [checking, setChecking] = useState(false)
  // The column guide is open until a file has been checked; the report then takes its place.
  const [columnsOpen, setColumnsOpen] = useState(true)

  const choose = async (chosen: File | null) => {
    if (!chosen) return
    setError(null)
    setReport(null)
    setChecking(true)
    try {
      const csv = await readAsText(chosen)
      setFile({ name: chosen.name, csv })
      setReport(await importCsv.mutateAsync({ csv, apply: false }))
      setColumnsOpen(false)
    } catch (failure) {
      setError(errorMessage(failure, t('errors.unexpected')))
    } finally {
      setChecking(false)
    }
  }

  const apply = async () => {
    if (!file) return
    setError(null)
    try {
      const done = await importCsv.mutateAsync({ csv: file.csv, apply: true })
      if (done.imported > 0) {
        notifyDone(t('members.import.done', { count: done.imported }))
        onClose()
      } else {
        setReport(done)
      }
    } catch (failure) {
      setError(errorMessage(failure, t('errors.unexpected')))
    }
  }

  const invalidRows = report?.rows.filter((row) => row.errors.length > 0).length ?? 0
  const validRows = (report?.rows.length ?? 0) - invalidRows

  return (
    <Stack gap="md">
      <Text size="sm">{t('members.import.intro')}</Text>
      <Accordion variant="contained" value={columnsOpen ? 'columnas' : null} onChange={(value) => setColumnsOpen(value === 'columnas')}>
        <Accordion.Item value="columnas">
          <Accordion.Control icon={<IconTableColumn size={18} aria-hidden />}>
            <Text size="sm" fw={650}>
              {t('members.import.columnsTitle')}
            </Text>
          </Accordion.Control>
          <Accordion.Panel>
            <Table verticalSpacing={4} horizontalSpacing="sm" fz="sm" aria-label={t('members.import.columnsTitle')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('members.import.column')}</Table.Th>
                  <Table.Th>{t('members.import.content')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {COLUMNS.map((column) => (
                  <Table.Tr key={column}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Code>{column}</Code>{' '}
                      {REQUIRED.has(column) ? (
                        <Badge size="xs" color="red" variant="light">
                          {t('members.import.required')}
                        </Badge>
                      ) : null}
                    </Table.Td>
                    <Table.Td>{t(`members.import.columns.${column}`)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Text size="xs" c="dimmed" mt={6}>
              {t('members.import.headerHint')} <Code>{COLUMNS.join(',')}</Code>
            </Text>
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>

      <Group justify="space-between">
        <FileButton onChange={(chosen) => void choose(chosen)} accept=".csv,text/csv,text/plain">
          {(props) => (
            <Button {...props} variant={report ? 'default' : 'filled'} leftSection={<IconUpload size={18} aria-hidden />} loading={checking}>
              {report ? t('members.import.chooseAnother') : t('members.import.choose')}
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
            <Alert color="green" variant="light" icon={<IconCheck size={18} aria-hidden />} title={t('members.import.validTitle')}>
              {t('members.import.validText', { count: validRows })}
            </Alert>
          ) : (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title={t('members.import.invalidTitle')} role="alert">
              {t('members.import.invalidText', { count: invalidRows })}
            </Alert>
          )}
          <CsvRowReport
            rows={report.rows}
            labels={{
              table: t('members.import.reportLabel'),
              line: t('members.import.line'),
              name: t('members.import.name'),
              result: t('members.import.result'),
              ok: t('members.import.rowOk'),
            }}
          />
        </Stack>
      ) : null}

      <Group justify="flex-end">
        <Button variant="default" onClick={onClose} disabled={importCsv.isPending && !checking}>
          {t('common.cancel')}
        </Button>
        {report?.valid ? (
          <Button leftSection={<IconCheck size={18} aria-hidden />} onClick={() => void apply()} loading={importCsv.isPending && !checking}>
            {t('members.import.apply', { count: validRows })}
          </Button>
        ) : null}
      </Group>
    </Stack>
  )
}
