/**
 * Settling one block of a class grade book: every changed cell judged (valid? window open?
 * this person's column? not age-locked?), the audit rows appended FIRST, then what is not
 * allowed put back and the rest kept in the shadow. Appending first means an accepted value
 * never exists without its audit row: if a later write fails, the reconcile finds the
 * difference and settles it again. Shared by the edit guard and the hourly reconcile.
 */
import type { Env } from '../../gas/env';
import type { CellValue } from '../../gas/ports';
import { checkTyped, decide, type ClassRules, type Decision } from '../../domain/guard/decide';
import { afterApplied, approvedFor, CORRECTION_TEXT } from '../corrections/apply';
import type { CorrectionRequest } from '../corrections/store';
import { stillHolds, writtenText, type Written } from '../../domain/guard/written';
import type { AuditOutcome } from '../../domain/audit';
import type { ClassConfig } from '../../domain/school/model';
import type { AuditInput } from '../../workbook/audit';
import { stageAudit } from '../../workbook/audit/append';
import type { SchoolContext } from '../school-context';
import { repairStructure } from '../structure/repair';
import { CODE_COL, missingValidation, readEditedBlock, studentPart, validationGrid, type Rect } from './cells';
import { BOOK_TAB, type GuardedTab } from '../../workbook/layout';
import { writeAccepted } from '../results/accepted-rows';

export const SETTLE_TEXT = {
  seenByGuard: 'trình kiểm soát phát hiện khi kiểm tra một lần sửa',
  revealedBy: (actor: string) =>
    `trình kiểm soát phát hiện khi kiểm tra một ô do ${actor || 'người không rõ'} nhập; thay đổi xảy ra trước đó, không qua trình kiểm soát, không rõ ai làm`,
  notKept: 'Giá trị này được nhập khi trình kiểm soát đang bận, nhưng ô đã trở lại giá trị đã ghi nhận trước khi kịp kiểm tra (trang được dựng lại hoặc có người nhập lại giá trị cũ); giá trị không được giữ — hãy nhập lại nếu cần.',
} as const;

export interface Settled {
  accepted: number;
  reverted: number;
  /** The tab's structure no longer matches its shadow: nothing was judged. */
  structureChanged: boolean;
}

export const asText = (v: CellValue): string => (v instanceof Date ? v.toISOString() : v === null || v === undefined ? '' : String(v));

export function rulesFor(context: SchoolContext, cls: ClassConfig, nowMs: number): ClassRules {
  const teachers = new Map(context.config.assignments.filter((a) => a.classCode === cls.code).map((a) => [a.subjectCode, a.teachers]));
  return {
    grade: cls.grade,
    classCode: cls.code,
    homeroom: cls.homeroom,
    teachersOf: (s) => teachers.get(s) ?? [],
    windows: context.windows,
    nowMs,
    lockAfterHours: context.config.school.lockAfterHours ?? null,
    lockedAll: Boolean(context.lockedAllSince),
  };
}

/** Writes single cells in one call; values are numbers or text exactly as kept ('RAW': no parsing). */
export function writeCells(env: Env, spreadsheetId: string, data: { range: string; values: CellValue[][] }[]): void {
  const values = env.sheetsApi.Spreadsheets?.Values;
  if (!values) throw new Error('Sổ Điểm cần dịch vụ nâng cao Google Sheets API (Sheets) đã bật trong dự án Apps Script.');
  values.batchUpdate({ valueInputOption: 'RAW', data: data.map((d) => ({ range: d.range, values: d.values.map((r) => r.map((v) => (v instanceof Date ? v.toISOString() : v))) })) }, spreadsheetId);
}

export interface SettleOptions {
  /** '' when Apps Script did not reveal the editor, or for changes the guard never saw. */
  actor: string;
  at: Date;
  /** Why a kept change of an unknown editor is recorded (the reconcile says it was not seen live). */
  unattributedReason: string;
  /** What the person wrote, cell by cell of `rect`: a cell holding something else now was changed again since. */
  written?: Written;
  /** One typed cell: its validation rule cannot have been wiped (only a paste does), so it is not read. */
  rulesIntact?: boolean;
}

