/**
 * Setting up a THCS school of 10, 20 and 40 classes (45 students each, 13 subjects): the grade
 * book (every class tab, through a few Sheets API batchUpdate calls) and, as a phase of its own,
 * the class profile files (a spreadsheet per class, a few calls each): service calls, batchUpdate
 * calls and their JSON, modelled Apps Script time, a re-run, CPU — beside the figures before this
 * issue's part 3 and the naive way (one setValue per cell, one Range.protect() per protection).
 */
import type { CellValue } from '../../src/server/gas/ports';
import type { SchoolConfig } from '../../src/server/domain/school/model';
import { installAsAdmin } from '../../src/server/features/installation';
import { ROSTER_SHEET, runSetup } from '../../src/server/features/setup';
import { catalogSubjects, configToSheetRows } from '../../src/server/workbook/config';
import { LocalRuntime } from '../../src/local/runtime';
import { pasteTable } from '../../src/local/paste';
import { measure, table, type BenchSection } from './measure';
import { inExecution, measureTrips } from './round-trips';
import { BATCH_UPDATE_MS_PER_MB, LATENCY, batchUpdateMs, modelledMs } from './cost-model';
import { MAX_BATCH_BYTES } from '../../src/server/features/setup/apply';
import { sampleConfig } from '../make-sample';
import { naiveSetupCalls } from './setup-naive';

const DOMAIN = 'truong.edu.vn';
const SUBJECTS = catalogSubjects('THCS');

