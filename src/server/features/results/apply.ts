/**
 * Applying what a homeroom teacher or a board member asked of the results. Their own runs cannot
 * write the results block, its shadow or the log (admin-only), so their calls queue the request
 * (guard/queue.ts) and this runs in the admin's next execution, under the document lock. All is
 * checked again here — the person's role and class, and that the results are still the ones they
 * saw (the digest) — and nothing changes otherwise: the class's state says why.
 */
import type { Env } from '../../gas/env';
import type { CellValue } from '../../gas/ports';
import type { SchoolContext } from '../school-context';
import { readLayouts } from '../school-context';
import { appendAudit, type AuditInput } from '../../workbook/audit';
import { valueText } from '../../domain/audit/replay';
import { BOOK_TAB, columnLetter, contiguousRuns } from '../../workbook/layout';
import type { QueuedEdit, QueuedResults } from '../guard/queue';
import { readClassResults, type ClassResults } from './class-results';
import { changedCells, PERIOD_LABELS, periodResults, summerOnly, type BlockCell, type ResultsPeriod } from './block';
import { classLists, listsSummary } from './lists';
import { isLocked, readClassState, writeClassState, type ClassState } from './state';
import { isBoard } from './access';

export const APPLY_TEXT = {
  confirmed: (period: ResultsPeriod) => `Giáo viên chủ nhiệm xác nhận kết quả ${PERIOD_LABELS[period]}.`,
  afterSummer: 'Giáo viên chủ nhiệm xác nhận kết quả cả năm sau kiểm tra lại và rèn luyện hè; danh sách cuối năm cần Ban giám hiệu duyệt lại.',
  changedSince: (what: string) => `${what} không được ghi vì điểm hoặc kết quả đã thay đổi sau khi xác nhận; hãy xem lại và xác nhận lại.`,
  listsColumn: 'Danh sách cuối năm',
  proposed: (summary: string) => `Giáo viên chủ nhiệm đề nghị Ban giám hiệu duyệt danh sách cuối năm: ${summary}.`,
  approved: (summary: string) => `Ban giám hiệu duyệt danh sách cuối năm: ${summary}. Kết quả cả năm của lớp được khóa; chỉ sửa qua đề nghị sửa điểm.`,
  returned: (reason: string) => `Ban giám hiệu trả lại danh sách cuối năm để xem lại: ${reason}`,
} as const;

export type ResultsApplied = 'applied' | 'stale' | 'refused';

function leaverCodes(env: Env, classCode: string): Set<string> {
  return new Set((readLayouts(env)[classCode]?.leavers ?? []).map((l) => l.code));
}

export function readClass(env: Env, context: SchoolContext, classCode: string): ClassResults | null {
  const cls = context.config.classes.find((c) => c.code === classCode);
  if (!cls) return null;
  return readClassResults(env.spreadsheetApp.getActiveSpreadsheet(), context.config, cls, leaverCodes(env, classCode));
}

/** The block written in one setValues per run of adjacent columns, tab and shadow alike. */
function writeBlock(env: Env, results: ClassResults, cells: readonly BlockCell[]): void {
  if (cells.length === 0) return;
  const spreadsheet = env.spreadsheetApp.getActiveSpreadsheet();
  const code = results.cls.code;
  const rows = cells.map((c) => c.row);
  const [first, last] = [Math.min(...rows), Math.max(...rows)];
  const grid = results.shadow.slice(first - 1, last).map((line) => [...line]);
  for (const c of cells) grid[c.row - first][c.col - 1] = c.value;
  for (const run of contiguousRuns([...new Set(cells.map((c) => c.col))])) {
    const values: CellValue[][] = grid.map((line) => line.slice(run.first - 1, run.last));
    for (const name of [BOOK_TAB.sheetName(code), BOOK_TAB.shadowName(code)]) {
      spreadsheet.getSheetByName(name)?.getRange(first, run.first, last - first + 1, run.last - run.first + 1).setValues(values);
    }
  }
}

function confirm(env: Env, context: SchoolContext, edit: QueuedEdit, r: Extract<QueuedResults, { kind: 'confirm' }>, state: ClassState): ResultsApplied {
  const cls = context.config.classes.find((c) => c.code === r.classCode);
  if (!cls || cls.homeroom !== edit.actor.toLowerCase()) return 'refused';
  const results = readClass(env, context, r.classCode)!;
  const { cells, digest } = periodResults(results, r.period, context.config.school.ordinalRank);
  const afterSummer = r.period === 'year' && isLocked(state);
  if (afterSummer && !summerOnly(results, cells)) return 'refused';
  const at = new Date(edit.atMs);
  if (digest !== r.digest) {
    writeClassState(env, r.classCode, { ...state, notice: APPLY_TEXT.changedSince(`Xác nhận kết quả ${PERIOD_LABELS[r.period]}`) });
    return 'stale';
  }
  const changed = changedCells(results, cells);
  const effectiveUser = env.session.getEffectiveUser().getEmail();
  const sheet = BOOK_TAB.sheetName(r.classCode);
  const rows: AuditInput[] = changed.map((c) => ({
    at,
    actor: edit.actor,
    effectiveUser,
    sheet,
    cell: `${columnLetter(c.col)}${c.row}`,
    studentCode: c.studentCode,
    subjectCode: '',
    column: c.column,
    oldValue: valueText(results.shadow[c.row - 1]?.[c.col - 1]),
    newValue: valueText(c.value),
    outcome: 'results',
    reason: afterSummer ? APPLY_TEXT.afterSummer : APPLY_TEXT.confirmed(r.period),
    reference: r.digest,
  }));
  appendAudit(env, rows); // the record first, as everywhere
  writeBlock(env, results, changed);
  // After summer the lists changed: the board approves them again.
  const { notice: _, lists: approved, ...rest } = state;
  writeClassState(env, r.classCode, { ...rest, ...(!afterSummer && approved && { lists: approved }), [r.period]: { by: edit.actor, at: at.toISOString(), digest: r.digest } });
  return 'applied';
}

