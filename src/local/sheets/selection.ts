/**
 * Each person's selection in a file, as the Sheets UI keeps it: the active tab and, on each tab,
 * the selected range and the current cell in it. It is not document data (never saved, never seen
 * by anyone else): the store keeps it per file and person. Someone who has not clicked anything is
 * on the first visible tab at A1, as a file opens; a tab deleted or hidden since, or a range the
 * grid no longer holds, falls back the same way.
 *
 * Read by the executions a person starts from their window (a sidebar's google.script.run, a menu
 * item, a simple trigger), moved by Range.activate() and Sheet.activate() there, and by the
 * person's own clicks (`runtime.as(t).select(id, '6A', 'E5:E9')`) and edits.
 */
import type { Rect } from './access';
import type { SheetData, WorkbookData } from './model';

/** 0-based row and column of the current (highlighted) cell. */
export interface CellRef {
  row: number;
  col: number;
}

export interface SheetSelection {
  rect: Rect;
  current: CellRef;
}

export interface Selection extends SheetSelection {
  sheetId: number;
}

interface PersonSelection {
  active: number | null;
  bySheet: Map<number, SheetSelection>;
}

const A1: SheetSelection = { rect: { startRow: 0, endRow: 1, startCol: 0, endCol: 1 }, current: { row: 0, col: 0 } };

/** The selection of a range: the range, its top-left cell current (as Range.activate() does). */
export function selectionOf(rect: Rect): SheetSelection {
  return { rect: { ...rect }, current: { row: rect.startRow, col: rect.startCol } };
}

const fits = (sheet: SheetData, s: SheetSelection) => s.rect.endRow <= sheet.maxRows && s.rect.endCol <= sheet.maxCols;

export class Selections {
  private readonly people = new Map<string, PersonSelection>();

  private person(documentId: string, email: string): PersonSelection {
    const key = `${documentId} ${email.toLowerCase()}`;
    let p = this.people.get(key);
    if (!p) {
      p = { active: null, bySheet: new Map() };
      this.people.set(key, p);
    }
    return p;
  }

  /** What the person has selected now (always something while the file has a visible tab). */
  get(wb: WorkbookData, email: string): Selection | null {
    const p = this.person(wb.id, email);
    const shown = wb.sheets.filter((s) => !s.hidden);
    const sheet = shown.find((s) => s.id === p.active) ?? shown[0];
    if (!sheet) return null;
    const kept = p.bySheet.get(sheet.id);
    return { sheetId: sheet.id, ...(kept && fits(sheet, kept) ? kept : A1) };
  }

  /** Makes a tab active, with `selected` selected on it (else what was selected there before, else A1). */
  set(wb: WorkbookData, email: string, sheetId: number, selected?: SheetSelection): void {
    const p = this.person(wb.id, email);
    p.active = sheetId;
    if (selected) p.bySheet.set(sheetId, { rect: { ...selected.rect }, current: { ...selected.current } });
  }

  /** A new session (the file opened again): the first tab at A1, nothing remembered. */
  reset(documentId: string, email: string): void {
    this.people.delete(`${documentId} ${email.toLowerCase()}`);
  }
}
