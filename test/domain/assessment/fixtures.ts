/** Builders for engine inputs in tests: a subject whose every score is v has ĐTBmhk = ĐTBmcn = v. */
import type { ClassifiedSubject, CommentSubjectInput, Mark, ScoreEntry, ScoredSemester, ScoredSubjectInput, StudentInput, SubjectInput } from '../../../src/server/domain/assessment';

export const score = (value: number): ScoreEntry => ({ status: 'score', tenths: Math.round(value * 10) });
export const pending: ScoreEntry = { status: 'pending' };

export function semester(tx: number[], gk: number, ck: number): ScoredSemester {
  return { tx: tx.map(score), periodic: [score(gk)], endOfTerm: score(ck) };
}

/** A scored subject with every assessment equal to value (so every average is value). */
export function flatScored(code: string, value: number, txCount = 2): ScoredSubjectInput {
  const sem = semester(Array(txCount).fill(value), value, value);
  return { code, kind: 'score', requiredTx: txCount, hk1: sem, hk2: sem };
}

export function flatComment(code: string, hk2: Mark = 'Đ', hk1: Mark = 'Đ'): CommentSubjectInput {
  const sem = (m: Mark) => ({ tx: [{ status: 'mark', mark: m }, { status: 'mark', mark: m }] as const, midTerm: { status: 'mark', mark: m } as const, endOfTerm: { status: 'mark', mark: m } as const });
  return { code, kind: 'comment', requiredTx: 2, hk1: { ...sem(hk1), tx: [...sem(hk1).tx] }, hk2: { ...sem(hk2), tx: [...sem(hk2).tx] } };
}

/** Base list A of §5.3 (THCS, 8 scored subjects). */
export const LIST_A: Record<string, number> = { TOAN: 8.5, VAN: 8.0, NN1: 9.0, GDCD: 8.2, LSDL: 8.0, KHTN: 8.1, CN: 7.0, TIN: 6.8 };
export const THCS_COMMENTS = ['GDTC', 'AN', 'MT', 'HDTN', 'GDDP'];

export function classified(scores: Record<string, number>, comments: Record<string, Mark> = {}): ClassifiedSubject[] {
  return [
    ...Object.entries(scores).map(([code, v]) => ({ code, name: code, value: { kind: 'score', tenths: Math.round(v * 10) } as const })),
    ...THCS_COMMENTS.map((code) => ({ code, name: code, value: { kind: 'mark', mark: comments[code] ?? 'Đ' } as const })),
  ];
}

export function student(scores: Record<string, number>, options: Partial<StudentInput> & { comments?: Record<string, Mark> } = {}): StudentInput {
  const { comments = {}, ...rest } = options;
  const subjects: SubjectInput[] = [
    ...Object.entries(scores).map(([code, v]) => flatScored(code, v)),
    ...THCS_COMMENTS.map((code) => flatComment(code, comments[code] ?? 'Đ', comments[code] ?? 'Đ')),
  ];
  return { id: 'HS001', grade: 7, regime: 'TT22', subjects, training: { hk1: 'Tốt', hk2: 'Tốt' }, absences: 0, ...rest };
}
