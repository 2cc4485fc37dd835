/**
 * A school's log changed behind the add-on's back, as someone with the file in hand could do it:
 * the tail cut off, or one row rewritten and every row after it re-hashed so that the chain
 * checks out again on its own. Only an outside witness's checkpoints tell the second apart.
 */
import { AUDIT_COLUMN_COUNT, auditCells, chainHash, parseAuditCells, type AuditEntry } from '../../server/domain/audit';
import { sha256Hex } from '../../server/domain/audit/sha256';
import { AUDIT_SHEET } from '../../server/workbook/audit/sheet';
import type { SheetData, WorkbookData } from '../sheets/model';

function logSheet(wb: WorkbookData): SheetData {
  const sheet = wb.sheets.find((s) => s.name === AUDIT_SHEET);
  if (!sheet) throw new Error(`${wb.id} has no "${AUDIT_SHEET}" sheet`);
  return sheet;
}

function entryAt(sheet: SheetData, r: number): AuditEntry | null {
  const cells = Array.from({ length: AUDIT_COLUMN_COUNT }, (_, c) => sheet.rows[r]?.[c]?.v ?? '');
  const parsed = parseAuditCells(cells);
  return parsed.kind === 'entry' ? parsed.entry : null;
}

/** Keeps the first `keep` data rows of the log. */
export function truncateLog(wb: WorkbookData, keep: number): void {
  const sheet = logSheet(wb);
  sheet.rows.length = Math.min(sheet.rows.length, 1 + keep);
}

/** Rewrites the row with Số TT `seq` and re-seals it and every row after it. */
export function rewriteLog(wb: WorkbookData, seq: number, change: (entry: AuditEntry) => Partial<AuditEntry>): void {
  const sheet = logSheet(wb);
  let prev: string | null = null;
  for (let r = 1; r < sheet.rows.length; r++) {
    const entry = entryAt(sheet, r);
    if (!entry) continue;
    if (prev === null && entry.seq !== seq) continue;
    const content = prev === null ? { ...entry, ...change(entry) } : { ...entry, prevHash: prev };
    const hash = chainHash(content.prevHash, content, sha256Hex);
    const sealed = { ...content, hash };
    sheet.rows[r] = auditCells(sealed).map((v) => ({ v, nf: '@' }));
    prev = hash;
  }
  if (prev === null) throw new Error(`no row with Số TT ${seq} in ${wb.id}`);
}
