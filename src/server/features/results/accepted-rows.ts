/**
 * Writing what was accepted into a block of a guarded tab: the shadow's whole rows (the accepted
 * values and, recomputed from them, the derived cells: averages, absence totals) with the
 * acceptance times, and the derived cells into the tab with their notes. All buffered writes of
 * the execution, flushed with the audit rows: no round trip of their own.
 */
import type { ClassConfig, SchoolConfig } from '../../domain/school/model';
import type { SheetPort } from '../../gas/ports';
import type { GuardedTab } from '../../workbook/layout';
import type { EditedBlock } from '../guard/cells';
import { deriverFor, type DerivedCell } from './derived';
import { writeDerived } from './write-derived';

export interface AcceptedScope {
  cls: ClassConfig;
  config: Pick<SchoolConfig, 'school' | 'subjects'>;
  tab: GuardedTab;
  /** Grade book: the subjects whose accepted values changed (only their averages are derived again). */
  subjects: ReadonlySet<string>;
}

/** The derived cells of every student row of the block, from its accepted values (set in shadowRows too). */
function deriveRows(block: EditedBlock, scope: AcceptedScope): DerivedCell[][] {
  const deriver = deriverFor(scope.tab, block.keys, scope.cls, scope.config);
  const codeCol = block.keys.map(String).indexOf('P|CODE');
  return block.shadowRows.map((row) => {
    const code = String(row[codeCol] ?? '');
    if (code === '') return [];
    const cells = deriver.cells(code, row, scope.tab.kind === 'book' ? scope.subjects : undefined);
    for (const c of cells) row[c.col - 1] = c.value;
    return cells;
  });
}

/** `block.shadowRows` and `block.shadowNotes` already hold the accepted values and their times. */
export function writeAccepted(sheet: SheetPort, block: EditedBlock, scope: AcceptedScope): void {
  const { row, col, numRows, numCols } = block.rect;
  writeDerived(sheet, row, deriveRows(block, scope));
  block.shadowSheet.getRange(row, 1, numRows, block.shadowRows[0].length).setValues(block.shadowRows);
  block.shadowSheet.getRange(row, col, numRows, numCols).setNotes(block.shadowNotes);
}
