/**
 * Pieces of writing a tab shared by the Sheets API path (tab-requests.ts) and the guard: the
 * shape record of a written tab, column widths and groups as batchUpdate requests, and
 * SpreadsheetApp validation rules built once per run.
 */
import type { Env } from '../gas/env';
import type { DataValidationPort } from '../gas/ports';
import type { ValidationSpec } from './layout';

/** What a written tab looks like: the structure check compares the workbook with it. */
export interface TabShape {
  name: string;
  id: number;
  rows: number;
  cols: number;
}

/** Builds each distinct rule once per run: a school has hundreds of thousands of cells but a handful of rules. */
export type RuleCache = (spec: ValidationSpec | null) => DataValidationPort | null;

export function validationRules(env: Env): RuleCache {
  const built = new Map<string, DataValidationPort>();
  return (spec) => {
    if (!spec) return null;
    const key = JSON.stringify(spec);
    let rule = built.get(key);
    if (!rule) {
      const builder = env.spreadsheetApp.newDataValidation().setAllowInvalid(spec.allowInvalid).setHelpText(spec.helpText);
      if (spec.type === 'number-between') builder.requireNumberBetween(spec.min, spec.max);
      else if (spec.type === 'list') builder.requireValueInList([...spec.values], spec.showDropdown);
      else builder.requireFormulaSatisfied(spec.formula);
      rule = builder.build();
      built.set(key, rule);
    }
    return rule;
  };
}

type Request = GoogleAppsScript.Sheets.Schema.Request;

/** Runs of equal widths as updateDimensionProperties requests (0-based, end-exclusive). */
export function columnWidthRequests(sheetId: number, widths: (number | null)[]): Request[] {
  const requests: Request[] = [];
  let start = 0;
  for (let i = 1; i <= widths.length; i++) {
    if (i < widths.length && widths[i] === widths[start]) continue;
    const pixelSize = widths[start];
    if (pixelSize !== null && pixelSize !== undefined) {
      requests.push({
        updateDimensionProperties: {
          range: { sheetId, dimension: 'COLUMNS', startIndex: start, endIndex: i },
          properties: { pixelSize },
          fields: 'pixelSize',
        },
      });
    }
    start = i;
  }
  return requests;
}

export function columnGroupRequests(sheetId: number, groups: { first: number; last: number }[]): Request[] {
  return groups.map((g) => ({ addDimensionGroup: { range: { sheetId, dimension: 'COLUMNS', startIndex: g.first - 1, endIndex: g.last } } }));
}
