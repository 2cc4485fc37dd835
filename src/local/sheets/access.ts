/**
 * Who may edit what: pure rules over WorkbookData, shared by script writes, simulated UI
 * edits and the advanced Sheets service.
 *
 * - The owner edits everything (protections never bind the owner).
 * - Anyone else must be an editor of the file to edit anything.
 * - A cell is editable only if EVERY protection covering it allows the user. A sheet
 *   protection covers its sheet minus its unprotected ranges (open to every file editor);
 *   a range protection covers its range.
 * - A protection allows the owner, its editors, and — with domainEdit — users of the
 *   owner's Workspace domain. Warning-only protections never block (the UI warns).
 */
import type { Directory } from '../core';
import type { GridRange, ProtectionData, WorkbookData } from './model';

/** The 0-based half-open rectangle of a check, on one sheet. */
export type Rect = Pick<GridRange, 'startRow' | 'endRow' | 'startCol' | 'endCol'>;

export type EditCheck = { ok: true } | { ok: false; protection: ProtectionData };

export interface RectCheck {
  ok: boolean;
  /** The first blocking protection, when not ok because of a protection. */
  protection?: ProtectionData;
  /** False when the user is not even an editor of the file. */
  fileEditable: boolean;
  /** Warning-only protections the rectangle touches (the UI would warn). */
  warnings: ProtectionData[];
}

function norm(email: string): string {
  return email.trim().toLowerCase();
}

export function isOwner(wb: WorkbookData, email: string): boolean {
  return email !== '' && norm(email) === wb.owner;
}

export function canEditFile(wb: WorkbookData, email: string): boolean {
  if (!email) return false;
  const e = norm(email);
  return e === wb.owner || wb.editors.includes(e);
}

export function canViewFile(wb: WorkbookData, email: string): boolean {
  return canEditFile(wb, email) || wb.viewers.includes(norm(email));
}

function domainOf(email: string, directory?: Directory): string | null {
  if (directory) return directory.domainOf(email);
  const d = email.split('@')[1] ?? '';
  return d === '' || d === 'gmail.com' || d === 'googlemail.com' ? null : d;
}

/** Whether the protection itself lets `email` through (ignoring file access and warning-only). */
export function protectionAllows(
  wb: WorkbookData,
  protection: ProtectionData,
  email: string,
  directory?: Directory,
): boolean {
  const e = norm(email);
  if (e === wb.owner) return true;
  if (protection.editors.includes(e)) return true;
  if (protection.domainEdit) {
    const ownerDomain = domainOf(wb.owner, directory);
    if (ownerDomain !== null && domainOf(e, directory) === ownerDomain) return true;
  }
  return false;
}

/**
 * Whether `email` may change the protection itself (editors, description, removal).
 * A warning-only protection can be managed by any file editor.
 */
export function canEditProtection(
  wb: WorkbookData,
  protection: ProtectionData,
  email: string,
  directory?: Directory,
): boolean {
  if (!canEditFile(wb, email)) return false;
  if (protection.warningOnly) return true;
  return protectionAllows(wb, protection, email, directory);
}

function intersects(a: Rect, b: Rect): boolean {
  return a.startRow < b.endRow && b.startRow < a.endRow && a.startCol < b.endCol && b.startCol < a.endCol;
}

/** Whether every cell of `rect` lies in one of the holes (row by row: O(rows × holes)). */
function coveredByHoles(rect: Rect, holes: Rect[]): boolean {
  if (holes.length === 0) return false;
  for (let r = rect.startRow; r < rect.endRow; r++) {
    const spans = holes
      .filter((h) => h.startRow <= r && r < h.endRow && h.startCol < rect.endCol && rect.startCol < h.endCol)
      .map((h) => [h.startCol, h.endCol] as const)
      .sort((x, y) => x[0] - y[0]);
    let reach = rect.startCol;
    for (const [s, e] of spans) {
      if (s > reach) break;
      reach = Math.max(reach, e);
    }
    if (reach < rect.endCol) return false;
  }
  return true;
}

/** Whether the protection covers at least one cell of `rect` on its sheet. */
export function protectionCovers(protection: ProtectionData, rect: Rect): boolean {
  if (protection.range) return intersects(protection.range, rect);
  return !coveredByHoles(rect, protection.unprotected);
}

/**
 * Checks a whole rectangle at once: O(protections of the sheet + rows × holes), independent
 * of the number of cells for range protections.
 */
export function checkRect(
  wb: WorkbookData,
  email: string,
  sheetId: number,
  rect: Rect,
  directory?: Directory,
): RectCheck {
  const warnings: ProtectionData[] = [];
  if (isOwner(wb, email)) return { ok: true, fileEditable: true, warnings };
  if (!canEditFile(wb, email)) return { ok: false, fileEditable: false, warnings };
  for (const p of wb.protections) {
    if (p.sheetId !== sheetId) continue;
    if (!protectionCovers(p, rect)) continue;
    if (p.warningOnly) {
      warnings.push(p);
      continue;
    }
    if (!protectionAllows(wb, p, email, directory)) return { ok: false, protection: p, fileEditable: true, warnings };
  }
  return { ok: true, fileEditable: true, warnings };
}

/** One cell (0-based). A user who cannot edit the file is reported with the first protection found, or a synthetic one. */
export function canEditCell(
  wb: WorkbookData,
  email: string,
  sheetId: number,
  row: number,
  col: number,
  directory?: Directory,
): EditCheck {
  const check = checkRect(wb, email, sheetId, { startRow: row, endRow: row + 1, startCol: col, endCol: col + 1 }, directory);
  if (check.ok) return { ok: true };
  if (check.protection) return { ok: false, protection: check.protection };
  // Not a file editor: the whole file acts as a protection nobody but the editors pass.
  return {
    ok: false,
    protection: {
      id: -1,
      sheetId,
      range: null,
      description: '(file access)',
      warningOnly: false,
      editors: [wb.owner, ...wb.editors],
      domainEdit: false,
      unprotected: [],
    },
  };
}
