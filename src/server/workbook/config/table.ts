/**
 * A config sheet's values as rows keyed by column: the header row is the one among the first
 * few rows naming most of the sheet's columns (a title row above it is fine), headers match ignoring case, diacritics and extra spaces, columns may come in any
 * order and extra columns are ignored. Blank rows are skipped.
 */
import type { CellValue } from '../../gas/ports';
import type { IssueList } from './issues';
import type { ConfigSheetDef } from './sheets';
import { cellText, foldKey, isBlankRow } from './text';

export interface TableRow {
  /** 1-based, as the user sees it. */
  row: number;
  cells: Record<string, CellValue>;
}

export interface Table {
  sheet: string;
  rows: TableRow[];
  /** False when the sheet is missing or a required header is: its rows could not be read. */
  usable: boolean;
}

export function readTable(def: ConfigSheetDef, values: CellValue[][] | undefined, issues: IssueList): Table {
  if (values === undefined) {
    issues.add(def.name, 0, '', `thiếu trang "${def.name}". Hãy thêm lại trang này với đúng tên (Sổ Điểm tạo lại được các trang cấu hình còn thiếu).`);
    return { sheet: def.name, rows: [], usable: false };
  }
  const headerIndex = findHeaderRow(def, values);
  const headerRow = headerIndex < 0 ? [] : values[headerIndex].map((cell) => foldKey(cellText(cell)));
  const headerRowNumber = headerIndex < 0 ? 1 : headerIndex + 1;

  const positions = new Map<string, number>();
  let usable = true;
  for (const column of def.columns) {
    const names = new Set([column.header, ...column.aliases].map(foldKey));
    const found = headerRow.flatMap((h, i) => (names.has(h) ? [i] : []));
    if (found.length === 0) {
      if (column.optional) continue;
      usable = false;
      issues.add(def.name, headerRowNumber, column.header, `thiếu cột "${column.header}" ở dòng tiêu đề.`);
      continue;
    }
    if (found.length > 1) {
      issues.add(def.name, headerRowNumber, column.header, `có ${found.length} cột "${column.header}"; mỗi cột chỉ được có một.`);
      usable = false;
    }
    positions.set(column.key, found[0]);
  }
  if (!usable) return { sheet: def.name, rows: [], usable };

  const rows: TableRow[] = [];
  for (let i = headerIndex + 1; i < values.length; i++) {
    const row = values[i];
    const cells: Record<string, CellValue> = {};
    for (const column of def.columns) {
      const at = positions.get(column.key);
      cells[column.key] = at === undefined ? '' : (row[at] ?? '');
    }
    // A row is blank when the columns we read are blank (extra columns may hold notes).
    if (isBlankRow(Object.values(cells))) continue;
    rows.push({ row: i + 1, cells });
  }
  return { sheet: def.name, rows, usable };
}

const HEADER_SEARCH_ROWS = 5;

function columnNames(def: ConfigSheetDef): Set<string> {
  return new Set(def.columns.flatMap((c) => [c.header, ...c.aliases].map(foldKey)));
}

/** Index of the header row: most known headers within the first rows, else the first non-blank row. */
function findHeaderRow(def: ConfigSheetDef, values: CellValue[][]): number {
  const names = columnNames(def);
  let best = -1;
  let bestCount = 0;
  for (let i = 0; i < Math.min(values.length, HEADER_SEARCH_ROWS); i++) {
    const count = values[i].filter((cell) => names.has(foldKey(cellText(cell)))).length;
    if (count > bestCount) [best, bestCount] = [i, count];
  }
  return best >= 0 ? best : values.findIndex((row) => !isBlankRow(row));
}