/** `tab`: the grade book, or the class's attendance tab (same judgement, its own shadow and keys). */
export function settleBlock(env: Env, context: SchoolContext, cls: ClassConfig, rect: Rect, options: SettleOptions, tab: GuardedTab = BOOK_TAB): Settled {
  const none: Settled = { accepted: 0, reverted: 0, structureChanged: false };
  const spreadsheet = env.spreadsheetApp.getActiveSpreadsheet();
  const sheetName = tab.sheetName(cls.code);
  const sheet = spreadsheet.getSheetByName(sheetName);
  const part = studentPart(rect, tab);
  if (!sheet || !part) return none;
  const block = readEditedBlock(env, spreadsheet, sheet, cls.code, part, tab, { withRules: !options.rulesIntact, withAuditTail: true });
  if (!block) return none;
  const effectiveUser = env.session.getEffectiveUser().getEmail();
  const base = { at: options.at, actor: options.actor, effectiveUser, sheet: sheetName, reference: '' };
  if ('changed' in block) {
    // Rows sorted, codes changed, the tab grown by a paste: the tab no longer matches its shadow.
    // It is rebuilt from the shadow at once, so the guard never stops judging this class. One
    // typed value outside the codes cannot reshape a tab: the change came before it, unseen (a
    // script), and its author is unknown — the person typing only revealed it.
    const revealedOnly = options.rulesIntact === true && !(part.col <= CODE_COL && CODE_COL < part.col + part.numCols);
    const what = revealedOnly ? SETTLE_TEXT.revealedBy(options.actor) : SETTLE_TEXT.seenByGuard;
    repairStructure(env, context, { actor: revealedOnly ? '' : options.actor, what, force: [cls.code] });
    return { ...none, structureChanged: true };
  }
  const rules = rulesFor(context, cls, options.at.getTime());
  const inputs: AuditInput[] = [];
  // Only the cells the guard must put back or re-format are written to the tab, each as its
  // own range in one values.batchUpdate: a teacher's edit landing elsewhere in the rectangle
  // meanwhile is not overwritten, and gets its own guard run.
  const tabWrites: { a1: string; value: CellValue }[] = [];
  let rewriteShadow = false;
  /** Subjects (book) whose accepted values changed: their averages are derived again. */
  const touched = new Set<string>();
  // Approved corrections are read only when the guard is about to put a teacher's value back.
  let properties: Record<string, string> | null = null;
  const all = () => (properties ??= env.properties.getDocumentProperties()?.getProperties() ?? {});
  const applied: { request: CorrectionRequest; at: Date; cell: string; studentName: string }[] = [];
  const nameCol = block.keys.map(String).indexOf('P|NAME');
  let accepted = 0;
  let reverted = 0;
  for (const cell of block.cells) {
    if (options.written && !stillHolds(options.written, cell.row - rect.row, cell.col - rect.col, asText(cell.typed))) {
      // Changed again since. When the cell is back at its accepted value (the tab was rebuilt
      // from the shadow meanwhile, or someone typed the old value back), what this person wrote
      // was never kept: the log says so, rather than letting it vanish (when the text is known —
      // a large block keeps only digests).
      const wrote = writtenText(options.written, cell.row - rect.row, cell.col - rect.col);
      if (wrote !== undefined && asText(cell.typed) === asText(cell.previous) && wrote !== asText(cell.previous)) {
        inputs.push({ ...base, cell: cell.a1, studentCode: cell.studentCode, subjectCode: cell.subjectCode, column: cell.column, oldValue: asText(cell.previous), newValue: wrote ?? '', outcome: 'reverted', reason: SETTLE_TEXT.notKept });
      }
      continue;
    }
    let d: Decision = decide(cell.role, cell.typed, cell.formula, cell.previous, options.actor, rules, cell.acceptedAtMs);
    // A locked cell the board opened to this teacher for an approved correction: the approved value only.
    let correction: CorrectionRequest | null = null;
    if (d.action === 'revert' && cell.role.type === 'subject' && tab.kind === 'book' && options.actor !== '' && !rules.lockedAll) {
      const r = approvedFor(all(), { classCode: cls.code, studentCode: cell.studentCode, key: String(block.keys[cell.col - 1] ?? '') }, options.actor, options.at.getTime());
      if (r) {
        const checked = checkTyped(cell.role, cell.typed, cell.formula, cell.previous);
        if (checked.kind === 'value' && asText(checked.value) === r.newValue) {
          d = { action: 'accept', value: checked.value, rewrite: checked.rewrite, note: CORRECTION_TEXT.applied(r) };
          correction = r;
        } else d = { action: 'revert', reason: CORRECTION_TEXT.otherValue(r) };
      }
    }
    if (d.action === 'unchanged') continue;
    const i = cell.row - part.row;
    const j = cell.col - part.col;
    const row = { ...base, cell: cell.a1, studentCode: cell.studentCode, subjectCode: cell.subjectCode, column: cell.column, oldValue: asText(cell.previous) };
    if (d.action === 'revert') {
      tabWrites.push({ a1: cell.a1, value: cell.previous });
      reverted++;
      inputs.push({ ...row, newValue: asText(cell.typed), outcome: 'reverted', reason: d.reason });
      continue;
    }
    if (d.rewrite) tabWrites.push({ a1: cell.a1, value: d.value });
    if (asText(d.value) === asText(cell.previous)) continue; // only re-formatted
    block.shadow[i][j] = d.value;
    block.shadowRows[i][cell.col - 1] = d.value;
    touched.add(cell.subjectCode);
    block.shadowNotes[i][j] = d.value === '' ? '' : options.at.toISOString();
    rewriteShadow = true;
    accepted++;
    const outcome: AuditOutcome = correction ? 'correction' : options.actor === '' ? 'unattributed' : 'accepted';
    inputs.push({ ...row, newValue: asText(d.value), outcome, reason: options.actor === '' ? options.unattributedReason || d.note : d.note, reference: correction?.id ?? '' });
    if (correction) applied.push({ request: correction, at: options.at, cell: cell.a1, studentName: String(block.shadowRows[i][nameCol] ?? cell.studentCode) });
  }
  // The log's rows, the accepted values with their averages and the rules restored go out as
  // ONE batch, the log's rows first; then the log's head is recorded.
  const staged = stageAudit(env, inputs, block.auditTail);
  const logged = staged.entries;
  if (rewriteShadow) writeAccepted(sheet, block, { cls, config: context.config, tab, subjects: touched });
  // A paste of copied cells replaces the destination's data validation; put the rules back.
  if (!options.rulesIntact && block.cells.length > 0 && missingValidation(sheet, block)) sheet.getRange(part.row, part.col, part.numRows, part.numCols).setDataValidations(validationGrid(env, block));
  staged.commit();
  // The cells put back or re-formatted, after the log: one values.batchUpdate, a range per cell
  // (a teacher typing elsewhere in the rectangle meanwhile is not overwritten), RAW.
  if (tabWrites.length > 0) writeCells(env, spreadsheet.getId(), tabWrites.map((w) => ({ range: `'${sheetName.replace(/'/g, "''")}'!${w.a1}`, values: [[w.value]] })));
  // Each applied correction: its request closed, and its cell locked again at once.
  afterApplied(env, context, applied.map((a) => ({ ...a, seq: logged.find((e) => e.outcome === 'correction' && e.reference === a.request.id)?.seq ?? 0 })));
  return { accepted, reverted, structureChanged: false };
}
