/**
 * What a roster import does to the current roster. An import file lists the students in class
 * now; a student of the current roster missing from it (or listed in another class) is not
 * deleted but leaves: their row stays with a status and a date, so setup keeps their row and
 * scores. Leavers already recorded stay until the end of the year; one listed again comes back.
 * Pure: the caller shows `leaving` and writes `roster` only once the admin confirmed.
 */
import type { Student, StudentLeave } from '../school/model';

/** A current student who leaves a class with this import. */
export interface Departure {
  /** The row as it will be kept: the current row with its new status and date. */
  student: Student;
  /** For "chuyển lớp": the class they are in now. */
  toClass: string | null;
}

export interface RosterChange {
  /** The new master roster: the file's rows in order, then the kept leavers. */
  roster: Student[];
  /** Students who leave a class with this import (to be confirmed). */
  leaving: Departure[];
  /** Leavers listed in class again: their status is cleared, their row and scores were kept. */
  returning: Student[];
}

const rowKey = (s: Pick<Student, 'code' | 'classCode'>) => `${s.code}\u0000${s.classCode}`;

/** The class where a student is in class now (no status), if any. */
export function activeClassOf(roster: readonly Student[], code: string): string | null {
  return roster.find((s) => s.code === code && !s.leave)?.classCode ?? null;
}

/**
 * Compares the current roster with an import. `today` (yyyy-mm-dd) dates a departure the file
 * does not date itself (a student missing from the file, or listed in another class).
 */
export function compareRosters(current: readonly Student[], incoming: readonly Student[], today: string): RosterChange {
  const now = new Map(current.map((s) => [rowKey(s), s]));
  const listed = new Set(incoming.map(rowKey));
  const leaving: Departure[] = [];
  const returning: Student[] = [];

  for (const row of incoming) {
    const before = now.get(rowKey(row));
    if (!before) continue;
    if (!before.leave && row.leave) leaving.push({ student: row, toClass: row.leave.status === 'chuyển lớp' ? activeClassOf(incoming, row.code) : null });
    if (before.leave && !row.leave) returning.push(row);
  }
  const kept: Student[] = [];
  for (const row of current) {
    if (listed.has(rowKey(row))) continue;
    if (row.leave) {
      kept.push(row);
      continue;
    }
    const toClass = activeClassOf(incoming, row.code);
    const leave: StudentLeave = { status: toClass ? 'chuyển lớp' : 'chuyển đi', date: today };
    const student = { ...row, leave };
    kept.push(student);
    leaving.push({ student, toClass });
  }
  return { roster: [...incoming, ...kept], leaving, returning };
}
