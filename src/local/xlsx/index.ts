/**
 * .xlsx load and save of local workbooks. The file opens in Excel, LibreOffice or Google
 * Sheets with values, formulas, formats, notes, validations and layout; a very-hidden
 * `_sodiem_meta` sheet carries what only Sổ Điểm needs (sharing, protections, ids, metadata).
 */
import * as path from 'node:path';
import type * as ExcelJS from 'exceljs';
import { newExcelWorkbook } from './exceljs';
import type { WorkbookData } from '../sheets/model';
import { type LoadOptions, readExcelWorkbook } from './read';
import { buildExcelWorkbook } from './write';

export type { LoadOptions } from './read';
export { META_SHEET_NAME } from './meta';

export async function saveWorkbookXlsx(wb: WorkbookData, filePath: string): Promise<void> {
  await buildExcelWorkbook(wb).xlsx.writeFile(filePath);
}

export async function saveWorkbookXlsxBuffer(wb: WorkbookData): Promise<Buffer> {
  const data = await buildExcelWorkbook(wb).xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}

export async function loadWorkbookXlsx(filePath: string, opts: LoadOptions = {}): Promise<WorkbookData> {
  const book = newExcelWorkbook();
  await book.xlsx.readFile(filePath);
  return readExcelWorkbook(book, path.basename(filePath).replace(/\.xlsx$/i, ''), opts);
}

export async function loadWorkbookXlsxBuffer(data: Buffer | Uint8Array, opts: LoadOptions = {}): Promise<WorkbookData> {
  const book = newExcelWorkbook();
  await book.xlsx.load(data as unknown as ExcelJS.Buffer);
  return readExcelWorkbook(book, opts.name ?? 'workbook', opts);
}
