/**
 * The mark on a tab cell whose change waits for the board: a fill colour and a note, so the
 * teacher and the board see in the sheet itself that the value is not accepted yet. Marks are
 * set only by the reconcile and removed when the item closes, never by the per-edit guard.
 */
import type { SheetPort } from '../../gas/ports';
import { formatVnDateTime } from '../../domain/calendar';
import type { PendingItem } from './pending-store';

export const PENDING_COLOUR = '#fde68a';

const shown = (v: string) => (v === '' ? 'ô trống' : `"${v}"`);

export const MARK_TEXT = {
  note: (item: PendingItem) =>
    `Chờ Ban giám hiệu quyết định (mã ${item.id}): ô có ${shown(item.found)}, khác giá trị đã ghi nhận (${shown(item.shadow)}). ` +
    `Thay đổi không qua trình kiểm soát, phát hiện lúc ${formatVnDateTime(Date.parse(item.seenAt))}.`,
} as const;

/** Marks the cell; returns what it looked like before (kept in the item). */
export function markCell(sheet: SheetPort, item: PendingItem, fresh: boolean): PendingItem['mark'] {
  const range = sheet.getRange(item.cell);
  const before = fresh ? { background: range.getBackgrounds()[0][0] ?? '', note: range.getNotes()[0][0] ?? '' } : item.mark;
  if (fresh) range.setBackground(PENDING_COLOUR);
  range.setNote(MARK_TEXT.note(item));
  return { background: before.background === PENDING_COLOUR ? '' : before.background, note: before.note };
}

export function unmarkCell(sheet: SheetPort, item: PendingItem): void {
  const range = sheet.getRange(item.cell);
  range.setBackground(item.mark.background === '' || item.mark.background === '#ffffff' ? null : item.mark.background);
  range.setNote(item.mark.note === '' ? null : item.mark.note);
}
