/**
 * A chart with its title and one-line reading, and the same numbers as a
 * table for screen readers (the drawing itself is hidden from them).
 */
import { Card, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import classes from './dashboard.module.css'

export interface ChartRow {
  label: string
  value: string
}

interface Props {
  id: string
  title: string
  description: string
  rows: ChartRow[]
  /** Header of the value column of the accessible table. */
  valueHeader: string
  children: ReactNode
}

export function ChartCard({ id, title, description, rows, valueHeader, children }: Props) {
  const { t } = useTranslation()
  return (
    <Card component="figure" className={classes.figure} aria-labelledby={`${id}-titulo`} aria-describedby={`${id}-texto`} data-chart={id}>
      <Stack gap="sm" h="100%">
        <Stack gap={2}>
          <Title order={2} size="h3" id={`${id}-titulo`}>
            {title}
          </Title>
          <Text size="xs" c="gray.7" id={`${id}-texto`}>
            {description}
          </Text>
        </Stack>
        {rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('dashboard.charts.empty')}
          </Text>
        ) : (
          <div aria-hidden>{children}</div>
        )}
        <VisuallyHidden>
          <Table>
            <caption>{t('dashboard.charts.tableOf', { title })}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('dashboard.charts.category')}</Table.Th>
                <Table.Th scope="col">{valueHeader}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.label}>
                  <Table.Th scope="row">{row.label}</Table.Th>
                  <Table.Td>{row.value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </VisuallyHidden>
      </Stack>
    </Card>
  )
}
