/**
 * A workbook saved as .xlsx, changed as in a spreadsheet program (the owner's tampering), and
 * opened again; and what the tests read of its audit sheet.
 */
import { AUDIT_SHEET } from '../../src/server/workbook/audit';
import { parseAuditCells, type AuditEntry } from '../../src/server/domain/audit';
import { loadWorkbookXlsxBuffer, saveWorkbookXlsxBuffer } from '../../src/local/xlsx';
import type { WorkbookData } from '../../src/local/sheets/model';
import type { GuardWorld } from './guard-world';

/** The workbook saved as .xlsx, changed by `edit` as in a spreadsheet program, and opened again. */
export async function throughXlsx(w: GuardWorld, edit: (wb: WorkbookData) => void): Promise<void> {
  const saved = await loadWorkbookXlsxBuffer(await saveWorkbookXlsxBuffer(w.runtime.spreadsheets.get(w.id)!));
  edit(saved);
  w.runtime.spreadsheets.add(await loadWorkbookXlsxBuffer(await saveWorkbookXlsxBuffer(saved)));
}

export function setCell(wb: WorkbookData, sheet: string, a1: string, value: number): void {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const rows = wb.sheets.find((s) => s.name === sheet)!.rows;
  rows[Number(m[2]) - 1][col] = { ...rows[Number(m[2]) - 1][col], v: value };
}

export function auditEntries(wb: WorkbookData): AuditEntry[] {
  const rows = wb.sheets.find((s) => s.name === AUDIT_SHEET)!.rows.slice(1);
  return rows.flatMap((r) => {
    const parsed = parseAuditCells(Array.from({ length: 16 }, (_, i) => r?.[i]?.v ?? ''));
    return parsed.kind === 'entry' ? [parsed.entry] : [];
  });
}
