/**
 * Reading an edited rectangle of a guarded class tab (the grade book or the attendance tab,
 * `GuardedTab`) for the guard, in a fixed number of calls: the key row, codes and typed values
 * in one block, the formulas of the rectangle, and the same rectangle of the tab's shadow (the
 * last accepted values).
 */
import type { CellValue, PropertiesPort, SheetPort, SpreadsheetPort } from '../../gas/ports';
import { readGrids, type GridBlock, type GridCells } from '../../workbook/grid-read';
import { AUDIT_SHEET } from '../../workbook/audit';
import { auditTailBlock, auditTailFrom, type AuditTail } from '../../workbook/audit/append';
import type { CellRole } from '../../domain/guard/decide';
import type { Env } from '../../gas/env';
import type { DataValidationPort } from '../../gas/ports';
import { ATTENDANCE_SESSIONS, BOOK_TAB, FORMULA_CELL, VALIDATIONS, columnLetter, type GuardedTab, type ValidationSpec } from '../../workbook/layout';
import { validationRules } from '../../workbook/tab-writer';
import { roleOf } from '../../workbook/layout/guarded-cells';

export interface Rect {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

export interface EditedCell {
  row: number;
  col: number;
  a1: string;
  studentCode: string;
  role: CellRole;
  /** For the audit: "HK I · TX2", "HK I · Rèn luyện", "Ghi chú". */
  column: string;
  subjectCode: string;
  typed: CellValue;
  formula: string;
  previous: CellValue;
  /** When the previous value was accepted (the shadow cell's note), for the age lock. */
  acceptedAtMs: number | null;
}

export interface EditedBlock {
  cells: EditedCell[];
  /** The rectangle's typed values and the shadow's, to write back whole. */
  typed: CellValue[][];
  shadow: CellValue[][];
  /** The shadow cells' notes: the instant each value was accepted (ISO), '' when unknown. */
  shadowNotes: string[][];
  rect: Rect;
  shadowSheet: SheetPort;
  /** The shadow's key row, and its whole rows over the rectangle (where derived cells are kept too). */
  keys: CellValue[];
  shadowRows: CellValue[][];
  /** Whether each cell of the rectangle carries a rule, when read with it (withRules). */
  hasRule?: boolean[][];
  /** The log's tail read with the block (withAuditTail); null when it was not where the head put it. */
  auditTail?: AuditTail | null;
}

export { roleOf };

/** The student rows of an edited rectangle (header rows are the managers' and are not guarded). */
export function studentPart(rect: Rect, tab: GuardedTab = BOOK_TAB): Rect | null {
  const first = Math.max(rect.row, tab.headerRows + 1);
  const last = rect.row + rect.numRows - 1;
  return last < first ? null : { row: first, col: rect.col, numRows: last - first + 1, numCols: rect.numCols };
}

/** Why a block could not be judged: the tab's structure no longer matches its shadow. */
export interface StructureChanged {
  changed: true;
  sheet: string;
}

/** What the guard reads with the block, in the same call. */
export interface BlockReadOptions {
  /** Each cell's validation rule (present or not): only a paste can wipe them. */
  withRules?: boolean;
  /** The audit log's tail (see workbook/audit/append.ts), for the rows this block will log. */
  withAuditTail?: boolean;
}

/** The student code is the second column of every guarded tab (STT, Mã học sinh, Họ và tên, …). */
export const CODE_COL = 2;

/** The blocks one edited rectangle needs, and how to make an EditedBlock of their answer. */
export interface PlannedRead {
  blocks: GridBlock[];
  finish(grids: readonly GridCells[], withRules: boolean): EditedBlock | StructureChanged | null;
}

/**
 * The key row and the student codes come from the shadow tab, which only the admins (and the
 * admin's trigger) write: a board member who edits the visible key row or codes cannot move
 * scores. If the tab's own keys or codes over the block differ from the shadow's — rows or
 * columns inserted, deleted or sorted — nothing is judged: the caller reports it.
 *
 * What is read for the block: the shadow's key row and its rows over the block, the tab's keys
 * over the block, its codes, and its cells (values, formulas and, for a paste, rules).
 */
export function planEditedBlock(spreadsheet: SpreadsheetPort, sheet: SheetPort, classCode: string, rect: Rect, tab: GuardedTab = BOOK_TAB): PlannedRead | StructureChanged | null {
  const keyRow = tab.headerRows;
  const shadowSheet = spreadsheet.getSheetByName(tab.shadowName(classCode));
  if (!shadowSheet) return null;
  const lastRow = rect.row + rect.numRows - 1;
  const lastCol = rect.col + rect.numCols - 1;
  const width = shadowSheet.getMaxColumns();
  if (lastRow > shadowSheet.getMaxRows() || lastCol > width) return { changed: true, sheet: classCode };
  const shadowName = shadowSheet.getName();
  const tabName = sheet.getName();
  const blocks: GridBlock[] = [
    { sheet: shadowName, row: keyRow, col: 1, numRows: 1, numCols: width },
    { sheet: shadowName, row: rect.row, col: 1, numRows: rect.numRows, numCols: width },
    { sheet: tabName, row: keyRow, col: rect.col, numRows: 1, numCols: rect.numCols },
    { sheet: tabName, row: rect.row, col: CODE_COL, numRows: rect.numRows, numCols: 1 },
    { sheet: tabName, ...rect },
  ];
  const finish = ([shadowKeys, shadowBlock, tabKeys, tabCodes, cellsRead]: readonly GridCells[], withRules: boolean): EditedBlock | StructureChanged | null => {
    const keys = shadowKeys.values[0].map(String);
    if (keys.indexOf('P|CODE') !== CODE_COL - 1) return null;
    const sameKeys = tabKeys.values[0].every((k, j) => String(k) === keys[rect.col - 1 + j]);
    const sameCodes = tabCodes.values.every((line, i) => String(line[0]) === String(shadowBlock.values[i][CODE_COL - 1]));
    if (!sameKeys || !sameCodes) return { changed: true, sheet: classCode };
    const typed: CellValue[][] = [];
    const shadow: CellValue[][] = [];
    const shadowNotes: string[][] = [];
    const cells: EditedCell[] = [];
    for (let i = 0; i < rect.numRows; i++) {
      const kept = shadowBlock.values[i];
      typed.push([...cellsRead.values[i]]);
      shadow.push(kept.slice(rect.col - 1, lastCol));
      shadowNotes.push(shadowBlock.notes[i].slice(rect.col - 1, lastCol));
      const studentCode = String(kept[CODE_COL - 1] ?? '');
      for (let j = 0; j < rect.numCols; j++) {
        const col = rect.col + j;
        const found = tab.roleOf(keys[col - 1] ?? '');
        if (!found || studentCode === '') continue;
        cells.push({
          row: rect.row + i,
          col,
          a1: `${columnLetter(col)}${rect.row + i}`,
          studentCode,
          ...found,
          typed: typed[i][j],
          formula: cellsRead.formulas[i][j],
          previous: shadow[i][j],
          acceptedAtMs: shadowNotes[i][j] ? Date.parse(shadowNotes[i][j]) || null : null,
        });
      }
    }
    const shadowRows = shadowBlock.values.map((line) => [...line]);
    return { cells, typed, shadow, shadowNotes, rect, shadowSheet, keys: shadowKeys.values[0], shadowRows, ...(withRules && { hasRule: cellsRead.hasRule }) };
  };
  return { blocks, finish };
}

/**
 * Several planned blocks and, when asked, the log's tail, in ONE round trip
 * (workbook/grid-read.ts): what the guard settles together costs one read, not one each.
 */
export function readPlannedBlocks(env: Env, spreadsheet: SpreadsheetPort, plans: readonly PlannedRead[], options: BlockReadOptions = {}): { blocks: (EditedBlock | StructureChanged | null)[]; auditTail?: AuditTail | null } {
  const blocks = plans.flatMap((p) => p.blocks);
  const audit = options.withAuditTail ? auditSheetOf(env, spreadsheet) : null;
  const tail = audit ? auditTailBlock(audit.props, audit.sheet.getMaxRows()) : null;
  if (blocks.length === 0 && !tail) return { blocks: [] };
  const grids = readGrids(env, spreadsheet.getId(), tail ? [...blocks, tail] : blocks, Boolean(options.withRules));
  let at = 0;
  const finished = plans.map((p) => {
    const mine = grids.slice(at, at + p.blocks.length);
    at += p.blocks.length;
    return p.finish(mine, Boolean(options.withRules));
  });
  return { blocks: finished, ...(audit && tail && { auditTail: auditTailFrom(tail, grids[grids.length - 1].values, audit.sheet.getMaxRows()) }) };
}

/** One edited rectangle read in one round trip (see planEditedBlock), with the log's tail when asked. */
export function readEditedBlock(env: Env, spreadsheet: SpreadsheetPort, sheet: SheetPort, classCode: string, rect: Rect, tab: GuardedTab = BOOK_TAB, options: BlockReadOptions = {}): EditedBlock | StructureChanged | null {
  const plan = planEditedBlock(spreadsheet, sheet, classCode, rect, tab);
  if (!plan || 'changed' in plan) return plan;
  const { blocks, auditTail } = readPlannedBlocks(env, spreadsheet, [plan], options);
  const block = blocks[0];
  return block && !('changed' in block) && auditTail !== undefined ? { ...block, auditTail } : block;
}

function auditSheetOf(env: Env, spreadsheet: SpreadsheetPort): { sheet: SheetPort; props: PropertiesPort } | null {
  const sheet = spreadsheet.getSheetByName(AUDIT_SHEET);
  const props = env.properties.getDocumentProperties();
  return sheet && props ? { sheet, props } : null;
}

/** The validation rule an entry cell carries (the same rules setup writes). */
function ruleOf(cell: EditedCell): ValidationSpec | null {
  const role = cell.role;
  if (role.type === 'subject' || role.type === 'retest') return role.subjectKind === 'score' ? VALIDATIONS.score : VALIDATIONS.comment;
  if (role.type === 'training' || role.type === 'summer-training') return VALIDATIONS.training;
  if (role.type === 'computed') return null; // averages and results carry no entry rule
  if (role.type === 'attendance') return { ...ATTENDANCE_SESSIONS, formula: ATTENDANCE_SESSIONS.formula.split(FORMULA_CELL).join(cell.a1) };
  return { type: 'formula', formula: `=LEN(${FORMULA_CELL})<=500`.replace(FORMULA_CELL, cell.a1), allowInvalid: false, helpText: 'Ghi chú tối đa 500 kí tự.' };
}

/** The rules of every cell of the block (null where there is none), for one setDataValidations. */
export function validationGrid(env: Env, block: EditedBlock): (DataValidationPort | null)[][] {
  const rules = validationRules(env);
  const grid: (DataValidationPort | null)[][] = block.typed.map((line) => line.map(() => null));
  for (const cell of block.cells) grid[cell.row - block.rect.row][cell.col - block.rect.col] = rules(ruleOf(cell));
  return grid;
}

/** Whether some entry cell of the block has lost its rule (a paste of copied cells wipes them). */
export function missingValidation(sheet: SheetPort, block: EditedBlock): boolean {
  const { row, col, numRows, numCols } = block.rect;
  const has = block.hasRule ?? sheet.getRange(row, col, numRows, numCols).getDataValidations().map((line) => line.map((r) => r !== null));
  return block.cells.some((c) => ruleOf(c) !== null && !has[c.row - row][c.col - col]);
}
