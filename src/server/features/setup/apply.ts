/**
 * Writing a setup plan: each tab in a fixed number of block calls, then one Sheets API
 * batchUpdate for every column width, column group and protection of the workbook.
 */
import type { Env } from '../../gas/env';
import type { SpreadsheetPort } from '../../gas/ports';
import { protectionRequests, type WantedProtection } from '../../workbook/protections';
import type { TabContent } from '../../workbook/tab-content';
import { validationRules, writeTab, type TabShape } from '../../workbook/tab-writer';
import type { SheetProtection } from '../windows/tab-protections';

type Request = GoogleAppsScript.Sheets.Schema.Request;

const NEEDS_SHEETS_API = 'Sổ Điểm cần dịch vụ nâng cao Google Sheets API (Sheets) đã bật trong dự án Apps Script.';

/** Writes the tabs and their protections; `onlySheets` limits the protections compared (a one-class repair). */
export function applyPlan(env: Env, spreadsheet: SpreadsheetPort, tabs: TabContent[], protections: SheetProtection[], owner: string, onlySheets?: Set<string>): TabShape[] {
  const api = env.sheetsApi.Spreadsheets;
  if (!api) throw new Error(NEEDS_SHEETS_API);
  const id = spreadsheet.getId();
  const before = api.get(id, { fields: 'sheets(properties(sheetId,title),columnGroups)' });
  const groupsBefore = new Map((before.sheets ?? []).map((s) => [s.properties?.title ?? '', s.columnGroups ?? []]));

  const layoutRequests: Request[] = [];
  const rules = validationRules(env);
  const shapes: TabShape[] = [];
  for (const tab of tabs) {
    const { requests, shape } = writeTab(spreadsheet, tab, rules);
    shapes.push(shape);
    // A re-run would nest new groups inside the old ones: remove the old first.
    for (const g of groupsBefore.get(tab.name) ?? []) layoutRequests.push({ deleteDimensionGroup: { range: g.range } });
    layoutRequests.push(...requests);
  }

  applyProtections(env, spreadsheet, protections, owner, layoutRequests, onlySheets);
  return shapes;
}

export interface ProtectionChange {
  added: number;
  updated: number;
  removed: number;
}

/**
 * Sends the difference between the wanted protections and those present — with any other
 * requests — in ONE batchUpdate, after ONE read of what is there.
 */
export function applyProtections(
  env: Env,
  spreadsheet: SpreadsheetPort,
  protections: SheetProtection[],
  owner: string,
  before: Request[] = [],
  /** Only these tabs' protections are compared and changed (the board manages the class tabs only). */
  onlySheets?: Set<string>,
): ProtectionChange {
  const api = env.sheetsApi.Spreadsheets;
  if (!api) throw new Error(NEEDS_SHEETS_API);
  const id = spreadsheet.getId();
  const now = api.get(id, { fields: 'sheets(properties(sheetId,title),protectedRanges)' });
  const considered = (now.sheets ?? []).filter((s) => !onlySheets || onlySheets.has(s.properties?.title ?? ''));
  const sheetIds = new Map(considered.map((s) => [s.properties?.title ?? '', s.properties?.sheetId ?? 0]));
  const existing = considered.flatMap((s) => s.protectedRanges ?? []);
  const wanted: WantedProtection[] = protections
    .filter((p) => sheetIds.has(p.sheetName))
    .map((p) => ({ sheetId: sheetIds.get(p.sheetName)!, range: p.range, key: p.key, editors: p.editors, unprotected: p.unprotected }));
  const changes = protectionRequests(existing, wanted, owner);
  const requests = [...before, ...changes];
  if (requests.length > 0) api.batchUpdate({ requests }, id);
  return {
    added: changes.filter((r) => r.addProtectedRange).length,
    updated: changes.filter((r) => r.updateProtectedRange).length,
    removed: changes.filter((r) => r.deleteProtectedRange).length,
  };
}
