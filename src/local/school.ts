/**
 * The bundled sample school (THCS Đại Thắng, Tiên Lãng, Hải Phòng) in the local runtime: its
 * people and its workbook, loaded from samples/thcs-dai-thang/so-diem.xlsx and owned by the
 * school admin, as a school would have it before installing Sổ Điểm.
 */
import { join } from 'node:path';
import { LocalRuntime, type RuntimeOptions } from './runtime';
import { loadWorkbookXlsx } from './xlsx';

export const SAMPLE_WORKBOOK = join(process.cwd(), 'samples/thcs-dai-thang/so-diem.xlsx');

export const SAMPLE_PEOPLE = {
  admin: 'qtht@thcsdaithang.edu.vn',
  principal: 'hieutruong@thcsdaithang.edu.vn',
  teacher: 'gv.toan@thcsdaithang.edu.vn',
  homeroom: 'gvcn.6a@thcsdaithang.edu.vn',
} as const;

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
  data.editors = [SAMPLE_PEOPLE.principal, SAMPLE_PEOPLE.teacher, SAMPLE_PEOPLE.homeroom];
  runtime.spreadsheets.add(data);
  return { runtime, workbookId: data.id };
}
