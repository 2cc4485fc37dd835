/** A small school for the Spreadsheet service tests: an admin-owned workbook and a few users. */
import { CallLog, Directory, type AuthMode, type ExecutionContext } from '../../../src/local/core';
import { SpreadsheetStore } from '../../../src/local/sheets/store';
import { createSpreadsheetApp, newUiLog, type UiLog } from '../../../src/local/sheets/app';
import type { WorkbookData } from '../../../src/local/sheets/model';

export const ADMIN = 'admin@thcs-demo.edu.vn';
export const TEACHER = 'gv.lan@thcs-demo.edu.vn';
export const TEACHER2 = 'gv.minh@thcs-demo.edu.vn';
export const OUTSIDER = 'khach@gmail.com';

export interface World {
  calls: CallLog;
  directory: Directory;
  store: SpreadsheetStore;
  wb: WorkbookData;
  ui: UiLog;
  /** SpreadsheetApp of an execution running as `user`. */
  app(user: string, opts?: { authMode?: AuthMode; triggerUid?: string; activeUser?: string; documentId?: string }): ReturnType<typeof createSpreadsheetApp>;
}

export function makeWorld(options: { owner?: string; locale?: string } = {}): World {
  const calls = new CallLog();
  const directory = new Directory();
  for (const u of [ADMIN, TEACHER, TEACHER2, OUTSIDER, 'admin@gmail.com']) directory.add(u);
  const store = new SpreadsheetStore({ calls, directory });
  const wb = store.create('Sổ điểm 2026-2027', options.owner ?? ADMIN, options.locale ? { locale: options.locale } : {});
  wb.editors.push(TEACHER, TEACHER2);
  const ui = newUiLog();
  return {
    calls,
    directory,
    store,
    wb,
    ui,
    app(user, opts = {}) {
      const ctx: ExecutionContext = {
        activeUser: opts.activeUser ?? user,
        effectiveUser: user,
        authMode: opts.authMode ?? 'FULL',
        documentId: opts.documentId ?? wb.id,
      };
      if (opts.triggerUid) ctx.triggerUid = opts.triggerUid;
      return createSpreadsheetApp(store, ctx, ui);
    },
  };
}
