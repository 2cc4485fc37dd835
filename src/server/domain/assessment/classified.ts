/** Shared pieces of the learning classifiers: the subjects of one period and how to describe them. */
import { markName } from './levels';
import { formatTenthsVi, type Tenths } from './tenths';
import type { SubjectValue } from './types';

/** One subject's result for the period being classified (semester or year). */
export interface ClassifiedSubject {
  code: string;
  name: string;
  value: SubjectValue;
}

export interface Classification {
  computed: string;
  level: string;
  reasons: string[];
}

export function describeValue(value: SubjectValue): string {
  return value.kind === 'score' ? formatTenthsVi(value.tenths) : markName(value.mark);
}

export function describeSubject(subject: ClassifiedSubject): string {
  return `${subject.name} (${describeValue(subject.value)})`;
}

export function scoredOf(subjects: ClassifiedSubject[]): Array<ClassifiedSubject & { value: { kind: 'score'; tenths: Tenths } }> {
  return subjects.filter((s): s is ClassifiedSubject & { value: { kind: 'score'; tenths: Tenths } } => s.value.kind === 'score');
}

export function failedComments(subjects: ClassifiedSubject[]): ClassifiedSubject[] {
  return subjects.filter((s) => s.value.kind === 'mark' && s.value.mark === 'CĐ');
}

/**
 * The counterfactual of the single-subject rules: the subject at index raised to the minimum
 * that satisfies a level's "every subject" clause (the scored floor, or Đạt for a comment
 * subject), all others unchanged. The level functions read it in place of that subject's value
 * rather than classifying a copied subject list per candidate.
 */
export interface Raise {
  index: number;
  floor: Tenths;
}

/** Whether raising a subject to the clause changes it, i.e. it is below the floor or Chưa đạt. */
export function belowClause(value: SubjectValue, floor: Tenths): boolean {
  return value.kind === 'score' ? value.tenths < floor : value.mark !== 'Đ';
}

/**
 * The index of the one subject below the clause; -1 when there is none or more than one. Only
 * that subject can be "the single subject": with two below, every counterfactual still has one
 * below the clause and so misses the level (§5.3 cases F and H), whatever the other counts.
 */
export function onlyIndexBelowClause(subjects: ClassifiedSubject[], floor: Tenths): number {
  let found = -1;
  for (let i = 0; i < subjects.length; i++) {
    if (!belowClause(subjects[i].value, floor)) continue;
    if (found >= 0) return -1;
    found = i;
  }
  return found;
}

/** Subject i's score, or the floor when it is the raised one (only subjects below the floor are raised). */
export function tenthsAt(value: { tenths: Tenths }, i: number, raise?: Raise): Tenths {
  return raise !== undefined && raise.index === i ? raise.floor : value.tenths;
}

/** Whether comment subject i is Chưa đạt, counting the raised one as Đạt. */
export function failedAt(value: { mark: string }, i: number, raise?: Raise): boolean {
  return value.mark === 'CĐ' && !(raise !== undefined && raise.index === i);
}

export function listNames(subjects: ClassifiedSubject[]): string {
  return subjects.map(describeSubject).join(', ');
}
