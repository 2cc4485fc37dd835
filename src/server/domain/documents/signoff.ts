/**
 * The sign-off chain of a class print pack ("ký xác nhận"): each subject teacher confirms their
 * subject's page, the homeroom teacher the class summary, the board approves the whole pack. A
 * confirmation is a log row naming the document, the SHA-256 of the exact PDF that was printed,
 * and the SHA-256 of the scores the page shows. Pure: export, the admin's run and the status all
 * compute the scores' digest here, so they agree on what "the same scores" means.
 */
import { sha256Hex } from '../audit/sha256';
import { identityKey, type CellIdentity, type Replay } from '../audit/replay';
import type { AuditEntry } from '../audit/entry';

export type PackPeriod = 'hk1' | 'hk2' | 'year';
/** A subject code (its page), 'class' (the summary page) or 'pack' (the whole pack, the board's approval). */
export type PackPage = string;
export const CLASS_PAGE = 'class';
export const WHOLE_PACK = 'pack';

/** A book cell a page shows, as the book (its shadow) holds it. */
export interface PageCell extends CellIdentity {
  /** The column's key in the book ("S|TOAN|1|GK"): stable when columns move. */
  key: string;
  /** A1 in the class tab, for the message naming it. */
  a1: string;
  /** Log form: "6.5", '' when empty. */
  value: string;
  /** An average or total: not logged (computed from the others), so not named by the replay. */
  derived: boolean;
}

/** Lower-case hex SHA-256 over (student code, column key, value) of the cells, in a fixed order. */
export function scoresDigest(cells: readonly Pick<PageCell, 'studentCode' | 'key' | 'value'>[]): string {
  const rows = cells.map((c) => [c.studentCode, c.key, c.value]);
  rows.sort((a, b) => (a[0] + '\u0000' + a[1] < b[0] + '\u0000' + b[1] ? -1 : 1));
  return sha256Hex(JSON.stringify(rows));
}

/** What a sign-off row says, read back from the log. */
export interface SignOff {
  seq: number;
  time: string;
  actor: string;
  classCode: string;
  period: PackPeriod;
  page: PackPage;
  documentSha256: string;
  scoresSha256: string;
}

/** The document a row names, in its `reference`: "6A|hk1|TOAN", "6A|hk1|class", "6A|hk1|pack". */
export const documentRef = (classCode: string, period: PackPeriod, page: PackPage) => `${classCode}|${period}|${page}`;
/** The two digests, in the row's `newValue`. */
export const signOffValue = (documentSha256: string, scoresSha256: string) => `pdf=${documentSha256} điểm=${scoresSha256}`;

const VALUE = /^pdf=([0-9a-f]{64}) điểm=([0-9a-f]{64})$/;

export function parseSignOff(e: AuditEntry): SignOff | null {
  if (e.outcome !== 'signoff') return null;
  const [classCode, period, page, ...rest] = e.reference.split('|');
  const value = VALUE.exec(e.newValue);
  if (!value || rest.length > 0 || !page || !['hk1', 'hk2', 'year'].includes(period)) return null;
  return { seq: e.seq, time: e.time, actor: e.actor, classCode, period: period as PackPeriod, page, documentSha256: value[1], scoresSha256: value[2] };
}

/** The latest sign-off of each page of a class's pack for the period (a later one replaces an earlier one). */
export function latestSignOffs(entries: Iterable<AuditEntry>, classCode: string, period: PackPeriod): Map<PackPage, SignOff> {
  const latest = new Map<PackPage, SignOff>();
  for (const e of entries) {
    const s = parseSignOff(e);
    if (s && s.classCode === classCode && s.period === period) latest.set(s.page, s);
  }
  return latest;
}

/** A cell of a signed page whose value is not the one it had when it was signed. */
export interface ChangedCell {
  a1: string;
  studentCode: string;
  column: string;
  before: string;
  now: string;
}

/**
 * The page's cells whose current value differs from what the log had accepted when the page was
 * signed (`before`: the replay of the rows before the sign-off). Only cells the log knows (`all`:
 * the replay of the whole log) are named: a value no row ever set is the replay verification's
 * finding (Kiểm tra nhật ký), and a book filled behind the log would otherwise name every cell.
 * Derived cells are left out: they changed because one of these did.
 */
export function changedSince(before: Replay, all: Replay, cells: readonly PageCell[]): ChangedCell[] {
  return cells
    .filter((c) => !c.derived && all.cells.has(identityKey(c)))
    .map((c) => ({ c, was: before.cells.get(identityKey(c))?.value ?? '' }))
    .filter(({ c, was }) => was !== c.value)
    .map(({ c, was }) => ({ a1: c.a1, studentCode: c.studentCode, column: c.column, before: was, now: c.value }));
}

/** What a person asked to sign: a page (a subject's, or the class's without one) of one exported print. */
export interface SignOffRequest {
  classCode: string;
  period: PackPeriod;
  subjectCode?: string;
  documentSha256: string;
}
