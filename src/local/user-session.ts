/**
 * One person at the keyboard in the local runtime: what they can do in the Sheets UI (open a
 * file, pick an add-on menu item, type or paste into cells) and from a sidebar
 * (google.script.run). Each action runs the add-on the way Apps Script would.
 */
import type { AuthMode, Directory, ExecutionContext } from './core';
import type { UiLog } from './sheets/app';
import type { SpreadsheetStore } from './sheets/store';
import type { TriggerStore } from './services/trigger-store';
import { rangeFor, spreadsheetFor } from './sheets/app';
import { applyUiEdit, type TypedValue, type UiEditOutcome } from './sheets/ui-edit';
import { checkScriptRunValue } from './script-run';

/** What a session needs of the runtime that makes it (LocalRuntime; named here so neither imports the other back). */
export interface SessionRuntime {
  readonly directory: Directory;
  readonly spreadsheets: SpreadsheetStore;
  readonly ui: UiLog;
  readonly triggers: TriggerStore;
  readonly addOnInUse: Set<string>;
  hasFunction(name: string): boolean;
  contextFor(email: string, documentId: string | undefined, authMode?: AuthMode): ExecutionContext;
  execute(ctx: ExecutionContext, name: string, args?: unknown[]): unknown;
  authModeEnum(mode: AuthMode): unknown;
}

export class UserSession {
  constructor(
    private readonly rt: SessionRuntime,
    readonly email: string,
  ) {}

  private ctx(documentId: string, authMode: ExecutionContext['authMode']): ExecutionContext {
    return this.rt.contextFor(this.email, documentId, authMode);
  }

  private markInUse(documentId: string): void {
    this.rt.addOnInUse.add(`${documentId} ${this.email}`);
  }

  /** Drive › New › Google Sheets: a spreadsheet this user owns. Returns its id. */
  createSpreadsheet(name: string): string {
    return this.rt.spreadsheets.create(name, this.email).id;
  }

  /**
   * Opens the file: the add-on's onOpen runs as a simple trigger, in AuthMode.NONE until
   * this user has used the add-on in this file, LIMITED afterwards.
   */
  open(documentId: string): void {
    const inUse = this.rt.addOnInUse.has(`${documentId} ${this.email}`);
    const mode = inUse ? 'LIMITED' : 'NONE';
    if (!this.rt.hasFunction('onOpen')) return;
    const event: Record<string, unknown> = { authMode: this.rt.authModeEnum(mode) };
    if (inUse) {
      const ctx = this.ctx(documentId, mode);
      event.source = spreadsheetFor(this.rt.spreadsheets, ctx, documentId);
      event.user = { getEmail: () => this.email };
      this.rt.execute(ctx, 'onOpen', [event]);
    } else {
      this.rt.execute(this.ctx(documentId, mode), 'onOpen', [event]);
    }
  }

  /** Extensions › Add-ons › Get add-ons › Install, from inside this file: onInstall runs FULL. */
  installAddOn(documentId: string): void {
    this.markInUse(documentId);
    if (!this.rt.hasFunction('onInstall')) return;
    this.rt.execute(this.ctx(documentId, 'FULL'), 'onInstall', [{ authMode: this.rt.authModeEnum('FULL') }]);
  }

  /** Extensions › Sổ Điểm › <item>: only items the add-on put in its menu can be chosen. */
  chooseMenuItem(documentId: string, functionName: string): unknown {
    const offered = this.rt.ui.menus.some((m) => m.items.some((i) => i.functionName === functionName));
    if (!offered) throw new Error(`The add-on menu has no item that runs ${functionName}.`);
    this.markInUse(documentId);
    return this.rt.execute(this.ctx(documentId, 'FULL'), functionName);
  }

  /**
   * google.script.run.<name>(...args) from a sidebar or dialog: runs as this user (never as
   * the admin), FULL auth, with google.script.run's rules on names and values.
   */
  callServer(documentId: string, name: string, args: unknown[] = []): unknown {
    if (name.endsWith('_')) throw new Error(`Script function not found: ${name}`);
    args.forEach((a, i) => checkScriptRunValue(a, `argument ${i + 1} of ${name}`));
    const result = this.rt.execute(this.ctx(documentId, 'FULL'), name, args);
    checkScriptRunValue(result, `the result of ${name}`);
    return result === undefined ? null : JSON.parse(JSON.stringify(result));
  }

  /**
   * Types (one cell) or pastes (a block) into the sheet through the Sheets UI: protections
   * and data validation decide first, as in Sheets; when the edit lands, every installable
   * onEdit trigger of the file runs as its owner with the event object Apps Script builds.
   * Script writes never come this way and fire nothing.
   */
  edit(documentId: string, sheetName: string, a1: string, values: TypedValue[][] | TypedValue): UiEditOutcome {
    return this.change(documentId, sheetName, a1, Array.isArray(values) ? values : [[values]], 'type');
  }

  /**
   * Ctrl+V of cells copied elsewhere: protections still decide, but the destination's data
   * validation is replaced by the copied cells' (none), so invalid values land — as in Sheets.
   */
  paste(documentId: string, sheetName: string, a1: string, values: TypedValue[][]): UiEditOutcome {
    return this.change(documentId, sheetName, a1, values, 'paste');
  }

  private change(documentId: string, sheetName: string, a1: string, typed: TypedValue[][], mode: 'type' | 'paste'): UiEditOutcome {
    const outcome = applyUiEdit(this.rt.spreadsheets, this.email, documentId, sheetName, a1, typed, mode);
    if (!outcome.ok) return outcome;
    const single = outcome.range.endRow - outcome.range.startRow === 1 && outcome.range.endCol - outcome.range.startCol === 1;
    for (const trigger of this.rt.triggers.forDocument(documentId, 'ON_EDIT')) {
      if (!this.rt.hasFunction(trigger.handler)) continue;
      const ctx: ExecutionContext = {
        activeUser: visibleActiveUser(this.rt, this.email, trigger.owner),
        effectiveUser: trigger.owner,
        authMode: 'FULL',
        triggerUid: trigger.uid,
        documentId,
      };
      const event: Record<string, unknown> = {
        authMode: this.rt.authModeEnum('FULL'),
        range: rangeFor(this.rt.spreadsheets, ctx, documentId, outcome.sheetId, outcome.range),
        source: spreadsheetFor(this.rt.spreadsheets, ctx, documentId),
        triggerUid: trigger.uid,
        user: { getEmail: () => ctx.activeUser },
      };
      if (single) {
        const now = outcome.newValues[0][0];
        const before = outcome.oldValues[0][0];
        if (now !== '') event.value = eventText(now);
        if (before !== '') event.oldValue = eventText(before);
      }
      this.rt.execute(ctx, trigger.handler, [event]);
    }
    return outcome;
  }
}

/**
 * Who Apps Script says is at the keyboard inside a trigger owned by someone else: the
 * editor's email only when both are Workspace accounts of the same domain (or the same
 * person); otherwise ''.
 */
export function visibleActiveUser(rt: Pick<SessionRuntime, 'directory'>, editor: string, owner: string): string {
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
