/**
 * What the sample school's teachers will enter in a semester: every student's scores, comment
 * marks, conduct and monthly absences. Who is which kind of student is fixed by the student's
 * code (so both semesters agree, whatever the draw); the values are drawn from the seeded
 * generator within that kind's range. The kinds are chosen so the year ends with the cases a
 * school meets: most students complete, titles (many 9s), re-tests, a summer training, a
 * student over 45 absences, and a few books left incomplete.
 */
import type { CellValue } from '../server/gas/ports';

export type Profile = 'excellent' | 'good' | 'fair' | 'average' | 'retest' | 'summer' | 'incomplete' | 'absent';

/** Per class, in the order of the 'Lớp' sheet; the kinds are handed out in an order fixed by the codes. */
const CLASS_PROFILES: readonly Profile[][] = [
  ['excellent', 'excellent', 'good', 'good', 'fair', 'fair', 'fair', 'average', 'average', 'retest', 'incomplete', 'absent'],
  ['excellent', 'good', 'good', 'fair', 'fair', 'fair', 'average', 'average', 'average', 'retest', 'incomplete', 'summer'],
  ['excellent', 'good', 'good', 'fair', 'fair', 'fair', 'fair', 'average', 'average', 'retest', 'retest', 'incomplete'],
];

/** Score range of each kind, in steps of 0,5 as teachers mostly give them. */
const SCORE_RANGE: Record<Profile, [number, number]> = {
  excellent: [9, 10],
  good: [8, 9.5],
  fair: [6.5, 8.5],
  average: [5, 7.5],
  retest: [5.5, 7],
  summer: [5, 7.5],
  incomplete: [6, 8],
  absent: [5, 7],
};

/** A re-test student fails the sample's three retestSubjects (ĐTBmcn under 5, none under 3,5: no adjustment lifts them). */
const WEAK_RANGE: [number, number] = [3.5, 4.5];

/** Conduct choices per semester (one is drawn). */
const TRAINING: Record<Profile, [string[], string[]]> = {
  excellent: [['Tốt'], ['Tốt']],
  good: [['Tốt'], ['Tốt']],
  fair: [['Tốt', 'Khá'], ['Tốt', 'Khá']],
  average: [['Khá', 'Đạt'], ['Khá', 'Đạt']],
  retest: [['Khá'], ['Khá']],
  summer: [['Đạt'], ['Chưa đạt']],
  incomplete: [['Khá'], ['Khá']],
  absent: [['Đạt'], ['Đạt']],
};

/** Sessions missed in a month: [có phép, không phép] choices. */
const ABSENCES: Record<'usual' | 'absent', [number[], number[]]> = {
  usual: [[0, 0, 0, 1, 2], [0, 0, 0, 0, 1]],
  absent: [[3, 4], [2, 3]],
};

/** FNV-1a: a stable order of students that does not depend on the draw. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return h;
}

/** Each student's kind, for the classes in the order of the 'Lớp' sheet. */
export function profilesOf(classes: readonly { code: string; students: readonly string[] }[]): Map<string, Profile> {
  const out = new Map<string, Profile>();
  classes.forEach((cls, i) => {
    const kinds = CLASS_PROFILES[i % CLASS_PROFILES.length];
    const order = [...cls.students].sort((a, b) => hash(a) - hash(b) || a.localeCompare(b));
    order.forEach((code, j) => out.set(code, kinds[j] ?? 'fair'));
  });
  return out;
}

const ENTRY_KEY = /^([SC])\|([^|]+)\|([12])\|(?:TX\d+|GK|CK)$/;
const ATTENDANCE_KEY = /^A\|(\d{4}-\d{2})\|([PK])$/;

/** A student's values for one semester, by column key of the class tab and of the attendance tab. */
export type Marks = Map<string, CellValue>;

export function drawSemester(
  profile: Profile,
  semester: 1 | 2,
  keys: { book: readonly string[]; attendance: readonly string[]; months: readonly string[] },
  rand: () => number,
  /** The incomplete student misses `missingCk`'s end-of-term test of HK II (no make-up yet); a re-taking student fails `retestSubjects`. */
  story: { missingCk: string; retestSubjects: readonly string[] },
): Marks {
  const pick = <T>(choices: readonly T[]): T => choices[Math.floor(rand() * choices.length)];
  const inSteps = ([lo, hi]: [number, number]) => lo + Math.floor(rand() * ((hi - lo) * 2 + 1)) / 2;
  const marks: Marks = new Map();
  for (const key of keys.book) {
    const m = ENTRY_KEY.exec(key);
    if (!m || Number(m[3]) !== semester) continue;
    const [, kind, subject] = m;
    if (profile === 'incomplete' && semester === 2 && subject === story.missingCk && key.endsWith('|CK')) marks.set(key, '');
    else if (kind === 'C') marks.set(key, profile === 'retest' && semester === 2 && subject === 'GDDP' && key.endsWith('|CK') ? 'CĐ' : 'Đ');
    else marks.set(key, inSteps(profile === 'retest' && story.retestSubjects.includes(subject) ? WEAK_RANGE : SCORE_RANGE[profile]));
  }
  marks.set(`R|${semester}|RL`, pick(TRAINING[profile][semester - 1]));
  const [excused, unexcused] = ABSENCES[profile === 'absent' ? 'absent' : 'usual'];
  for (const key of keys.attendance) {
    const m = ATTENDANCE_KEY.exec(key);
    if (m && keys.months.includes(m[1])) marks.set(key, pick(m[2] === 'P' ? excused : unexcused));
  }
  return marks;
}
