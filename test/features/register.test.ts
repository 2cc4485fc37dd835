/**
 * Sổ đăng bộ and a class's roll-call list from the roster, with a transfer: A4 PDFs in Drive whose
 * text lists every student with date of birth and status; the register only for the board and
 * the admins (every student's personal fields), a class's list also for its homeroom teacher.
 */
import { execFileSync } from 'node:child_process';
import { guardedSchool, PRINCIPAL, TOAN_6A, VAN_6A, type GuardWorld } from './guard-world';
import { writeTable } from './school-world';
import { rosterRows, student } from './roster-rows';
import { DriveStore } from '../../src/local/services/drive-store';
import type { ExportResult } from '../../src/server/features/documents/export';
import { REGISTER_TEXT } from '../../src/server/features/documents/register';

const call = <T>(w: GuardWorld, who: string, name: string, input?: unknown): T => w.runtime.as(who).callServer(w.id, name, input === undefined ? [] : [input]) as T;
const textOf = (w: GuardWorld, url: string) => {
  const file = DriveStore.reload(w.runtime.driveRoot).diskPathOf(/\/d\/([^/]+)\//.exec(url)![1]);
  expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:.*\(A4\)/);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
};

test('the register lists every student with their class and status, a transfer included; the roll-call list is the class’s', () => {
  const w = guardedSchool({ students: 3 });
  // HS0002 moved to another school on 15/01/2027: the roster keeps them with their status.
  const rows = rosterRows([student(1, '6A', 2015), student(2, '6A', 2015), student(3, '6A', 2015), student(101, '6B', 2015), student(201, '7A', 2014)]);
  writeTable(w.env(), 'Danh sách học sinh', rows.map((r, i) => [...r, i === 0 ? 'Tình trạng' : i === 2 ? 'Chuyển đi' : '', i === 0 ? 'Từ ngày' : i === 2 ? '15/01/2027' : '']));

  expect(call<ExportResult>(w, TOAN_6A, 'apiExportRegister')).toEqual({ ok: false, message: REGISTER_TEXT.notAllowed(TOAN_6A) });
  const register = call<ExportResult>(w, PRINCIPAL, 'apiExportRegister');
  expect(register.ok).toBe(true);
  const text = textOf(w, register.url!);
  expect(text).toContain('SỔ ĐĂNG BỘ');
  expect(text).toContain('5 học sinh, trong đó 1 học sinh đã rời lớp');
  for (const s of [student(1, '6A', 2015), student(101, '6B', 2015), student(201, '7A', 2014)]) {
    expect(text).toContain(s.name);
    expect(text).toContain(s.birth);
  }
  // The status cell may wrap onto two printed lines.
  expect(text).toMatch(/Chuyển đi từ\s+(?:\S.*\s+)?15\/01\/2027/);

  expect(call<ExportResult>(w, VAN_6A, 'apiExportRollCall', { classCode: '6A' }).message).toBe(REGISTER_TEXT.notAllowedClass(VAN_6A, '6A'));
  const list = call<ExportResult>(w, TOAN_6A, 'apiExportRollCall', { classCode: '6A' }); // 6A's homeroom teacher
  expect(list.ok).toBe(true);
  const listText = textOf(w, list.url!);
  expect(listText).toContain('DANH SÁCH HỌC SINH LỚP 6A');
  expect(listText).toContain('Sĩ số: 2');
  expect(listText).toContain(student(2, '6A', 2015).name);
  expect(listText).not.toContain(student(101, '6B', 2015).name);
}, 60_000);
