/** Small editors for fixture tables: address cells as the admin sees them (row number, header). */
import type { CellValue } from '../../../src/server/gas/ports';
import { parseConfig, type ConfigIssue } from '../../../src/server/workbook/config';

export type Tables = Record<string, CellValue[][]>;

/** Sets the cell at 1-based `row` under header `column` of `sheet`. */
export function setCell(tables: Tables, sheet: string, row: number, column: string, value: CellValue): Tables {
  const table = tables[sheet];
  const col = table[0].indexOf(column);
  if (col < 0) throw new Error(`no column ${column} in ${sheet}`);
  table[row - 1][col] = value;
  return tables;
}

export function appendRow(tables: Tables, sheet: string, row: CellValue[]): number {
  tables[sheet].push(row);
  return tables[sheet].length;
}

export function issuesOf(tables: Tables): ConfigIssue[] {
  const result = parseConfig(tables);
  if (result.ok) throw new Error('expected the configuration to be refused');
  return result.errors;
}

/** The configuration is refused for exactly one reason, at exactly this place. */
export function onlyIssue(tables: Tables): ConfigIssue {
  const issues = issuesOf(tables);
  if (issues.length !== 1) throw new Error(`expected one issue, got ${issues.length}:\n${issues.map((i) => i.message).join('\n')}`);
  return issues[0];
}
