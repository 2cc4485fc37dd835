/**
 * Applying the board's decision on a pending change. The board member cannot write the
 * admin-only shadow or log, so their call only queues the decision; this runs in the admin's
 * next execution (an edit's guard run, the sweep, "Đối chiếu sổ điểm ngay") under the document
 * lock. Everything is checked again here: the decider is still on the board, the item is still
 * open, and the cell still holds what was decided on — otherwise nothing changes.
 */
import type { Env } from '../../gas/env';
import { checkTyped } from '../../domain/guard/decide';
import { appendAudit } from '../../workbook/audit';
import type { SchoolContext } from '../school-context';
import { managersOf } from '../windows/protection-plan';
import { readEditedBlock } from './cells';
import { guardedTabOf } from '../../workbook/layout';
import { asText } from './judge';
import { writeCells } from './settle';
import { closePending, findPending } from './pending-store';
import { unmarkCell } from './pending-mark';
import { writeAccepted } from '../results/accepted-rows';
import type { QueuedEdit, QueuedDecision } from './queue';

export const DECISION_LOG_TEXT = {
  accepted: (id: string, reason: string) => `Ban giám hiệu chấp nhận thay đổi không qua trình kiểm soát (mã ${id})${reason ? `: ${reason}` : '.'}`,
  reverted: (id: string, reason: string) => `Ban giám hiệu không chấp nhận thay đổi không qua trình kiểm soát (mã ${id}), trả lại giá trị đã ghi nhận: ${reason}`,
} as const;

export type Applied = 'applied' | 'stale' | 'refused';

export function applyDecision(env: Env, context: SchoolContext, request: QueuedEdit & { decision: QueuedDecision }): Applied {
  const { decision } = request;
  const props = env.properties.getDocumentProperties();
  const item = props ? findPending(props, decision.id) : null;
  if (!props || !item || item.found !== decision.found || item.shadow !== decision.shadow) return 'stale';
  if (!managersOf(context.config, context.admins).includes(request.actor.toLowerCase())) return 'refused';
  const spreadsheet = env.spreadsheetApp.getActiveSpreadsheet();
  const sheet = spreadsheet.getSheetByName(item.sheet);
  const found = guardedTabOf(item.sheet, context.config.classes);
  if (!sheet || !found) return 'stale';
  const at = sheet.getRange(item.cell);
  const block = readEditedBlock(env, spreadsheet, sheet, found.cls.code, { row: at.getRow(), col: at.getColumn(), numRows: 1, numCols: 1 }, found.tab);
  const cell = block && 'cells' in block ? block.cells[0] : undefined;
  // The cell must still be this student's column and hold what the board decided on.
  if (!block || !('cells' in block) || !cell) return 'stale';
  if (cell.studentCode !== item.studentCode || cell.subjectCode !== item.subjectCode || cell.column !== item.column) return 'stale';
  if (asText(cell.typed) !== item.found || asText(cell.previous) !== item.shadow) return 'stale';
  const checked = checkTyped(cell.role, cell.typed, cell.formula, cell.previous);
  if (decision.decision === 'accept' && checked.kind !== 'value') return 'stale';
  const accept = checked.kind === 'value' && decision.decision === 'accept';
  const row = {
    at: new Date(request.atMs),
    actor: request.actor,
    effectiveUser: env.session.getEffectiveUser().getEmail(),
    sheet: item.sheet,
    cell: cell.a1,
    studentCode: item.studentCode,
    subjectCode: item.subjectCode,
    column: item.column,
    oldValue: item.shadow,
    newValue: item.found,
    reference: item.id,
  };
  // The record first, as everywhere in the guard.
  if (accept) {
    appendAudit(env, [{ ...row, outcome: 'accepted', reason: DECISION_LOG_TEXT.accepted(item.id, decision.reason) }]);
    // One cell per decision: decisions are rare and each is applied on its own. Its row's averages follow.
    block.shadowRows[0][cell.col - 1] = checked.value;
    block.shadowNotes[0][0] = row.at.toISOString();
    writeAccepted(sheet, block, { cls: found.cls, config: context.config, tab: found.tab, subjects: new Set([cell.subjectCode]) });
  } else {
    appendAudit(env, [{ ...row, outcome: 'reverted', reason: DECISION_LOG_TEXT.reverted(item.id, decision.reason) }]);
    writeCells(env, spreadsheet.getId(), [{ range: `'${item.sheet.replace(/'/g, "''")}'!${cell.a1}`, values: [[cell.previous]] }]);
  }
  unmarkCell(sheet, { ...item, cell: cell.a1 });
  closePending(props, [item.id]);
  return 'applied';
}
