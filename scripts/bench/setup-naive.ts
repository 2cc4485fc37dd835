/**
 * The naive setup the design rules out, for comparison only: the same tabs written one
 * setValue per cell, and every protection made with Range.protect() and its editors set one
 * call at a time. Counts calls on a real (local) run of the same school.
 */
import { planClass } from '../../src/server/features/setup/plan-class';
import { adminsOf } from '../../src/server/features/setup/admins';
import { schoolProtections } from '../../src/server/features/windows/protection-plan';
import { readInstallation } from '../../src/server/features/installation';
import { readConfig } from '../../src/server/workbook/config';
import { dateCellMaker } from '../../src/server/workbook/date-cells';
import type { Student } from '../../src/server/domain/school/model';
import { measure } from './measure';
import { schoolOf, schoolRuntime } from './setup';

export function naiveSetupCalls(classCount: number): { calls: number; cells: number; cpuMs: number } {
  const { runtime, env } = schoolRuntime(classCount);
  const parsed = readConfig(env);
  if (!parsed.ok) throw new Error('bench config invalid');
  const config = parsed.config;
  const admins = adminsOf(readInstallation(env)!, config);
  const { roster } = schoolOf(classCount);
  const students: Student[] = roster.slice(1).map((r) => {
    const [d, m, y] = String(r[2]).split('/');
    return { code: String(r[0]), name: String(r[1]), birthDate: `${y}-${m}-${d}`, sex: r[3] === 'Nữ' ? 'Nữ' : 'Nam', classCode: String(r[4]), ethnicity: '', birthPlace: '', personalId: null };
  });
  const dateCell = dateCellMaker(env, 'Asia/Ho_Chi_Minh', new Date('2026-09-07T12:00:00Z'));
  const ss = env.spreadsheetApp.getActiveSpreadsheet();
  let cells = 0;
  runtime.calls.reset();
  const m = measure(() => {
    for (const cls of config.classes) {
      const plan = planClass(cls, students.filter((s) => s.classCode === cls.code), { config, dateCell, previous: () => undefined });
      const protections = schoolProtections({ ...config, classes: [cls] }, admins, admins, new Map([[cls.code, plan.layouts]]), () => () => true).filter((p) => p.sheetName.startsWith(cls.code));
      for (const tab of plan.tabs) {
        const sheet = ss.insertSheet(tab.name);
        const rows = tab.values.length;
        const cols = tab.values[0].length;
        if (sheet.getMaxColumns() < cols) sheet.insertColumnsAfter(sheet.getMaxColumns(), cols - sheet.getMaxColumns());
        for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) sheet.getRange(r + 1, c + 1).setValue(tab.values[r][c]);
        cells += rows * cols;
      }
      for (const p of protections) {
        const sheet = ss.getSheetByName(p.sheetName)!;
        const protection = p.range ? sheet.getRange(p.range.row, p.range.col, p.range.numRows, p.range.numCols).protect() : sheet.protect();
        protection.setDescription(p.key);
        protection.removeEditors(protection.getEditors().map((u) => u.getEmail()));
        for (const e of p.editors) protection.addEditor(e);
      }
    }
  });
  return { calls: runtime.calls.count(), cells, cpuMs: m.cpuMs };
}
