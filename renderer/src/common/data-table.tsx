/**
 * A readable, sortable table: TanStack Table for columns and sorting, Mantine
 * Table for the look, and TanStack Virtual once a table grows long enough
 * that rendering every row would slow the window down.
 */
import { Box, Paper, Table, UnstyledButton } from '@mantine/core'
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react'
import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type Row,
  type RowData,
  type SortingState,
} from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useRef, useState, type MouseEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import classes from './data-table.module.css'

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    width?: number | string
    /** Keeps a text column from being squeezed by its neighbours. */
    minWidth?: number
    align?: 'left' | 'center' | 'right'
    nowrap?: boolean
  }
}

export interface DataTableProps<T> {
  data: T[]
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: ColumnDef<T, any>[]
  getRowId: (row: T) => string
  /** Accessible name of the table. */
  label: string
  onRowClick?: (row: T) => void
  initialSorting?: SortingState
  /** Rendered in place of the body when there are no rows. */
  empty?: ReactNode
  /** Tables with more rows than this render only the visible ones. */
  virtualizeAbove?: number
  /** The most the table takes of the window's height before it scrolls inside its frame. */
  maxHeight?: string
  /** Row tint, e.g. for inactive members. */
  rowDimmed?: (row: T) => boolean
}

const INTERACTIVE = 'a, button, input, select, textarea, [role="button"], [role="menuitem"]'

export function DataTable<T>({
  data,
  columns,
  getRowId,
  label,
  onRowClick,
  initialSorting = [],
  empty,
  virtualizeAbove = 80,
  maxHeight = 'calc(100dvh - 280px)',
  rowDimmed,
}: DataTableProps<T>) {
  const { t } = useTranslation()
  const [sorting, setSorting] = useState<SortingState>(initialSorting)
  // TanStack Table returns fresh functions each render; this component is not compiled by React Compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getRowId,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  })
  const rows = table.getRowModel().rows
  const virtual = rows.length > virtualizeAbove
  const scrollRef = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: virtual ? rows.length : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 52,
    overscan: 12,
  })

  const handleClick = (row: Row<T>) => (event: MouseEvent<HTMLTableRowElement>) => {
    if (!onRowClick) return
    // Links and buttons inside the row keep their own meaning.
    if ((event.target as HTMLElement).closest(INTERACTIVE)) return
    onRowClick(row.original)
  }

  const renderRow = (row: Row<T>, index?: number) => (
    <Table.Tr
      key={row.id}
      data-index={index}
      ref={virtual ? virtualizer.measureElement : undefined}
      onClick={onRowClick ? handleClick(row) : undefined}
      className={onRowClick ? classes.clickable : undefined}
      data-dimmed={rowDimmed?.(row.original) || undefined}
    >
      {row.getVisibleCells().map((cell) => {
        const meta = cell.column.columnDef.meta
        return (
          <Table.Td
            key={cell.id}
            ta={meta?.align}
            style={{ whiteSpace: meta?.nowrap ? 'nowrap' : undefined }}
          >
            {flexRender(cell.column.columnDef.cell, cell.getContext())}
          </Table.Td>
        )
      })}
    </Table.Tr>
  )

  const colSpan = table.getVisibleLeafColumns().length
  let body: ReactNode
  if (rows.length === 0) {
    body = (
      <Table.Tr>
        <Table.Td colSpan={colSpan} ta="center" py="xl" c="dimmed">
          {empty ?? t('common.noResults')}
        </Table.Td>
      </Table.Tr>
    )
  } else if (virtual) {
    const items = virtualizer.getVirtualItems()
    const before = items[0]?.start ?? 0
    const after = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0)
    body = (
      <>
        {before > 0 ? <tr aria-hidden style={{ height: before }} /> : null}
        {items.map((item) => {
          const row = rows[item.index]
          return row ? renderRow(row, item.index) : null
        })}
        {after > 0 ? <tr aria-hidden style={{ height: after }} /> : null}
      </>
    )
  } else {
    body = rows.map((row) => renderRow(row))
  }

  return (
    <Paper withBorder radius="md" className={classes.frame}>
      {/* The table scrolls inside its frame, both ways, with its header in view: at the smallest window its
          last columns and its sideways scrollbar stay reachable without scrolling the page to the table's end. */}
      <Box ref={scrollRef} className={classes.scroll} style={{ maxHeight }}>
        <Table
          aria-label={label}
          aria-rowcount={virtual ? rows.length + 1 : undefined}
          stickyHeader
          highlightOnHover
          verticalSpacing="sm"
          horizontalSpacing="sm"
          className={classes.table}
        >
          <Table.Thead>
            {table.getHeaderGroups().map((group) => (
              <Table.Tr key={group.id}>
                {group.headers.map((header) => {
                  const meta = header.column.columnDef.meta
                  const sortable = header.column.getCanSort()
                  const sorted = header.column.getIsSorted()
                  const content = header.isPlaceholder
                    ? null
                    : flexRender(header.column.columnDef.header, header.getContext())
                  return (
                    <Table.Th
                      key={header.id}
                      ta={meta?.align}
                      style={{ width: meta?.width, minWidth: meta?.minWidth, whiteSpace: 'nowrap' }}
                      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                    >
                      {sortable ? (
                        <UnstyledButton
                          onClick={header.column.getToggleSortingHandler()}
                          className={classes.sortButton}
                          title={
                            sorted === 'asc' ? t('common.sortDescending') : t('common.sortAscending')
                          }
                        >
                          {content}
                          {sorted === 'asc' ? (
                            <IconArrowUp size={14} aria-hidden />
                          ) : sorted === 'desc' ? (
                            <IconArrowDown size={14} aria-hidden />
                          ) : (
                            <IconArrowsSort size={14} aria-hidden className={classes.sortIdle} />
                          )}
                        </UnstyledButton>
                      ) : (
                        content
                      )}
                    </Table.Th>
                  )
                })}
              </Table.Tr>
            ))}
          </Table.Thead>
          <Table.Tbody>{body}</Table.Tbody>
        </Table>
      </Box>
    </Paper>
  )
}
