/**
 * A person typing or pasting in the Sheets UI. Not a service call: nothing is logged in
 * the CallLog and no trigger fires here (the lead fires onEdit from the outcome).
 *
 * As in the Sheets UI:
 * - a user who is not owner/editor of the file cannot type at all;
 * - if any target cell is covered by a protection that does not allow the user, the whole
 *   edit is refused and nothing is written; warning-only protections let it through
 *   (the UI would ask "are you sure?") and are reported in `warnings`;
 * - text is parsed for the spreadsheet locale (vi_VN: "8,5" → 8.5, "8.5" stays text; a
 *   formula is typed with ';' and ',' decimals and stored in the en_US form);
 * - a value rejected by a validation rule with allowInvalid=false refuses the edit. For a
 *   paste of several cells we refuse the whole paste (decision: Sheets rejects the
 *   invalid input and we keep "a refused edit writes nothing" for every case).
 * - pasting past the grid's edge grows the grid, as Sheets does.
 */
import type { CellValue } from '../../server/gas/ports';
import type { GridRange, ProtectionData, StoredValue } from './model';
import type { SpreadsheetStore } from './store';
import { checkRect, type Rect } from './access';
import { forEachCellForWrite, mapCells } from './grid';
import { applyParsed, localeRules, parseTyped, type Parsed } from './values';
import { valueReader } from './cell-read';
import { formulaFromLocale } from './formula-parse';
import { passesRule } from './validation';
import type { ValidationRule } from './model';
import { refuseCells, uiRect, uiTarget, type UiRefusal } from './ui-target';

export { UI_NO_ACCESS_MESSAGE } from './ui-target';

export type TypedValue = string | number | boolean | Date | null;

/**
 * How the values arrive: 'type' (typing; data validation decides), 'paste-values'
 * (Ctrl+Shift+V: validation decides, the rules stay), 'paste' (Ctrl+V of copied cells: the
 * copied cells' (empty) validation replaces the destination's, so nothing is rejected and the
 * rules are gone — the known gap of "Reject input" that leaves the edit guard as the last check).
 */
export type UiEditMode = 'type' | 'paste' | 'paste-values';

export type UiEditOutcome =
  | {
      ok: true;
      sheetId: number;
      range: GridRange;
      oldValues: CellValue[][];
      newValues: CellValue[][];
      /** Warning-only protections the edit touched. */
      warnings: ProtectionData[];
    }
  | UiRefusal;

function ruleMessage(rule: ValidationRule): string {
  if (rule.helpText) return rule.helpText;
  switch (rule.kind) {
    case 'numberBetween':
      return `Input must be a number between ${rule.values[0]} and ${rule.values[1]}.`;
    case 'valueInList':
      return 'Input must be an item on the specified list.';
    case 'formula':
      return `Input must satisfy the formula: ${rule.values[0]}`;
  }
}

function parseUiValue(value: TypedValue, locale: string, nf: string | undefined, timeZone: string, nowMs: number): Parsed {
  if (value === null) return {};
  if (typeof value === 'string') {
    const parsed = parseTyped(value, locale, nf, timeZone, nowMs);
    // Stored in the en_US form getFormula returns: vi_VN types '=ROUND(A1;1)' for '=ROUND(A1,1)'.
    return parsed.f === undefined ? parsed : { f: formulaFromLocale(parsed.f, localeRules(locale).decimal) };
  }
  if (value instanceof Date) return { v: new Date(value.getTime()) };
  return { v: value as StoredValue };
}

export function applyUiEdit(
  store: SpreadsheetStore,
  userEmail: string,
  spreadsheetId: string,
  sheetName: string,
  a1: string,
  typed: TypedValue[][],
  mode: UiEditMode = 'type',
): UiEditOutcome {
  const { wb, sheet } = uiTarget(store, spreadsheetId, sheetName);
  const parts = uiRect(a1);
  const rows = typed.length;
  const cols = typed[0]?.length ?? 0;
  if (rows === 0 || cols === 0 || typed.some((r) => r.length !== cols)) throw new Error('Typed values must be a non-empty rectangle.');
  const single = parts.endRow - parts.startRow === 1 && parts.endCol - parts.startCol === 1;
  if (!single && (parts.endRow - parts.startRow !== rows || parts.endCol - parts.startCol !== cols)) {
    throw new Error(`${a1} does not have the shape of the typed values (${rows}×${cols}).`);
  }
  const rect: Rect = { startRow: parts.startRow, endRow: parts.startRow + rows, startCol: parts.startCol, endCol: parts.startCol + cols };
  const refusal = refuseCells(store, wb, userEmail, sheet.id, rect);
  if (refusal) return refusal;

  // Parse everything and validate before writing anything.
  const parsed: Parsed[][] = typed.map((row, i) =>
    row.map((value, j) => parseUiValue(value, wb.locale, sheet.rows[rect.startRow + i]?.[rect.startCol + j]?.nf, wb.timeZone, store.clock.nowMs())),
  );
  for (let i = 0; i < rows && mode !== 'paste'; i++) {
    for (let j = 0; j < cols; j++) {
      const rule = sheet.rows[rect.startRow + i]?.[rect.startCol + j]?.dv;
      if (!rule || rule.allowInvalid) continue;
      if (!passesRule(rule, parsed[i][j].v, parsed[i][j].f)) {
        return { ok: false, reason: 'invalid', message: ruleMessage(rule), cell: { row: rect.startRow + i, col: rect.startCol + j } };
      }
    }
  }

  if (rect.endRow > sheet.maxRows) sheet.maxRows = rect.endRow;
  if (rect.endCol > sheet.maxCols) sheet.maxCols = rect.endCol;
  const oldValues = mapCells(sheet, rect, valueReader(wb, sheet));
  forEachCellForWrite(sheet, rect, (cell, i, j) => {
    applyParsed(cell, parsed[i][j]);
    if (mode === 'paste') delete cell.dv;
  });
  const newValues = mapCells(sheet, rect, valueReader(wb, sheet));
  const warnings = checkRect(wb, userEmail, sheet.id, rect, store.directory).warnings;
  return { ok: true, sheetId: sheet.id, range: { sheetId: sheet.id, ...rect }, oldValues, newValues, warnings };
}
