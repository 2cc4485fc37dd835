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
 * that satisfies a level's "every subject" clause (scored floor, or Đạt), all others unchanged.
 * null when that subject already satisfies it (raising it changes nothing).
 */
export function raiseOne(subjects: ClassifiedSubject[], index: number, floor: Tenths): ClassifiedSubject[] | null {
  const value = subjects[index].value;
  if (value.kind === 'score' ? value.tenths >= floor : value.mark === 'Đ') return null;
  const raised: SubjectValue = value.kind === 'score' ? { kind: 'score', tenths: floor } : { kind: 'mark', mark: 'Đ' };
  return subjects.map((s, i) => (i === index ? { ...s, value: raised } : s));
}

export function listNames(subjects: ClassifiedSubject[]): string {
  return subjects.map(describeSubject).join(', ');
}