function listsRow(env: Env, who: { atMs: number; actor: string }, classCode: string, newValue: string, reason: string): AuditInput {
  return {
    at: new Date(who.atMs),
    actor: who.actor,
    effectiveUser: env.session.getEffectiveUser().getEmail(),
    sheet: BOOK_TAB.sheetName(classCode),
    cell: '',
    studentCode: '',
    subjectCode: '',
    column: APPLY_TEXT.listsColumn,
    oldValue: '',
    newValue,
    outcome: 'lists',
    reason,
    reference: '',
  };
}

function lists(env: Env, context: SchoolContext, edit: QueuedEdit, r: Exclude<QueuedResults, { kind: 'confirm' }>, state: ClassState): ResultsApplied {
  const cls = context.config.classes.find((c) => c.code === r.classCode);
  if (!cls) return 'refused';
  const results = readClass(env, context, r.classCode)!;
  const current = periodResults(results, 'year', context.config.school.ordinalRank).digest;
  const at = new Date(edit.atMs).toISOString();
  const summary = listsSummary(classLists(results));
  if (r.kind === 'propose') {
    if (cls.homeroom !== edit.actor.toLowerCase() || isLocked(state)) return 'refused';
    if (state.year?.digest !== r.digest || current !== r.digest) {
      writeClassState(env, r.classCode, { ...state, notice: APPLY_TEXT.changedSince('Đề nghị duyệt danh sách') });
      return 'stale';
    }
    appendAudit(env, [listsRow(env, edit, r.classCode, 'Đề nghị', APPLY_TEXT.proposed(summary))]);
    writeClassState(env, r.classCode, { ...state, notice: undefined, lists: { state: 'proposed', digest: r.digest, proposedBy: edit.actor, proposedAt: at } });
    return 'applied';
  }
  const proposal = state.lists;
  if (!isBoard(context, edit.actor) || !proposal || proposal.state !== 'proposed' || proposal.proposedBy === edit.actor.toLowerCase()) return 'refused';
  if (proposal.digest !== r.digest || current !== r.digest) {
    writeClassState(env, r.classCode, { ...state, notice: APPLY_TEXT.changedSince('Quyết định về danh sách') });
    return 'stale';
  }
  const approve = r.kind === 'approve';
  appendAudit(env, [listsRow(env, edit, r.classCode, approve ? 'Duyệt' : 'Trả lại', approve ? APPLY_TEXT.approved(summary) : APPLY_TEXT.returned(r.reason))]);
  writeClassState(env, r.classCode, {
    ...state,
    notice: undefined,
    lists: { ...proposal, state: approve ? 'approved' : 'returned', decidedBy: edit.actor, decidedAt: at, ...(r.reason && { reason: r.reason }) },
  });
  return 'applied';
}

export function applyResultsRequest(env: Env, context: SchoolContext, edit: QueuedEdit & { results: QueuedResults }): ResultsApplied {
  const r = edit.results;
  const state = readClassState(env, r.classCode);
  return r.kind === 'confirm' ? confirm(env, context, edit, r, state) : lists(env, context, edit, r, state);
}

export const FLAG_TEXT = {
  flagged: (id: string) => `Điểm được sửa sau khi danh sách cuối năm đã duyệt (đề nghị ${id}) làm thay đổi kết quả cả năm: giáo viên chủ nhiệm xác nhận lại, Ban giám hiệu duyệt lại.`,
} as const;

/**
 * A correction applied after the board approved a class's lists: when it changes the year's
 * results (learning, title, promotion…), the approval no longer stands — the lists go back to the
 * homeroom teacher and the board for a new decision, and the log says why.
 */
export function flagApprovedResults(env: Env, context: SchoolContext, classCode: string, requestId: string, at: Date, actor: string): void {
  const state = readClassState(env, classCode);
  if (!isLocked(state) || !state.lists) return;
  const results = readClass(env, context, classCode);
  if (!results || periodResults(results, 'year', context.config.school.ordinalRank).digest === state.lists.digest) return;
  const reason = FLAG_TEXT.flagged(requestId);
  appendAudit(env, [{ ...listsRow(env, { atMs: at.getTime(), actor }, classCode, 'Cần duyệt lại', reason), reference: requestId }]);
  writeClassState(env, classCode, { ...state, notice: reason, lists: { ...state.lists, state: 'returned', reason, decidedAt: at.toISOString() } });
}
