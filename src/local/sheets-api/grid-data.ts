/**
 * One cell of spreadsheets.get's grid data as the API gives it (CellData: userEnteredValue,
 * effectiveValue with a formula's error as its type, formattedValue, note, dataValidation and
 * userEnteredFormat); an empty cell is `{}`. get.ts lays the cells out per range.
 */
import type { CellData, ValidationRule } from '../sheets/model';
import { dateSerial } from '../sheets/formula-values';
import { defaultDateTimePattern, isDatePattern } from '../sheets/format';

type ApiCellData = GoogleAppsScript.Sheets.Schema.CellData;
type ApiExtendedValue = GoogleAppsScript.Sheets.Schema.ExtendedValue;

const ERROR_TYPES: Record<string, string> = {
  '#NULL!': 'NULL_VALUE',
  '#DIV/0!': 'DIVIDE_BY_ZERO',
  '#VALUE!': 'VALUE',
  '#REF!': 'REF',
  '#NAME?': 'NAME',
  '#NUM!': 'NUM',
  '#N/A': 'N_A',
  '#ERROR!': 'ERROR',
};

function extended(v: string | number | boolean | Date, timeZone: string, computed: boolean): ApiExtendedValue {
  if (typeof v === 'number') return { numberValue: v };
  if (typeof v === 'boolean') return { boolValue: v };
  if (v instanceof Date) return { numberValue: dateSerial(v, timeZone) };
  // A formula's error reads as its text in Apps Script; the API names its type.
  if (computed && ERROR_TYPES[v]) return { errorValue: { type: ERROR_TYPES[v], message: v } };
  return { stringValue: v };
}

function validation(dv: ValidationRule): GoogleAppsScript.Sheets.Schema.DataValidationRule {
  const values = dv.values.map((v) => ({ userEnteredValue: String(v) }));
  const type = dv.kind === 'numberBetween' ? 'NUMBER_BETWEEN' : dv.kind === 'valueInList' ? 'ONE_OF_LIST' : 'CUSTOM_FORMULA';
  return {
    condition: { type, values },
    ...(dv.helpText && { inputMessage: dv.helpText }),
    ...(!dv.allowInvalid && { strict: true }),
    ...(dv.kind === 'valueInList' && dv.showDropdown !== false && { showCustomUi: true }),
  };
}

export function cellData(cell: CellData | undefined, read: (c: CellData | undefined) => string | number | boolean | Date, show: ((c: CellData | undefined) => string) | null, timeZone: string, locale: string): ApiCellData {
  if (!cell) return {};
  const out: ApiCellData = {};
  if (cell.f !== undefined) out.userEnteredValue = { formulaValue: cell.f };
  else if (cell.v !== undefined) out.userEnteredValue = extended(cell.v, timeZone, false);
  if (cell.f !== undefined || cell.v !== undefined) {
    const value = read(cell);
    if (value !== '') out.effectiveValue = extended(value, timeZone, cell.f !== undefined);
    // Only when the request asks for it (the field mask drops it otherwise): formatting is the costly part.
    if (show) out.formattedValue = show(cell);
  }
  if (cell.note) out.note = cell.note;
  if (cell.dv) out.dataValidation = validation(cell.dv);
  const format: GoogleAppsScript.Sheets.Schema.CellFormat = {};
  // A value the model holds as a date reads as a Date in Apps Script: its format is a date's
  // (a Date a script wrote has Sheets' date-time format).
  const isDate = cell.v instanceof Date || (cell.nf !== undefined && cell.nf !== '@' && isDatePattern(cell.nf));
  if (isDate) format.numberFormat = { type: cell.nf && /[hHs]/.test(cell.nf) ? 'DATE_TIME' : 'DATE', pattern: cell.nf ?? defaultDateTimePattern(locale) };
  else if (cell.nf) format.numberFormat = { type: cell.nf === '@' ? 'TEXT' : 'NUMBER', pattern: cell.nf };
  if (cell.bold) format.textFormat = { bold: true };
  if (cell.bg) {
    const hex = cell.bg.replace('#', '');
    const channel = (i: number) => parseInt(hex.slice(i, i + 2), 16) / 255;
    format.backgroundColor = { red: channel(0), green: channel(2), blue: channel(4) };
  }
  if (Object.keys(format).length > 0) out.userEnteredFormat = format;
  return out;
}
