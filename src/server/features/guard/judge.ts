/**
 * Judging one read block of a guarded tab: every changed cell (valid? window open? this
 * person's column? not age-locked? an approved correction?) becomes a log row, and what is not
 * allowed a cell to put back. Nothing is written here: settle.ts sends what every judged block
 * asks for in one batch.
 */
import type { CellValue } from '../../gas/ports';
import { checkTyped, decide, type ClassRules, type Decision } from '../../domain/guard/decide';
import { approvedFor, CORRECTION_TEXT } from '../corrections/apply';
import type { CorrectionRequest } from '../corrections/store';
import { stillHolds, writtenText, type Written } from '../../domain/guard/written';
import type { AuditOutcome } from '../../domain/audit';
import type { ClassConfig } from '../../domain/school/model';
import type { AuditInput } from '../../workbook/audit';
import type { SchoolContext } from '../school-context';
import type { EditedBlock, Rect } from './cells';
import type { GuardedTab } from '../../workbook/layout';

export const SETTLE_TEXT = {
  seenByGuard: 'trình kiểm soát phát hiện khi kiểm tra một lần sửa',
  revealedBy: (actor: string) =>
    `trình kiểm soát phát hiện khi kiểm tra một ô do ${actor || 'người không rõ'} nhập; thay đổi xảy ra trước đó, không qua trình kiểm soát, không rõ ai làm`,
  notKept: 'Giá trị này được nhập khi trình kiểm soát đang bận, nhưng ô đã trở lại giá trị đã ghi nhận trước khi kịp kiểm tra (trang được dựng lại hoặc có người nhập lại giá trị cũ); giá trị không được giữ — hãy nhập lại nếu cần.',
} as const;

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

/** What the log row of every cell shares. */
export type RowBase = Pick<AuditInput, 'at' | 'actor' | 'effectiveUser' | 'sheet' | 'reference'>;

export interface Judged {
  inputs: AuditInput[];
  /** Cells of the tab to put back or re-format. */
  tabWrites: { a1: string; value: CellValue }[];
  /** Subjects (book) whose accepted values changed, in the block's shadow rows: their averages are derived again. */
  touched: Set<string>;
  applied: { request: CorrectionRequest; at: Date; cell: string; studentName: string }[];
  accepted: number;
  reverted: number;
}

/**
 * Judges `block` (read over `part`, the student rows of `rect`) and updates its shadow copy in
 * place. `properties` reads the document properties once, when an approved correction may apply.
 */
export function judgeBlock(
  context: SchoolContext,
  edit: { cls: ClassConfig; rect: Rect; options: SettleOptions; tab: GuardedTab },
  block: EditedBlock,
  part: Rect,
  base: RowBase,
  properties: () => Record<string, string>,
): Judged {
  const { cls, rect, options, tab } = edit;
  const rules = rulesFor(context, cls, options.at.getTime());
  const out: Judged = { inputs: [], tabWrites: [], touched: new Set(), applied: [], accepted: 0, reverted: 0 };
  const nameCol = block.keys.map(String).indexOf('P|NAME');
  for (const cell of block.cells) {
    if (options.written && !stillHolds(options.written, cell.row - rect.row, cell.col - rect.col, asText(cell.typed))) {
      // Changed again since. When the cell is back at its accepted value (the tab was rebuilt
      // from the shadow meanwhile, or someone typed the old value back), what this person wrote
      // was never kept: the log says so, rather than letting it vanish (when the text is known —
      // a large block keeps only digests).
      const wrote = writtenText(options.written, cell.row - rect.row, cell.col - rect.col);
      if (wrote !== undefined && asText(cell.typed) === asText(cell.previous) && wrote !== asText(cell.previous)) {
        out.inputs.push({ ...base, cell: cell.a1, studentCode: cell.studentCode, subjectCode: cell.subjectCode, column: cell.column, oldValue: asText(cell.previous), newValue: wrote ?? '', outcome: 'reverted', reason: SETTLE_TEXT.notKept });
      }
      continue;
    }
    let d: Decision = decide(cell.role, cell.typed, cell.formula, cell.previous, options.actor, rules, cell.acceptedAtMs);
    // A locked cell the board opened to this teacher for an approved correction: the approved value only.
    let correction: CorrectionRequest | null = null;
    if (d.action === 'revert' && cell.role.type === 'subject' && tab.kind === 'book' && options.actor !== '' && !rules.lockedAll) {
      const r = approvedFor(properties(), { classCode: cls.code, studentCode: cell.studentCode, key: String(block.keys[cell.col - 1] ?? '') }, options.actor, options.at.getTime());
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
      out.tabWrites.push({ a1: cell.a1, value: cell.previous });
      out.reverted++;
      out.inputs.push({ ...row, newValue: asText(cell.typed), outcome: 'reverted', reason: d.reason });
      continue;
    }
    if (d.rewrite) out.tabWrites.push({ a1: cell.a1, value: d.value });
    if (asText(d.value) === asText(cell.previous)) continue; // only re-formatted
    block.shadow[i][j] = d.value;
    block.shadowRows[i][cell.col - 1] = d.value;
    out.touched.add(cell.subjectCode);
    block.shadowNotes[i][j] = d.value === '' ? '' : options.at.toISOString();
    out.accepted++;
    const outcome: AuditOutcome = correction ? 'correction' : options.actor === '' ? 'unattributed' : 'accepted';
    out.inputs.push({ ...row, newValue: asText(d.value), outcome, reason: options.actor === '' ? options.unattributedReason || d.note : d.note, reference: correction?.id ?? '' });
    if (correction) out.applied.push({ request: correction, at: options.at, cell: cell.a1, studentName: String(block.shadowRows[i][nameCol] ?? cell.studentCode) });
  }
  return out;
}