export function schoolOf(classCount: number): { config: SchoolConfig; roster: CellValue[][] } {
  const grades = [6, 7, 8, 9];
  const classes = Array.from({ length: classCount }, (_, i) => {
    const grade = grades[i % 4];
    return { code: `${grade}A${Math.floor(i / 4) + 1}`, grade, homeroom: `gv${i}@${DOMAIN}` };
  });
  const teachers = Array.from({ length: classCount + 13 }, (_, i) => `gv${i}@${DOMAIN}`);
  const config: SchoolConfig = {
    // The sample school's year and settings, under another name.
    school: { ...sampleConfig().school, name: 'Trường THCS Thử Nghiệm' },
    users: [{ email: `qtht@${DOMAIN}`, name: 'Quản trị', roles: ['admin'], department: '' }, ...teachers.map((email, i) => ({ email, name: `Giáo viên ${i}`, roles: ['teacher' as const], department: '' }))],
    subjects: SUBJECTS,
    classes,
    assignments: classes.flatMap((c, i) =>
      SUBJECTS.filter((s) => s.grade === c.grade).map((s, j) => ({ classCode: c.code, subjectCode: s.code, teachers: [teachers[(i + j) % teachers.length]] })),
    ),
  };
  const roster: CellValue[][] = [['Mã học sinh', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Lớp']];
  classes.forEach((c, i) => {
    for (let k = 0; k < 45; k++) roster.push([`HS${i}_${k}`, `Nguyễn Văn Học ${i} ${k}`, `0${1 + (k % 9)}/0${1 + (k % 9)}/${2020 - c.grade}`, k % 2 ? 'Nữ' : 'Nam', c.code]);
  });
  return { config, roster };
}

/** A runtime holding the school's workbook with Sổ Điểm installed, config and roster in place. */
export function schoolRuntime(classCount: number) {
  const { config, roster } = schoolOf(classCount);
  const runtime = new LocalRuntime({ start: new Date('2026-08-20T02:00:00Z') });
  const admin = runtime.addUser(`qtht@${DOMAIN}`);
  const id = runtime.as(admin).createSpreadsheet('Bench');
  // Every teacher is an editor of the file; protections decide where.
  runtime.spreadsheets.get(id)!.editors = config.users.map((u) => u.email).filter((e) => e !== admin);
  for (const u of config.users) runtime.addUser(u.email);
  const env = runtime.envFor(runtime.contextFor(admin, id));
  installAsAdmin(env);
  for (const [name, rows] of Object.entries(configToSheetRows(config))) pasteTable(env, name, rows);
  pasteTable(env, ROSTER_SHEET, roster);
  return { runtime, env, config, id, admin };
}

/** The figures before this part 3 (40 classes, profile files included): bench/results.md then. */
const BEFORE = { filed: 3_681, lastTabWriter: 8_908, lastTabWriterBatchUpdates: 41, commit: '0b27bbc' };

interface SetupRun {
  calls: Record<string, number>;
  total: number;
  batchUpdates: number;
  bytes: number;
  modelledMs: number;
  cpuMs: number;
}

/**
 * One setup as an execution of the admin (writes buffered as on Google), with the JSON of every
 * batchUpdate weighed: the modelled time counts each batchUpdate by its size (cost-model.ts).
 */
function run(school: ReturnType<typeof schoolRuntime>, profiles: boolean): SetupRun {
  const sizes: number[] = [];
  const trips = measureTrips(school.runtime, () =>
    inExecution(school.runtime, school.admin, school.id, (env) => {
      const api = env.sheetsApi.Spreadsheets!;
      const weighed = new Proxy(api, {
        get: (target, prop) =>
          prop === 'batchUpdate'
            ? (resource: GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetRequest, id: string) => {
                sizes.push(JSON.stringify(resource).length);
                return target.batchUpdate(resource, id);
              }
            : Reflect.get(target, prop),
      });
      const m = measure(() => runSetup({ ...env, sheetsApi: { Spreadsheets: weighed } }, { profiles }));
      if (!m.result.ok) throw new Error(m.result.lines.join('\n'));
      return m.cpuMs;
    }),
  );
  const batchUpdates = trips.calls['Sheets.Spreadsheets.batchUpdate'] ?? 0;
  const bytes = sizes.reduce((a, b) => a + b, 0);
  const modelled = modelledMs(trips) - batchUpdates * LATENCY['Sheets.Spreadsheets.batchUpdate'].ms + sizes.reduce((ms, b) => ms + batchUpdateMs(b), 0);
  return { calls: trips.calls, total: trips.total, batchUpdates, bytes, modelledMs: modelled, cpuMs: trips.result };
}

const top = (calls: Record<string, number>, n: number) =>
  Object.entries(calls)
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');

/** What the profile phase adds to a run: the full run's calls less the grade book's. */
function minus(full: Record<string, number>, book: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(full).map(([k, v]) => [k, v - (book[k] ?? 0)]).filter(([, v]) => (v as number) > 0));
}

export function benchSetup(): BenchSection {
  const rows: (string | number)[][] = [];
  const notes: string[] = [];
  for (const classes of [10, 40]) {
    const book = schoolRuntime(classes);
    const first = run(book, false);
    const again = run(book, false);
    const full = schoolRuntime(classes);
    const withFiles = run(full, true);
    const filesAgain = run(full, true);
    const fileCalls = withFiles.total - first.total;
    const fileCallsAgain = filesAgain.total - again.total;
    const tabs = classes * 6; // book, attendance, summer, each with its shadow
    rows.push([
      `${classes} classes, ${tabs} tabs`,
      first.total,
      first.batchUpdates,
      (first.bytes / 1e6).toFixed(2),
      (first.modelledMs / 1000).toFixed(1),
      again.total,
      (again.modelledMs / 1000).toFixed(1),
      fileCalls,
      (fileCalls / classes).toFixed(1),
      (fileCallsAgain / classes).toFixed(1),
      ((withFiles.modelledMs - first.modelledMs) / 1000).toFixed(1),
      first.cpuMs.toFixed(0),
    ]);
    if (classes === 40) {
      notes.push(`40 classes, grade book (first run), calls: ${top(first.calls, 30)}`);
      notes.push(`40 classes, profile files phase (first run), calls: ${top(minus(withFiles.calls, first.calls), 12)}`);
    }
  }
  const naive = naiveSetupCalls(10);
  return {
    title: 'School setup (runSetup): the grade book in a few Sheets API batches, the profile files a phase of their own',
    lines: [
      ...table(
        ['school', 'book calls', 'batchUpdate', 'payload MB', 'modelled s', 're-run calls', 're-run s', 'file calls', 'calls/file', 're-run calls/file', 'files modelled s', 'CPU ms'],
        rows,
      ),
      `Before this part (40 classes, one block call per tab property, profile files included): ${BEFORE.lastTabWriter.toLocaleString('en')} calls, ${BEFORE.lastTabWriterBatchUpdates} batchUpdate (at ${BEFORE.commit}); ${BEFORE.filed.toLocaleString('en')} when issue 14 was filed.`,
      `Naive (one setValue per cell, one Range.protect() per protection), 10 classes: ${naive.calls.toLocaleString('en')} calls for ${naive.cells.toLocaleString('en')} cells.`,
      `Batches: whole classes, at most ${(MAX_BATCH_BYTES / 1e6).toFixed(0)} MB of JSON each (the Sheets API's recommended maximum payload; Google refuses bodies over 10 MB). ` +
        `Modelled: cost-model.ts latencies, each batchUpdate ${LATENCY['Sheets.Spreadsheets.batchUpdate'].ms} ms + ${BATCH_UPDATE_MS_PER_MB.ms / 1000} s per MB (${BATCH_UPDATE_MS_PER_MB.source}); a read of the whole school counted as one get (no published size figure).`,
      ...notes,
    ],
  };
}
