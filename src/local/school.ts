/**
 * The bundled sample school (THCS Đại Thắng, Tiên Lãng, Hải Phòng) in the local runtime: its
 * people and its workbook, loaded from samples/thcs-dai-thang/so-diem.xlsx and owned by the
 * school admin, as a school would have it before installing Sổ Điểm.
 */
import { join } from 'node:path';
import { LocalRuntime, type RuntimeOptions } from './runtime';
import type { CellValue } from '../server/gas/ports';
import { loadWorkbookXlsx } from './xlsx';

export const SAMPLE_DIR = join(process.cwd(), 'samples/thcs-dai-thang');
export const SAMPLE_WORKBOOK = join(SAMPLE_DIR, 'so-diem.xlsx');
export const SAMPLE_ROSTER = join(SAMPLE_DIR, 'roster.csv');
export const SAMPLE_CONFIG = join(SAMPLE_DIR, 'cau-hinh.xlsx');

export const SAMPLE_PEOPLE = {
  admin: 'qtht@thcsdaithang.edu.vn',
  principal: 'hieutruong@thcsdaithang.edu.vn',
  teacher: 'gv.toan@thcsdaithang.edu.vn',
  homeroom: 'gvcn.6a@thcsdaithang.edu.vn',
} as const;

/** Every sheet of an .xlsx as values (the sample's configuration sheets). */
export async function readSampleTables(path: string): Promise<Record<string, CellValue[][]>> {
  const data = await loadWorkbookXlsx(path, { owner: SAMPLE_PEOPLE.admin });
  const tables: Record<string, CellValue[][]> = {};
  for (const sheet of data.sheets) {
    tables[sheet.name] = sheet.rows.map((row) => Array.from({ length: row?.length ?? 0 }, (_, c) => row?.[c]?.v ?? ''));
  }
  return tables;
}

export interface SampleSchool {
  runtime: LocalRuntime;
  workbookId: string;
}

/** A runtime with the sample school's people and workbook, and the built add-on loaded. */
export async function openSampleSchool(
  options: RuntimeOptions & { workbook?: string; bundle?: string } = {},
): Promise<SampleSchool> {
  const runtime = new LocalRuntime(options);
  runtime.loadBundle(options.bundle);
  for (const email of Object.values(SAMPLE_PEOPLE)) runtime.addUser(email);
  const data = await loadWorkbookXlsx(options.workbook ?? SAMPLE_WORKBOOK, { owner: SAMPLE_PEOPLE.admin });
  data.name = 'Sổ điểm THCS Đại Thắng 2026-2027';
  // Everyone who works in the book is an editor of the file; protections decide where.
  const users = (await readSampleTables(SAMPLE_CONFIG))['Người dùng'].slice(1).map((r) => String(r[0]).toLowerCase());
  for (const email of users) runtime.addUser(email);
  data.editors = users.filter((e) => e !== data.owner);
  runtime.spreadsheets.add(data);
  return { runtime, workbookId: data.id };
}
