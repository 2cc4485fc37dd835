/**
 * Writing a setup plan: each tab in a fixed number of block calls, then one Sheets API
 * batchUpdate for every column width, column group and protection of the workbook.
 */
import type { Env } from '../../gas/env';
import type { SpreadsheetPort } from '../../gas/ports';
import { protectionRequests, type WantedProtection } from '../../workbook/protections';
import type { TabContent } from '../../workbook/tab-content';
import { validationRules, writeTab } from '../../workbook/tab-writer';
import type { SheetProtection } from '../windows/tab-protections';

type Request = GoogleAppsScript.Sheets.Schema.Request;

const NEEDS_SHEETS_API = 'Sổ Điểm cần dịch vụ nâng cao Google Sheets API (Sheets) đã bật trong dự án Apps Script.';

export function applyPlan(env: Env, spreadsheet: SpreadsheetPort, tabs: TabContent[], protections: SheetProtection[], owner: string): void {
  const api = env.sheetsApi.Spreadsheets;
  if (!api) throw new Error(NEEDS_SHEETS_API);
  const id = spreadsheet.getId();
  const before = api.get(id, { fields: 'sheets(properties(sheetId,title),columnGroups)' });
  const groupsBefore = new Map((before.sheets ?? []).map((s) => [s.properties?.title ?? '', s.columnGroups ?? []]));

  const layoutRequests: Request[] = [];
  const rules = validationRules(env);
  for (const tab of tabs) {
    const { requests } = writeTab(spreadsheet, tab, rules);
    // A re-run would nest new groups inside the old ones: remove the old first.
    for (const g of groupsBefore.get(tab.name) ?? []) layoutRequests.push({ deleteDimensionGroup: { range: g.range } });
    layoutRequests.push(...requests);
  }

  const after = api.get(id, { fields: 'sheets(properties(sheetId,title),protectedRanges)' });
  const sheetIds = new Map((after.sheets ?? []).map((s) => [s.properties?.title ?? '', s.properties?.sheetId ?? 0]));
  const existing = (after.sheets ?? []).flatMap((s) => s.protectedRanges ?? []);
  const wanted: WantedProtection[] = protections
    .filter((p) => sheetIds.has(p.sheetName))
    .map((p) => ({ sheetId: sheetIds.get(p.sheetName)!, range: p.range, key: p.key, editors: p.editors, unprotected: p.unprotected }));
  const requests = [...layoutRequests, ...protectionRequests(existing, wanted, owner)];
  if (requests.length > 0) api.batchUpdate({ requests }, id);
}
