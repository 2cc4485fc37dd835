/**
 * Reconcile: compares every class grade book with its shadow. A difference the guard never
 * saw (a script or API write, a trigger that failed, an edit queued past the store's limit)
 * is judged like an edit by an unknown person: a valid value is kept and logged as
 * unattributed, an invalid one is put back; the shadow is repaired either way.
 */
import type { Env } from '../../gas/env';
import type { CellValue } from '../../gas/ports';
import { checkEntry } from '../../domain/guard/entry-value';
import { appendAudit, type AuditInput } from '../../workbook/audit';
import { CLASS_BOOK_HEADER_ROWS } from '../../workbook/layout';
import { loadSchoolContext } from '../school-context';
import { readEditedBlock } from './cells';

const asText = (v: CellValue): string => (v instanceof Date ? v.toISOString() : v === null || v === undefined ? '' : String(v));
const same = (a: CellValue, b: CellValue) => asText(a) === asText(b);

export const RECONCILE_TEXT = {
  unattributed: 'Thay đổi không qua trình kiểm soát (ghi bằng script/API hoặc trình kiểm soát lỗi); đối chiếu định kỳ đã ghi nhận.',
} as const;

export function reconcile(env: Env): { kept: number; reverted: number } {
  const loaded = loadSchoolContext(env);
  if (!loaded.ok) return { kept: 0, reverted: 0 };
  const lock = env.lock.getDocumentLock();
  if (!lock || !lock.tryLock(30_000)) return { kept: 0, reverted: 0 }; // next hour
  try {
    const spreadsheet = env.spreadsheetApp.getActiveSpreadsheet();
    const effectiveUser = env.session.getEffectiveUser().getEmail();
    const at = env.clock.now();
    const inputs: AuditInput[] = [];
    let kept = 0;
    let reverted = 0;
    for (const cls of loaded.context.config.classes) {
      const sheet = spreadsheet.getSheetByName(cls.code);
      if (!sheet) continue;
      const rows = sheet.getLastRow() - CLASS_BOOK_HEADER_ROWS;
      if (rows <= 0) continue;
      const rect = { row: CLASS_BOOK_HEADER_ROWS + 1, col: 1, numRows: rows, numCols: sheet.getLastColumn() };
      const block = readEditedBlock(spreadsheet, sheet, cls.code, rect);
      if (!block) continue;
      let tabChanged = false;
      let shadowChanged = false;
      for (const cell of block.cells) {
        if (same(cell.typed, cell.previous)) continue;
        const i = cell.row - rect.row;
        const j = cell.col - rect.col;
        const kind = cell.role.type === 'subject' ? (cell.role.subjectKind === 'score' ? 'score' : 'comment') : 'training';
        const check = cell.role.type === 'remark' ? { ok: true as const, value: asText(cell.typed) } : checkEntry(kind, cell.typed, cell.formula);
        const base = { at, actor: '', effectiveUser, sheet: cls.code, cell: cell.a1, studentCode: cell.studentCode, subjectCode: cell.subjectCode, column: cell.column, reference: '' };
        if (!check.ok) {
          block.typed[i][j] = cell.previous;
          tabChanged = true;
          reverted++;
          inputs.push({ ...base, oldValue: asText(cell.previous), newValue: asText(cell.typed), outcome: 'reverted', reason: check.reason });
        } else {
          block.shadow[i][j] = check.value;
          block.shadowNotes[i][j] = check.value === '' ? '' : at.toISOString();
          shadowChanged = true;
          kept++;
          inputs.push({ ...base, oldValue: asText(cell.previous), newValue: asText(check.value), outcome: 'unattributed', reason: RECONCILE_TEXT.unattributed });
        }
      }
      const range = (s: typeof sheet) => s.getRange(rect.row, rect.col, rect.numRows, rect.numCols);
      if (tabChanged) range(sheet).setValues(block.typed);
      if (shadowChanged) range(block.shadowSheet).setValues(block.shadow).setNotes(block.shadowNotes);
    }
    if (inputs.length > 0) appendAudit(env, inputs);
    return { kept, reverted };
  } finally {
    lock.releaseLock();
  }
}
