/**
 * A direct edit of a shadow tab (only the admins can make one): never silent. It is logged as
 * its author's, by the guard at once or, when the edit waited in the queue, by the run that
 * settles the queue.
 */
import type { Env } from '../../gas/env';
import { appendAudit } from '../../workbook/audit';
import type { QueuedEdit } from './queue';

const SHADOW_SUFFIX = ' (bản lưu)';

export const SHADOW_EDIT_TEXT = {
  shadowEdited: 'Bản lưu bị sửa trực tiếp (chỉ trình kiểm soát được ghi vào bản lưu).',
} as const;

export const isShadowSheet = (sheetName: string): boolean => sheetName.endsWith(SHADOW_SUFFIX);

/** `values`: old and new of a typed single cell, when the event carried them. */
export function logShadowEdit(env: Env, edit: QueuedEdit, values: { oldValue?: unknown; newValue?: unknown } = {}): void {
  const single = edit.numRows === 1 && edit.numCols === 1;
  const text = (v: unknown) => (single && v !== undefined ? String(v) : '');
  appendAudit(env, [
    {
      at: new Date(edit.atMs),
      actor: edit.actor,
      effectiveUser: env.session.getEffectiveUser().getEmail(),
      sheet: edit.sheet,
      cell: `R${edit.row}C${edit.col}${single ? '' : `:R${edit.row + edit.numRows - 1}C${edit.col + edit.numCols - 1}`}`,
      studentCode: '',
      subjectCode: '',
      column: '',
      oldValue: text(values.oldValue),
      newValue: text(values.newValue),
      outcome: 'unattributed',
      reason: SHADOW_EDIT_TEXT.shadowEdited,
      reference: '',
    },
  ]);
}
