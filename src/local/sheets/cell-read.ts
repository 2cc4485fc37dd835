/**
 * Reading cells as Apps Script shows them, formulas included: `valueReader`/`displayReader`
 * give the function for mapCells over one sheet. A plain cell costs one `cell.f === undefined`
 * test more than before; formula cells share one Evaluator (memo, cycle check) per read.
 */
import type { CellValue } from '../../server/gas/ports';
import type { CellData, SheetData, WorkbookData } from './model';
import { Evaluator } from './formula';
import { displayValue } from './format';
import { readValue } from './values';

export function valueReader(wb: WorkbookData, sheet: SheetData): (cell: CellData | undefined) => CellValue {
  let ev: Evaluator | undefined;
  return (cell) => (cell === undefined || cell.f === undefined ? readValue(cell) : (ev ??= new Evaluator(wb)).read(sheet, cell));
}

export function displayReader(wb: WorkbookData, sheet: SheetData): (cell: CellData | undefined) => string {
  let ev: Evaluator | undefined;
  return (cell) => {
    if (cell === undefined || cell.f === undefined) return displayValue(cell, wb.locale, wb.timeZone);
    const v = (ev ??= new Evaluator(wb)).read(sheet, cell);
    // Text (errors included) shows as it is, whatever the number format.
    return typeof v === 'string' ? v : displayValue({ v, nf: cell.nf }, wb.locale, wb.timeZone);
  };
}
