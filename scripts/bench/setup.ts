/**
 * Setting up a THCS school of 10, 20 and 40 classes (45 students each, 13 subjects): service
 * calls by kind, calls per tab, CPU and memory — and, beside it, the naive way (one setValue
 * per cell, one Range.protect() per protection) on the same school, for 10 classes.
 */
import type { CellValue } from '../../src/server/gas/ports';
import type { SchoolConfig } from '../../src/server/domain/school/model';
import { installAsAdmin } from '../../src/server/features/installation';
import { ROSTER_SHEET, runSetup } from '../../src/server/features/setup';
import { catalogSubjects, configToSheetRows } from '../../src/server/workbook/config';
import { LocalRuntime } from '../../src/local/runtime';
import { pasteTable } from '../../src/local/paste';
import { measure, table, type BenchSection } from './measure';
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
  return { runtime, env, config };
}

export function benchSetup(): BenchSection {
  const rows: (string | number)[][] = [];
  let breakdown: Record<string, number> = {};
  for (const classes of [10, 20, 40]) {
    const { runtime, env } = schoolRuntime(classes);
    runtime.calls.reset();
    const m = measure(() => runSetup(env));
    if (!m.result.ok) throw new Error(m.result.lines.join('\n'));
    const tabs = classes * 5; // book, shadow, profile, attendance and its shadow
    const total = runtime.calls.count();
    const cells = runtime.spreadsheets.all()[0].sheets.reduce((n, s) => n + s.maxRows * s.maxCols, 0);
    rows.push([`${classes} classes, ${tabs} tabs`, cells, total, (total / tabs).toFixed(1), runtime.calls.count('Sheets.Spreadsheets.batchUpdate'), m.cpuMs.toFixed(0), Math.round(m.heapDeltaKb / 1024)]);
    if (classes === 40) breakdown = runtime.calls.snapshot();
  }
  const naive = naiveSetupCalls(10);
  rows.push(['naive, 10 classes', naive.cells, naive.calls, (naive.calls / 40).toFixed(1), 0, naive.cpuMs.toFixed(0), '—']);
  const top = Object.entries(breakdown).sort((a, b) => b[1] - a[1]).slice(0, 8);
  return {
    title: 'School setup (runSetup): calls grow with tabs, not cells',
    lines: [
      ...table(['school', 'cells', 'service calls', 'calls/tab', 'batchUpdate', 'CPU ms', 'heap Δ MB'], rows),
      `40 classes, most frequent calls: ${top.map(([k, n]) => `${k} ${n}`).join(', ')}`,
    ],
  };
}
