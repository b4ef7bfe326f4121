import { Group, List, Paper, ScrollArea, Table, Text, ThemeIcon } from '@mantine/core'
import { IconCheck } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'

export interface CsvReportRow {
  line: number
  name: string
  errors: string[]
}

/**
 * The row-by-row report of a CSV import: each line with its problems, or a
 * check mark. `nameHeader` heads the column of what each row names.
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
            {rows.map((row) => (
              <Table.Tr key={row.line} bg={row.errors.length > 0 ? 'red.0' : undefined}>
                <Table.Td ff="monospace">{row.line}</Table.Td>
                <Table.Td>{row.name || t('common.none')}</Table.Td>
                <Table.Td>
                  {row.errors.length === 0 ? (
                    <Group gap={4} wrap="nowrap">
                      <ThemeIcon size={18} radius="xl" color="green" variant="light">
                        <IconCheck size={12} aria-hidden />
                      </ThemeIcon>
                      <Text size="sm">{t('csvImport.rowOk')}</Text>
                    </Group>
                  ) : (
                    <List size="sm" spacing={2} c="red.8">
                      {row.errors.map((message) => (
                        <List.Item key={message}>{message}</List.Item>
                      ))}
                    </List>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Paper>
  )
}
