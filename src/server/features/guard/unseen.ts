/**
 * The reconcile's half of the guard: every difference between a class tab and its shadow that
 * no trigger saw, judged without knowing who made it or when (domain/guard/unseen.ts). Put back
 * at once when it cannot be a legitimate entry; otherwise logged once as pending, the cell
 * marked and listed for the board — the shadow keeps the accepted value meanwhile. A pending
 * value that changes is logged again; one that is gone closes its item. The caller holds the
 * document lock. The audit rows are appended first, as in settle.ts.
 */
import type { Env } from '../../gas/env';
import type { CellValue } from '../../gas/ports';
import { judgeUnseen } from '../../domain/guard/unseen';
import { formatVnDateTime } from '../../domain/calendar';
import type { ClassConfig } from '../../domain/school/model';
import { appendAudit, type AuditInput } from '../../workbook/audit';
import { BOOK_TAB, type GuardedTab } from '../../workbook/layout';
import type { SchoolContext } from '../school-context';
import { repairStructure } from '../structure/repair';
import { missingValidation, readEditedBlock, validationGrid } from './cells';
import { asText, rulesFor, SETTLE_TEXT } from './judge';
import { writeCells } from './settle';
import { closePending, newPendingId, pendingKey, readPending, savePending, type PendingItem } from './pending-store';
import { markCell, unmarkCell } from './pending-mark';

export const UNSEEN_LOG_TEXT = {
  pending: (sinceMs: number, atMs: number, id: string) =>
    `Thay đổi không qua trình kiểm soát (không rõ ai sửa, trong khoảng ${formatVnDateTime(sinceMs)} – ${formatVnDateTime(atMs)}); ` +
    `cột có mở trong khoảng đó nên chưa chấp nhận cũng chưa hoàn tác: chờ Ban giám hiệu quyết định (mã ${id}).`,
  gone: (id: string) => `Ô đã trở lại giá trị đã ghi nhận trước khi Ban giám hiệu quyết định (không rõ ai sửa); đóng thay đổi chờ quyết định mã ${id}.`,
} as const;

export interface UnseenReport {
  reverted: number;
  /** Differences logged as pending in this run (new or changed values). */
  pending: number;
  /** Items that could not be stored (the property store is full): logged, marked, but not listed. */
  unlisted: number;
  structureChanged: boolean;
}

/** `tab`: the grade book, or the class's attendance tab against its own shadow. */
export function settleUnseen(env: Env, context: SchoolContext, cls: ClassConfig, sinceMs: number, tab: GuardedTab = BOOK_TAB): UnseenReport {
  const report: UnseenReport = { reverted: 0, pending: 0, unlisted: 0, structureChanged: false };
  const props = env.properties.getDocumentProperties();
  const spreadsheet = env.spreadsheetApp.getActiveSpreadsheet();
  const sheetName = tab.sheetName(cls.code);
  const sheet = spreadsheet.getSheetByName(sheetName);
  if (!sheet || !props) return report;
  const rows = sheet.getMaxRows() - tab.headerRows;
  if (rows <= 0) return report;
  const rect = { row: tab.headerRows + 1, col: 1, numRows: rows, numCols: sheet.getMaxColumns() };
  const block = readEditedBlock(env, spreadsheet, sheet, cls.code, rect, tab, { withRules: true, withAuditTail: true });
  if (!block) return report;
  const now = env.clock.now();
  if ('changed' in block) {
    // As in settle.ts: the tab is rebuilt from its shadow at once; what it held goes to the setup report.
    repairStructure(env, context, { actor: '', what: SETTLE_TEXT.seenByGuard, force: [cls.code] });
    return { ...report, structureChanged: true };
  }
  const items = new Map(readPending(props, sheetName).map((item) => [pendingKey(item), item]));
  const rules = rulesFor(context, cls, now.getTime());
  const base = { at: now, actor: '', effectiveUser: env.session.getEffectiveUser().getEmail(), sheet: sheetName };
  const inputs: AuditInput[] = [];
  const tabWrites: { range: string; values: CellValue[][] }[] = [];
  const closed: PendingItem[] = [];
  const marked: { item: PendingItem; fresh: boolean }[] = [];
  const moved: PendingItem[] = [];
  const range = (a1: string) => `'${sheetName.replace(/'/g, "''")}'!${a1}`;
  for (const cell of block.cells) {
    const id = { sheet: sheetName, studentCode: cell.studentCode, subjectCode: cell.subjectCode, column: cell.column };
    const item = items.get(pendingKey(id));
    const previous = asText(cell.previous);
    if (item && item.found === asText(cell.typed) && item.shadow === previous && cell.formula === '') {
      // Judged when it was found; it waits for the board whatever the calendar says now.
      if (item.cell !== cell.a1) moved.push({ ...item, cell: cell.a1 }); // a setup re-run moved the row
      continue;
    }
    const d = judgeUnseen(cell.role, cell.typed, cell.formula, cell.previous, rules, sinceMs, cell.acceptedAtMs);
    const row = { ...base, ...id, cell: cell.a1, oldValue: previous };
    if (d.action === 'unchanged' || d.action === 'rewrite') {
      if (d.action === 'rewrite') tabWrites.push({ range: range(cell.a1), values: [[d.value]] });
      if (!item) continue;
      closed.push({ ...item, cell: cell.a1 });
      // When the shadow moved on, a guarded edit of the cell has logged it already.
      if (item.shadow === previous) inputs.push({ ...row, newValue: item.found, outcome: 'reverted', reason: UNSEEN_LOG_TEXT.gone(item.id), reference: item.id });
      continue;
    }
    if (d.action === 'revert') {
      tabWrites.push({ range: range(cell.a1), values: [[cell.previous]] });
      report.reverted++;
      inputs.push({ ...row, newValue: asText(cell.typed), outcome: 'reverted', reason: d.reason, reference: item?.id ?? '' });
      if (item) closed.push({ ...item, cell: cell.a1 });
      continue;
    }
    if (d.rewrite) tabWrites.push({ range: range(cell.a1), values: [[d.value]] });
    const found = asText(d.value);
    const seenAt = now.toISOString();
    const next: PendingItem = item
      ? { ...item, cell: cell.a1, found, shadow: previous, seenAt }
      : { id: newPendingId(env), ...id, cell: cell.a1, found, shadow: previous, foundAt: seenAt, seenAt, mark: { background: '', note: '' } };
    inputs.push({ ...row, newValue: found, outcome: 'pending', reason: UNSEEN_LOG_TEXT.pending(sinceMs, now.getTime(), next.id), reference: next.id });
    marked.push({ item: next, fresh: !item });
    report.pending++;
  }
  if (inputs.length > 0) appendAudit(env, inputs, block.auditTail);
  if (tabWrites.length > 0) writeCells(env, spreadsheet.getId(), tabWrites);
  for (const item of closed) unmarkCell(sheet, item);
  const saved = marked.map(({ item, fresh }) => ({ ...item, mark: markCell(sheet, item, fresh) }));
  closePending(props, closed.map((i) => i.id));
  if (!savePending(props, [...saved, ...moved])) report.unlisted = saved.length;
  if (block.cells.length > 0 && missingValidation(sheet, block)) sheet.getRange(rect.row, rect.col, rect.numRows, rect.numCols).setDataValidations(validationGrid(env, block));
  return report;
}
