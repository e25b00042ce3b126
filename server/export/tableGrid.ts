/**
 * A table's cells laid out on a rectangular grid, as formats without spans (Markdown) need
 * it: each cell at its row and column, the places it spans over left empty, and short rows
 * padded, so every row has the same number of columns.
 */
import type { TableCell } from './model'

/** `grid[row][column]`: the cell that starts there, or null where a span or padding is. */
export type TableGrid = (TableCell | null)[][]

export function tableGrid(rows: readonly TableCell[][]): TableGrid {
  const grid: TableGrid = rows.map(() => [])
  // Places taken by a rowspan from a row above, per row.
  const taken: Set<number>[] = rows.map(() => new Set())
  rows.forEach((cells, r) => {
    let column = 0
    for (const cell of cells) {
      while (taken[r]!.has(column)) column++
      grid[r]![column] = cell
      for (let dr = 0; dr < cell.rowspan && r + dr < rows.length; dr++) {
        for (let dc = 0; dc < cell.colspan; dc++) {
          if (dr > 0 || dc > 0) taken[r + dr]!.add(column + dc)
        }
      }
      column += cell.colspan
    }
  })
  const width = Math.max(
    1,
    ...grid.map((row, r) => Math.max(row.length, ...[...taken[r]!].map((c) => c + 1))),
  )
  return grid.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? null))
}
