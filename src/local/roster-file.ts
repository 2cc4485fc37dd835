/**
 * Reads a roster file from disk into rows as `Range.getValues()` would give them, for parseRoster:
 * '' for an empty cell; for .xlsx numbers as numbers and dates as Date (midnight in the time zone,
 * like a date cell of a spreadsheet in that zone); for .csv every cell as text.
 * .xlsx: the first visible sheet whose first rows hold a roster header, else the first visible sheet.
 * .csv/.txt/.tsv: UTF-8 with or without BOM, or UTF-16 with BOM (Excel's "Unicode Text");
 * comma, semicolon or tab delimiter, detected; RFC 4180 quoting (commas, newlines, doubled quotes).
 * Legacy encodings (Windows-1258, TCVN3) are refused with a message saying how to re-save.
 */
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import type * as ExcelJS from 'exceljs';
import type { CellValue } from '../server/gas/ports';
import { DEFAULT_TIME_ZONE, looksLikeRoster } from '../server/domain/roster';
import { newExcelWorkbook } from './xlsx/exceljs';
import { fromExcelScalar } from './xlsx/cells';

export interface RosterFile {
  /** The sheet's name for .xlsx; the file name (with extension) for a text file. */
  sheet: string;
  rows: CellValue[][];
}

export async function readRosterFile(filePath: string, options: { timeZone?: string } = {}): Promise<RosterFile> {
  const ext = path.extname(filePath).toLowerCase();
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  if (ext === '.xlsx' || ext === '.xlsm') return readXlsxRoster(filePath, timeZone);
  if (ext === '.csv' || ext === '.txt' || ext === '.tsv') {
    return { sheet: path.basename(filePath), rows: parseDelimitedText(decodeText(await readFile(filePath), path.basename(filePath))) };
  }
  if (ext === '.xls') {
    throw new Error(`Tệp "${path.basename(filePath)}" là định dạng Excel cũ (.xls); hãy mở bằng Excel và lưu lại thành .xlsx.`);
  }
  throw new Error(`Tệp "${path.basename(filePath)}" không phải .xlsx hay .csv nên không đọc được danh sách học sinh.`);
}

// ---------------------------------------------------------------- xlsx

async function readXlsxRoster(filePath: string, timeZone: string): Promise<RosterFile> {
  const book = newExcelWorkbook();
  await book.xlsx.readFile(filePath);
  const visible = book.worksheets.filter((ws) => (ws.state ?? 'visible') === 'visible');
  if (visible.length === 0) throw new Error(`Tệp "${path.basename(filePath)}" không có trang tính nào đang hiện.`);
  let first: RosterFile | null = null;
  for (const ws of visible) {
    const sheet = { sheet: ws.name, rows: worksheetRows(ws, timeZone) };
    if (looksLikeRoster(sheet.rows)) return sheet;
    first ??= sheet;
  }
  return first!;
}

/** The used rectangle from A1, like getDataRange().getValues(). */
export function worksheetRows(ws: ExcelJS.Worksheet, timeZone: string): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const values: CellValue[] = [];
    for (let c = 1; c <= ws.columnCount; c++) values.push(excelCellValue(row.getCell(c), timeZone));
    rows.push(values);
  }
  return rows;
}

function excelCellValue(cell: ExcelJS.Cell, timeZone: string): CellValue {
  // Sheets gives the value of a merged range in its top-left cell only; exceljs repeats it.
  if (cell.isMerged && cell.master.address !== cell.address) return '';
  let v: unknown = cell.value;
  if (v && typeof v === 'object' && !(v instanceof Date) && ('formula' in v || 'sharedFormula' in v)) {
    v = (v as { result?: unknown }).result;
  }
  if (v === null || v === undefined) return '';
  return fromExcelScalar(v, timeZone) ?? '';
}

// ---------------------------------------------------------------- text files

/** Bytes → text by BOM: UTF-8 (BOM optional), UTF-16 LE/BE with BOM. */
export function decodeText(bytes: Uint8Array, fileName: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(
      `Tệp "${fileName}" không phải văn bản UTF-8 (có thể là bảng mã Windows-1258 hoặc TCVN3). ` +
        'Hãy mở tệp bằng Excel và lưu lại dạng "CSV UTF-8 (Comma delimited)".',
    );
  }
}

const DELIMITERS = [',', ';', '\t'] as const;

/** The delimiter that splits some line of the first ten into the most fields (quotes respected). */
export function detectDelimiter(text: string): string {
  const best = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let inQuotes = false;
  let lines = 0;
  for (let i = 0; i < text.length && lines < 10; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes; // a doubled quote toggles twice: no change
    else if (!inQuotes && (ch === '\n' || ch === '\r')) {
      for (const d of DELIMITERS) best.set(d, Math.max(best.get(d)!, counts.get(d)!)), counts.set(d, 0);
      if (ch === '\r' && text[i + 1] === '\n') i++;
      lines++;
    } else if (!inQuotes && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  for (const d of DELIMITERS) best.set(d, Math.max(best.get(d)!, counts.get(d)!));
  return DELIMITERS.reduce((a, b) => (best.get(b)! > best.get(a)! ? b : a));
}

/** RFC 4180 with the detected delimiter; rows padded to one width; a final line break adds no row. */
export function parseDelimitedText(text: string, delimiter = detectDelimiter(text)): CellValue[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false; // inside a quoted field
  let i = 0;
  const endField = () => (row.push(field), (field = ''));
  const endRow = () => (endField(), rows.push(row), (row = []));
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), (i += 2);
      else if (ch === '"') (quoted = false), i++;
      else (field += ch), i++;
    } else if (ch === '"' && field === '') (quoted = true), i++;
    else if (ch === delimiter) endField(), i++;
    else if (ch === '\r' || ch === '\n') {
      endRow();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else (field += ch), i++;
  }
  if (field !== '' || row.length > 0) endRow();
  const width = Math.max(0, ...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...Array<string>(width - r.length).fill('')]);
}
