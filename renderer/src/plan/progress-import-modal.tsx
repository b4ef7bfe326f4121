/**
 * «Importar avance (CSV)»: the file is read here, checked by the core row by
 * row (nothing written), and applied only when every row is valid and
 * something changes. The commitments' open-data CSV is itself a valid input,
 * so a round trip reports «Sin cambios».
 */
import { Alert, Badge, Button, Code, FileButton, Group, Modal, Paper, Stack, Table, Text } from '@mantine/core'
import { IconAlertTriangle, IconCheck, IconCircleCheck, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ProgressImportReport } from '../../../main/core/contract/views'
import { useImportProgressCsv } from '../api/plan-editor'
import { notifyDone, notifyError } from '../common/notify'
import { CsvRowReport } from '../common/csv-row-report'

const COLUMNS = ['hito_id', 'hito_avance', 'hito_estado', 'hito_evidencia'] as const
const REQUIRED = new Set<string>(['hito_id', 'hito_avance', 'hito_estado'])

function readAsText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onerror = () => reject(reader.error ?? new Error('lectura'))
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '')
    reader.readAsText(file, 'utf-8')
  })
}

export function ProgressImportModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="xl"
      title={
        <Text fw={700} size="lg">
          {t('plan.import.title')}
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
  const importCsv = useImportProgressCsv()
  const [file, setFile] = useState<{ name: string; csv: string } | null>(null)
  const [report, setReport] = useState<ProgressImportReport | null>(null)
  const [checking, setChecking] = useState(false)

  const choose = async (chosen: File | null) => {
    if (!chosen) return
    setReport(null)
    setChecking(true)
    try {
      const csv = await readAsText(chosen)
      setFile({ name: chosen.name, csv })
      setReport(await importCsv.mutateAsync({ csv, apply: false }))
    } catch (failure) {
      notifyError(failure)
    } finally {
      setChecking(false)
    }
  }

  const apply = async () => {
    if (!file) return
    try {
      const done = await importCsv.mutateAsync({ csv: file.csv, apply: true })
      if (done.applied) {
        notifyDone(t('plan.import.done', { count: done.changes }))
        onClose()
      } else {
        setReport(done)
      }
    } catch (failure) {
      notifyError(failure)
    }
  }

  const invalidRows = report?.rows.filter((row) => row.errors.length > 0).length ?? 0
  const validRows = (report?.rows.length ?? 0) - invalidRows
  const applying = importCsv.isPending && !checking

  return (
    <Stack gap="md">
      <Text size="sm">{t('plan.import.intro')}</Text>
      <Paper withBorder p="sm">
        <Text size="sm" fw={650} mb={6}>
          {t('plan.import.columnsTitle')}
        </Text>
        <Table verticalSpacing={4} horizontalSpacing="sm" fz="sm" aria-label={t('plan.import.columnsTitle')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('plan.import.column')}</Table.Th>
              <Table.Th>{t('plan.import.content')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {COLUMNS.map((column) => (
              <Table.Tr key={column}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Code>{column}</Code>{' '}
                  {REQUIRED.has(column) ? (
                    <Badge size="xs" color="red" variant="light">
                      {t('plan.import.required')}
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td>{t(`plan.import.columns.${column}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="xs" c="dimmed" mt={6}>
          {t('plan.import.otherColumns')}
        </Text>
      </Paper>

      <Group justify="space-between">
        <FileButton onChange={(chosen) => void choose(chosen)} accept=".csv,text/csv,text/plain">
          {(props) => (
            <Button {...props} variant={report ? 'default' : 'filled'} leftSection={<IconUpload size={18} aria-hidden />} loading={checking}>
              {report ? t('plan.import.chooseAnother') : t('plan.import.choose')}
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

      {report ? (
        <Stack gap="sm">
          {!report.valid ? (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title={t('plan.import.invalidTitle')} role="alert">
              {t('plan.import.invalidText', { count: invalidRows })}
            </Alert>
          ) : report.changes === 0 ? (
            <Alert color="blue" variant="light" icon={<IconCircleCheck size={18} aria-hidden />} title={t('plan.import.noChangesTitle')} role="status">
              {t('plan.import.noChangesText')}
            </Alert>
          ) : (
            <Alert color="green" variant="light" icon={<IconCheck size={18} aria-hidden />} title={t('plan.import.validTitle')} role="status">
              {t('plan.import.validText', { count: validRows })} {t('plan.import.changes', { count: report.changes })}
            </Alert>
          )}
          <CsvRowReport
            rows={report.rows}
            labels={{
              table: t('plan.import.reportLabel'),
              line: t('plan.import.line'),
              name: t('plan.import.milestone'),
              result: t('plan.import.result'),
              ok: t('plan.import.rowOk'),
            }}
          />
        </Stack>
      ) : null}

      <Group justify="flex-end">
        <Button variant="default" onClick={onClose} disabled={applying}>
          {report?.valid && report.changes === 0 ? t('common.close') : t('common.cancel')}
        </Button>
        {report?.valid && report.changes > 0 ? (
          <Button leftSection={<IconCheck size={18} aria-hidden />} onClick={() => void apply()} loading={applying}>
            {t('plan.import.apply', { count: report.changes })}
          </Button>
        ) : null}
      </Group>
    </Stack>
  )
}
