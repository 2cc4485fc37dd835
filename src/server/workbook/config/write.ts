/**
 * writeConfigTemplates: creates the config sheets a workbook lacks, with their header row
 * (bold, coloured, frozen, a note on each header), data validations, column widths and the
 * seed rows. A sheet that exists is never touched: the admin's data is never lost.
 * Calls are per sheet, never per cell: one setValues, one setNotes, one setDataValidations.
 */
import type { SchoolLevel } from '../../domain/school/model';
import type { Env } from '../../gas/env';
import type { CellValue, DataValidationPort, SheetPort } from '../../gas/ports';
import { LEVEL_GRADES } from './levels';
import { seedToSheetRows, type ConfigSeed } from './rows';
import { CONFIG_SHEETS, SETTING_ITEMS, type ConfigSheetDef, type ValidationHint } from './sheets';
import { isoDayOfDateCell } from './text';

export const HEADER_BACKGROUND = '#cfe2f3';
/** Rows below the header that get the column validations (more than any school needs). */
const VALIDATED_ROWS = 500;

/** Returns the names of the sheets it created. */
export function writeConfigTemplates(env: Env, seed: ConfigSeed): string[] {
  const ss = env.spreadsheetApp.getActiveSpreadsheet();
  const school = { schoolYear: defaultSchoolYear(env.clock.now()), ...seed.school };
  const tables = seedToSheetRows({ ...seed, school });
  const rules = ruleMaker(env, school.level);
  const created: { def: ConfigSheetDef; sheet: SheetPort }[] = [];
  for (const def of CONFIG_SHEETS) {
    if (ss.getSheetByName(def.name)) continue;
    const sheet = ss.insertSheet(def.name);
    writeSheet(sheet, def, tables[def.name], rules);
    created.push({ def, sheet });
  }
  setColumnWidths(env, ss.getId(), created);
  return created.map((c) => c.def.name);
}

/** The school year being prepared: from June on, the one starting this year. */
function defaultSchoolYear(now: Date): number {
  const [year, month] = isoDayOfDateCell(now).split('-').map(Number);
  return month >= 6 ? year : year - 1;
}

type RuleFor = (hint: ValidationHint | undefined, help: string) => DataValidationPort | null;

/** Builds each distinct rule once (a rule object can be set on many cells). */
function ruleMaker(env: Env, level: SchoolLevel): RuleFor {
  const cache = new Map<string, DataValidationPort>();
  return (hint, help) => {
    if (!hint) return null;
    const key = JSON.stringify(hint) + help;
    let rule = cache.get(key);
    if (!rule) {
      const builder = env.spreadsheetApp.newDataValidation();
      if (hint.kind === 'numberBetween') builder.requireNumberBetween(hint.min, hint.max);
      else builder.requireValueInList(hint.kind === 'grades' ? LEVEL_GRADES[level].map(String) : [...hint.values], true);
      rule = builder.setAllowInvalid(hint.kind === 'list' && hint.suggest === true).setHelpText(help).build();
      cache.set(key, rule);
    }
    return rule;
  };
}

function writeSheet(sheet: SheetPort, def: ConfigSheetDef, values: CellValue[][], ruleFor: RuleFor): void {
  const width = def.columns.length;
  const isSettings = def.key === 'settings';
  const maxRows = sheet.getMaxRows();
  if (values.length > maxRows) sheet.insertRowsAfter(maxRows, values.length - maxRows);
  // Settings values stay text as typed ("2026-2027", "05/09/2026"), whatever the locale.
  if (isSettings) sheet.getRange(2, 2, SETTING_ITEMS.length, 1).setNumberFormat('@');
  sheet.getRange(1, 1, values.length, width).setValues(values);

  const notesRows = isSettings ? values.length : 1;
  const notes: (string | null)[][] = [def.columns.map((c) => c.note)];
  if (isSettings) for (const item of SETTING_ITEMS) notes.push([item.note, null]);
  const header = sheet.getRange(1, 1, 1, width);
  header.setFontWeight('bold');
  header.setBackground(HEADER_BACKGROUND);
  (isSettings ? sheet.getRange(1, 1, notesRows, width) : header).setNotes(notes);
  sheet.setFrozenRows(1);

  if (isSettings) {
    const rules = SETTING_ITEMS.map((item) => [ruleFor(item.validation, item.help ?? item.note)]);
    sheet.getRange(2, 2, rules.length, 1).setDataValidations(rules);
    return;
  }
  if (!def.columns.some((c) => c.validation)) return;
  const bodyRows = Math.min(Math.max(values.length - 1, VALIDATED_ROWS), Math.max(maxRows, values.length) - 1);
  const row = def.columns.map((c) => ruleFor(c.validation, c.note));
  sheet.getRange(2, 1, bodyRows, width).setDataValidations(Array.from({ length: bodyRows }, () => row));
}

/**
 * Column widths through the advanced Sheets service, one batchUpdate for every new sheet
 * (the SheetPort has no setColumnWidth). Without the advanced service the widths stay default.
 */
function setColumnWidths(env: Env, spreadsheetId: string, created: { def: ConfigSheetDef; sheet: SheetPort }[]): void {
  const api = env.sheetsApi.Spreadsheets;
  if (!api || created.length === 0) return;
  // The advanced service only sees sheets SpreadsheetApp has flushed.
  env.spreadsheetApp.flush();
  const requests = created.flatMap(({ def, sheet }) => {
    const sheetId = sheet.getSheetId();
    return def.columns.map((column, i) => ({
      updateDimensionProperties: {
        range: { sheetId, dimension: 'COLUMNS', startIndex: i, endIndex: i + 1 },
        properties: { pixelSize: column.width },
        fields: 'pixelSize',
      },
    }));
  });
  api.batchUpdate({ requests }, spreadsheetId);
}
