/**
 * Protections as a plan: the protections Sổ Điểm wants, compared with those the workbook
 * has, become the add/update/delete requests of ONE Sheets API batchUpdate — never hundreds
 * of Range.protect() calls. Only protections Sổ Điểm made (description starting with TAG)
 * are touched; a protection the admin made by hand is left alone.
 */
import type { GridRange as LayoutRange } from './layout';

type ProtectedRange = GoogleAppsScript.Sheets.Schema.ProtectedRange;
type Request = GoogleAppsScript.Sheets.Schema.Request;
type GridRange = GoogleAppsScript.Sheets.Schema.GridRange;

export const TAG = 'Sổ Điểm · ';

/** 1-based rectangles, as people and the layout module count. */
type Rect = LayoutRange;

export interface WantedProtection {
  sheetId: number;
  /** null protects the whole sheet. */
  range: Rect | null;
  /** Without the TAG; unique per workbook, it is the protection's identity across runs. */
  key: string;
  editors: string[];
  unprotected?: Rect[];
}

function gridRange(sheetId: number, r: Rect): GridRange {
  return { sheetId, startRowIndex: r.row - 1, endRowIndex: r.row - 1 + r.numRows, startColumnIndex: r.col - 1, endColumnIndex: r.col - 1 + r.numCols };
}

/** The API leaves zero fields out: read them back as 0. */
function sameRange(a: GridRange | undefined, b: GridRange | undefined): boolean {
  const n = (v: number | undefined) => v ?? 0;
  if (!a || !b) return !a && !b;
  return (
    n(a.sheetId) === n(b.sheetId) &&
    n(a.startRowIndex) === n(b.startRowIndex) &&
    a.endRowIndex === b.endRowIndex &&
    n(a.startColumnIndex) === n(b.startColumnIndex) &&
    a.endColumnIndex === b.endColumnIndex
  );
}

function toProtectedRange(w: WantedProtection): ProtectedRange {
  return {
    range: w.range ? gridRange(w.sheetId, w.range) : { sheetId: w.sheetId },
    description: TAG + w.key,
    warningOnly: false,
    // Groups and "anyone in the domain" are stated explicitly, so a hand-made widening is undone.
    editors: { users: [...new Set(w.editors.map((e) => e.toLowerCase()))].sort(), groups: [], domainUsersCanEdit: false },
    unprotectedRanges: (w.unprotected ?? []).map((r) => gridRange(w.sheetId, r)),
  };
}

function sameEditors(a: string[] | undefined, b: string[] | undefined): boolean {
  const norm = (x: string[] | undefined) => [...new Set((x ?? []).map((e) => e.toLowerCase()))].sort().join(',');
  return norm(a) === norm(b);
}

/**
 * The requests that turn `existing` (from Sheets.Spreadsheets.get) into `wanted`. The owner
 * is always an editor on Google's side, so it is ignored when comparing editors.
 */
export function protectionRequests(existing: ProtectedRange[], wanted: WantedProtection[], owner: string): Request[] {
  const ours = new Map<string, ProtectedRange>();
  const requests: Request[] = [];
  for (const p of existing) {
    if (!p.description?.startsWith(TAG)) continue;
    if (ours.has(p.description)) requests.push({ deleteProtectedRange: { protectedRangeId: p.protectedRangeId } });
    else ours.set(p.description, p);
  }
  const withoutOwner = (list: string[] | undefined) => (list ?? []).filter((e) => e.toLowerCase() !== owner.toLowerCase());
  for (const w of wanted) {
    const want = toProtectedRange(w);
    const have = ours.get(want.description!);
    ours.delete(want.description!);
    if (!have) {
      requests.push({ addProtectedRange: { protectedRange: want } });
      continue;
    }
    const fields: string[] = [];
    if (!sameRange(have.range, want.range)) fields.push('range');
    // A warning-only protection shows no editors, and turning it off without restating them
    // gives every editor of the file: so the editors always go with warningOnly=false.
    const widened = have.warningOnly === true || (have.editors?.groups ?? []).length > 0 || have.editors?.domainUsersCanEdit === true;
    if (widened || !sameEditors(withoutOwner(have.editors?.users), withoutOwner(want.editors?.users))) fields.push('editors');
    const holes = (r: GridRange[] | undefined) => (r ?? []).map((g) => JSON.stringify([g.startRowIndex ?? 0, g.endRowIndex, g.startColumnIndex ?? 0, g.endColumnIndex])).sort().join();
    if (holes(have.unprotectedRanges) !== holes(want.unprotectedRanges)) fields.push('unprotectedRanges');
    if (have.warningOnly) fields.push('warningOnly');
    if (fields.length > 0) {
      requests.push({ updateProtectedRange: { protectedRange: { ...want, protectedRangeId: have.protectedRangeId }, fields: fields.join(',') } });
    }
  }
  for (const stale of ours.values()) requests.push({ deleteProtectedRange: { protectedRangeId: stale.protectedRangeId } });
  return requests;
}

