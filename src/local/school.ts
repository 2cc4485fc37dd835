/**
 * The bundled sample schools in the local runtime — THCS Đại Thắng (Tiên Lãng, Hải Phòng), and
 * THPT Thủy Sơn for `npx sodiem demo --thpt` — their people and their workbook, loaded from
 * samples/<school>/so-diem.xlsx and owned by the school admin, as a school would have it before
 * installing Sổ Điểm.
 */
import { join } from 'node:path';
import { LocalRuntime, type RuntimeOptions } from './runtime';
import type { CellValue } from '../server/gas/ports';
import { loadWorkbookXlsx } from './xlsx';

/**
 * A bundled sample school: where its files are, its people, and the subjects the main job's story
 * names (sample-marks.ts, sample-makeup.ts).
 */
export interface SampleDefinition {
  /** THCS or THPT: the configuration the admin creates ("Tạo các trang cấu hình (…)"). */
  level: 'THCS' | 'THPT';
  /** samples/<folder>: so-diem.xlsx (before Sổ Điểm), cau-hinh.xlsx, roster.csv. */
  dir: string;
  /** The workbook's name in Drive. */
  name: string;
  people: { admin: string; principal: string; teacher: string; homeroom: string };
  /** The HK II end-of-term test one student per class misses until the make-up test. */
  missingCk: string;
  /** The scored subjects a re-taking student fails: enough to leave fewer than 6 at 5,0 or more (TT22 Điều 9), so they re-take. */
  retestSubjects: readonly string[];
}

export const THCS_SAMPLE: SampleDefinition = {
  level: 'THCS',
  dir: join(process.cwd(), 'samples/thcs-dai-thang'),
  name: 'Sổ điểm THCS Đại Thắng 2026-2027',
  people: {
    admin: 'qtht@thcsdaithang.edu.vn',
    principal: 'hieutruong@thcsdaithang.edu.vn',
    teacher: 'gv.toan@thcsdaithang.edu.vn',
    homeroom: 'gvcn.6a@thcsdaithang.edu.vn',
  },
  missingCk: 'LSDL',
  retestSubjects: ['TOAN', 'NN1', 'KHTN'],
};

/** THPT Thủy Sơn (Thủy Nguyên, Hải Phòng): 10A1, 11A1, 12A1, each with its elective combination (scripts/make-thpt-sample.mjs). */
export const THPT_SAMPLE: SampleDefinition = {
  level: 'THPT',
  dir: join(process.cwd(), 'samples/thpt-thuy-son'),
  name: 'Sổ điểm THPT Thủy Sơn 2026-2027',
  people: {
    admin: 'quantri@thptthuyson.edu.vn',
    principal: 'hieutruong@thptthuyson.edu.vn',
    teacher: 'gv.toan@thptthuyson.edu.vn',
    homeroom: 'gvcn.10a1@thptthuyson.edu.vn',
  },
  missingCk: 'LS',
  // Nine scored subjects (THCS has eight): four failed leave five at 5,0 or more.
  retestSubjects: ['TOAN', 'NN1', 'LY', 'GDQP'],
};

/** The sample's files. */
export const sampleFiles = (sample: SampleDefinition) => ({
  workbook: join(sample.dir, 'so-diem.xlsx'),
  roster: join(sample.dir, 'roster.csv'),
  config: join(sample.dir, 'cau-hinh.xlsx'),
});

export const SAMPLE_DIR = THCS_SAMPLE.dir;
export const SAMPLE_WORKBOOK = sampleFiles(THCS_SAMPLE).workbook;
export const SAMPLE_ROSTER = sampleFiles(THCS_SAMPLE).roster;
export const SAMPLE_CONFIG = sampleFiles(THCS_SAMPLE).config;
/** The THCS sample's people (the browser tests and `serve` use that school). */
export const SAMPLE_PEOPLE = THCS_SAMPLE.people;

/** Every sheet of an .xlsx as values (the sample's configuration sheets). */
export async function readSampleTables(path: string): Promise<Record<string, CellValue[][]>> {
  const data = await loadWorkbookXlsx(path, { owner: THCS_SAMPLE.people.admin });
  const tables: Record<string, CellValue[][]> = {};
  for (const sheet of data.sheets) {
    tables[sheet.name] = sheet.rows.map((row) => Array.from({ length: row?.length ?? 0 }, (_, c) => row?.[c]?.v ?? ''));
  }
  return tables;
}

export interface SampleSchool {
  runtime: LocalRuntime;
  workbookId: string;
  /** Which sample (the THCS one when not said). */
  sample?: SampleDefinition;
}

/** The school's sample definition. */
export const sampleOf = (school: SampleSchool): SampleDefinition => school.sample ?? THCS_SAMPLE;

/** A runtime with the sample school's people and workbook, and the built add-on loaded. */
export async function openSampleSchool(
  options: RuntimeOptions & { workbook?: string; bundle?: string; sample?: SampleDefinition } = {},
): Promise<SampleSchool> {
  const sample = options.sample ?? THCS_SAMPLE;
  const runtime = new LocalRuntime(options);
  runtime.loadBundle(options.bundle);
  for (const email of Object.values(sample.people)) runtime.addUser(email);
  const data = await loadWorkbookXlsx(options.workbook ?? sampleFiles(sample).workbook, { owner: sample.people.admin });
  data.name = sample.name;
  // Everyone who works in the book is an editor of the file; protections decide where.
  const users = (await readSampleTables(sampleFiles(sample).config))['Người dùng'].slice(1).map((r) => String(r[0]).toLowerCase());
  for (const email of users) runtime.addUser(email);
  data.editors = users.filter((e) => e !== data.owner);
  runtime.spreadsheets.add(data);
  return { runtime, workbookId: data.id, sample };
}
