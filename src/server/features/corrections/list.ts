/**
 * Correction requests as the panels show them: a teacher's own (every state), and for the board
 * every request waiting for a decision with the value the book holds now, the value asked, the
 * teacher, the reason and the student's correction history in the subject. Plain JSON.
 */
import type { Env } from '../../gas/env';
import { valueText } from '../../domain/audit/replay';
import { readShadowBook, type BookCell, type ShadowBook } from './book-cells';
import { AccessError, ACCESS_TEXT, caller, isBoard } from '../results/access';
import { readCorrections, type CorrectionRequest } from './store';
import { STATE_LABELS } from './request';

export interface CorrectionView extends BookCell {
  id: string;
  teacher: string;
  teacherName: string;
  oldValue: string;
  newValue: string;
  /** What the book holds now (the board decides on it). */
  currentValue: string;
  reason: string;
  state: CorrectionRequest['state'];
  stateLabel: string;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  witnesses: string[];
  decisionReason: string | null;
  expiresAt: string | null;
  appliedAt: string | null;
  /** The minutes (biên bản sửa điểm) in Drive, once the correction is applied. */
  minutesUrl: string | null;
  /** Earlier corrections applied for this student in this subject (ids). */
  history: string[];
}

function views(env: Env, list: readonly CorrectionRequest[], all: readonly CorrectionRequest[]): CorrectionView[] {
  const c = caller(env);
  const names = new Map(c.context.config.users.map((u) => [u.email, u.name]));
  const subjects = new Map(c.context.config.subjects.map((s) => [s.code, s.name]));
  const spreadsheet = env.spreadsheetApp.getActiveSpreadsheet();
  // One read per class concerned: the shadow gives each student's name and the value the book holds.
  const classes = new Map<string, ShadowBook | null>();
  const read = (code: string) => {
    if (!classes.has(code)) classes.set(code, readShadowBook(spreadsheet, code));
    return classes.get(code) ?? null;
  };
  return list.map((r) => {
    const book = read(r.classCode);
    const row = book?.layout.studentRow(r.studentCode) ?? null;
    const col = book ? book.layout.keys.indexOf(r.key) : -1;
    const line = row !== null && book ? book.values[row - 1] : null;
    const nameCol = book ? book.layout.keys.indexOf('P|NAME') : -1;
    return {
      id: r.id,
      classCode: r.classCode,
      studentCode: r.studentCode,
      studentName: line && nameCol >= 0 ? String(line[nameCol]) : r.studentCode,
      subjectCode: r.subjectCode,
      subjectName: subjects.get(r.subjectCode) ?? r.subjectCode,
      column: r.column,
      teacher: r.teacher,
      teacherName: names.get(r.teacher) ?? r.teacher,
      oldValue: r.oldValue,
      newValue: r.newValue,
      currentValue: line && col >= 0 ? valueText(line[col]) : r.oldValue,
      reason: r.reason,
      state: r.state,
      stateLabel: STATE_LABELS[r.state],
      requestedAt: r.requestedAt,
      decidedBy: r.decidedBy ?? null,
      decidedAt: r.decidedAt ?? null,
      witnesses: r.witnesses ?? [],
      decisionReason: r.decisionReason ?? null,
      expiresAt: r.expiresAt ?? null,
      appliedAt: r.appliedAt ?? null,
      minutesUrl: r.minutesUrl ?? null,
      history: all.filter((x) => x.state === 'applied' && x.id !== r.id && x.classCode === r.classCode && x.studentCode === r.studentCode && x.subjectCode === r.subjectCode).map((x) => x.id),
    };
  });
}

/** The caller's own requests, newest first. */
export function myCorrections(env: Env): CorrectionView[] {
  const c = caller(env);
  const all = readCorrections(env.properties.getDocumentProperties()!);
  return views(env, all.filter((r) => r.teacher === c.email).reverse(), all);
}

/** For the board: requests waiting for a decision, then the others (newest first). */
export function boardCorrections(env: Env): CorrectionView[] {
  const c = caller(env);
  if (!isBoard(c.context, c.email)) throw new AccessError(ACCESS_TEXT.notBoard(c.email));
  const all = readCorrections(env.properties.getDocumentProperties()!);
  const ordered = [...all.filter((r) => r.state === 'requested'), ...all.filter((r) => r.state !== 'requested').reverse()];
  return views(env, ordered, all);
}
