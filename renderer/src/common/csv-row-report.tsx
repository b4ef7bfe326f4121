import { Group, List, Paper, ScrollArea, Stack, Table, Text, ThemeIcon } from '@mantine/core'
import { IconAlertTriangle, IconCheck, IconPlayerSkipForward, IconX } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { CsvRowReport as CsvRowReportRow, CsvRowStatus } from '../../../main/core/domain/csv-columns'

export type CsvReportRow = CsvRowReportRow

const STATUS_LOOK: Record<CsvRowStatus, { color: string; icon: typeof IconCheck; background?: string }> = {
  correcta: { color: 'green', icon: IconCheck },
  advertencia: { color: 'yellow', icon: IconAlertTriangle, background: 'yellow.0' },
  omitida: { color: 'gray', icon: IconPlayerSkipForward, background: 'gray.0' },
  error: { color: 'red', icon: IconX, background: 'red.0' },
}

/**
 * The row-by-row report of a CSV import: each line with its status (correct,
 * left out, added with a warning, in error) and every one of its problems,
 * errors first. `nameHeader` heads the column of what each row names.
 */
export function CsvRowReport({ rows, nameHeader }: { rows: readonly CsvReportRow[]; nameHeader: string }) {
  const { t } = useTranslation()
  return (
    <Paper withBorder>
      <ScrollArea.Autosize mah={300}>
        <Table verticalSpacing="xs" horizontalSpacing="sm" stickyHeader aria-label={t('csvImport.reportLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th style={{ width: 70 }}>{t('csvImport.line')}</Table.Th>
              <Table.Th>{nameHeader}</Table.Th>
              <Table.Th>{t('csvImport.result')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => {
              const look = STATUS_LOOK[row.status]
              const Icon = look.icon
              return (
                <Table.Tr key={row.line} bg={look.background}>
                  <Table.Td ff="monospace">{row.line}</Table.Td>
                  <Table.Td>{row.name || t('common.none')}</Table.Td>
                  <Table.Td>
                    <Stack gap={4}>
                      <Group gap={4} wrap="nowrap">
                        <ThemeIcon size={18} radius="xl" color={look.color} variant="light">
                          <Icon size={12} aria-hidden />
                        </ThemeIcon>
                        <Text size="sm" fw={row.status === 'correcta' ? undefined : 600}>
                          {t(`csvImport.status.${row.status}`)}
                        </Text>
                      </Group>
                      {row.errors.length + row.warnings.length > 0 ? (
                        <List size="sm" spacing={2}>
                          {row.errors.map((message, index) => (
                            <List.Item key={`e${index}`} c="red.8">
                              {message}
                            </List.Item>
                          ))}
                          {row.warnings.map((message, index) => (
                            <List.Item key={`w${index}`} c="yellow.9">
                              {message}
                            </List.Item>
                          ))}
                        </List>
                      ) : null}
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Paper>
  )
}
