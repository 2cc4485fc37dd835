/**
 * The installable spreadsheet triggers Sheets fires after a person's action, each run as its
 * owner with the event object Apps Script documents:
 * - onEdit: authMode, range, source, triggerUid, user, and value/oldValue ONLY when one cell was
 *   typed (a one-cell paste, fill, move or sort carries neither);
 * - onChange: authMode, changeType, source, triggerUid, user (no range);
 * - onOpen: authMode, source, triggerUid, user.
 * Script writes never come this way and fire nothing.
 */
import type { ExecutionContext } from './core';
import type { SessionRuntime } from './session-runtime';
import type { GridRange } from './sheets/model';
import type { ChangeType } from './sheets/ui-cells';
import type { TriggerEventType, TriggerRecord } from './services';
import { rangeFor, spreadsheetFor } from './sheets/app';

/** What one typed cell's event carries (strings, as Apps Script gives them). */
export interface TypedCell {
  value?: unknown;
  oldValue?: unknown;
}

/** Who Apps Script says is at the keyboard inside a trigger owned by someone else. */
export function visibleActiveUser(rt: SessionRuntime, editor: string, owner: string): string {
  if (editor === owner) return editor;
  const a = rt.directory.domainOf(editor);
  const b = rt.directory.domainOf(owner);
  return a !== null && a === b ? editor : '';
}

/** e.value / e.oldValue are strings (numbers in their plain form, booleans as TRUE/FALSE). */
function eventText(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

function fire(
  rt: SessionRuntime,
  editor: string,
  documentId: string,
  type: TriggerEventType,
  build: (ctx: ExecutionContext, trigger: TriggerRecord) => Record<string, unknown>,
): void {
  for (const trigger of rt.triggers.forDocument(documentId, type)) {
    if (!rt.hasFunction(trigger.handler)) continue;
    const ctx: ExecutionContext = {
      activeUser: visibleActiveUser(rt, editor, trigger.owner),
      effectiveUser: trigger.owner,
      authMode: 'FULL',
      triggerUid: trigger.uid,
      documentId,
    };
    const event: Record<string, unknown> = {
      authMode: rt.authModeEnum('FULL'),
      source: spreadsheetFor(rt.spreadsheets, ctx, documentId),
      triggerUid: trigger.uid,
      user: { getEmail: () => ctx.activeUser },
      ...build(ctx, trigger),
    };
    rt.runTrigger(ctx, trigger.handler, event);
  }
}

export function fireEdit(rt: SessionRuntime, editor: string, documentId: string, range: GridRange, typed?: TypedCell): void {
  fire(rt, editor, documentId, 'ON_EDIT', (ctx) => {
    const extra: Record<string, unknown> = { range: rangeFor(rt.spreadsheets, ctx, documentId, range.sheetId, range) };
    if (typed?.value !== undefined && typed.value !== '') extra.value = eventText(typed.value);
    if (typed?.oldValue !== undefined && typed.oldValue !== '') extra.oldValue = eventText(typed.oldValue);
    return extra;
  });
}

export function fireChange(rt: SessionRuntime, editor: string, documentId: string, changeType: ChangeType): void {
  fire(rt, editor, documentId, 'ON_CHANGE', () => ({ changeType }));
}

export function fireOpen(rt: SessionRuntime, editor: string, documentId: string): void {
  fire(rt, editor, documentId, 'ON_OPEN', () => ({}));
}
