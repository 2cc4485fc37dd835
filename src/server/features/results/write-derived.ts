/**
 * Writing derived cells over a run of student rows: one setValues and one setNotes per run of
 * adjacent derived columns (a subject's three averages are three runs; the attendance totals one),
 * buffered with the rest of the execution's writes — no round trip of their own.
 */
import type { CellValue, SheetPort } from '../../gas/ports';
import type { DerivedCell } from './derived';

/** `cells[i]`: the derived cells of row firstRow + i (the same columns in every row, or none). */
export function writeDerived(sheet: SheetPort, firstRow: number, cells: readonly (readonly DerivedCell[])[]): void {
  const byCol = new Map<number, (DerivedCell | null)[]>();
  cells.forEach((line, i) =>
    line.forEach((cell) => {
      const column = byCol.get(cell.col) ?? Array.from({ length: cells.length }, () => null);
      column[i] = cell;
      byCol.set(cell.col, column);
    }),
  );
  const cols = [...byCol.keys()].sort((a, b) => a - b);
  for (let start = 0; start < cols.length; ) {
    let end = start;
    while (end + 1 < cols.length && cols[end + 1] === cols[end] + 1) end++;
    const run = cols.slice(start, end + 1).map((c) => byCol.get(c)!);
    // A row without cells (no student) keeps what it has: the run is cut at the rows that have them.
    writeRun(sheet, firstRow, cols[start], run);
    start = end + 1;
  }
}

function writeRun(sheet: SheetPort, firstRow: number, firstCol: number, run: (DerivedCell | null)[][]): void {
  const rows = run[0].length;
  for (let from = 0; from < rows; ) {
    if (run.some((column) => column[from] === null)) {
      from++;
      continue;
    }
    let to = from;
    while (to + 1 < rows && run.every((column) => column[to + 1] !== null)) to++;
    const pick = <T>(f: (c: DerivedCell) => T): T[][] => Array.from({ length: to - from + 1 }, (_, i) => run.map((column) => f(column[from + i]!)));
    const range = sheet.getRange(firstRow + from, firstCol, to - from + 1, run.length);
    range.setValues(pick<CellValue>((c) => c.value)).setNotes(pick((c) => c.note));
    if (run.some((column) => column[from]?.background !== undefined)) range.setBackgrounds(pick((c) => c.background ?? null));
    from = to + 1;
  }
}
