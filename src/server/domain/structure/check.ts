/**
 * A class's tabs as setup left them, against what the workbook holds now. Board members pass
 * the class tabs' protections and the owner passes everything: a renamed, resized, deleted or
 * un-hidden tab must not switch the guard off, so the admin's onChange trigger and the guard
 * compare the workbook with this record and repair what differs. Pure.
 */

/** The profile tab left the workbook for the class's own file (workbook/profile-files.ts): older records' `profile` is ignored. */
export type ClassTab = 'book' | 'shadow' | 'attendance' | 'attendanceShadow' | 'summer' | 'summerShadow';

export interface TabRecord {
  name: string;
  id: number;
  rows: number;
  cols: number;
}

/** Tabs later versions added are absent from records written before them. */
type AddedLater = 'attendanceShadow' | 'summer' | 'summerShadow';
export type ClassStructure = Record<Exclude<ClassTab, AddedLater>, TabRecord> & Partial<Record<AddedLater, TabRecord>>;

/** One tab of the workbook as the Sheets API describes it. */
export interface ActualTab {
  id: number;
  name: string;
  hidden: boolean;
  rows: number;
  cols: number;
}

export type ProblemKind = 'missing' | 'renamed' | 'resized' | 'shown' | 'hidden';

export interface StructureProblem {
  classCode: string;
  tab: ClassTab;
  kind: ProblemKind;
  expected: TabRecord;
  /** The tab as it is now (absent when it is gone). */
  actual?: ActualTab;
}

export const CLASS_TABS: readonly ClassTab[] = ['book', 'shadow', 'attendance', 'attendanceShadow', 'summer', 'summerShadow'];
export const SHADOW_TABS: ReadonlySet<ClassTab> = new Set<ClassTab>(['shadow', 'attendanceShadow', 'summerShadow']);

/** Every difference, tab by tab; a tab is found by its id, which a rename does not change. */
export function structureProblems(expected: Record<string, ClassStructure>, actual: readonly ActualTab[]): StructureProblem[] {
  const byId = new Map(actual.map((t) => [t.id, t]));
  const problems: StructureProblem[] = [];
  for (const [classCode, tabs] of Object.entries(expected)) {
    for (const tab of CLASS_TABS) {
      const want = tabs[tab];
      if (!want) continue;
      const found = byId.get(want.id);
      const add = (kind: ProblemKind) => problems.push({ classCode, tab, kind, expected: want, ...(found && { actual: found }) });
      if (!found) {
        add('missing');
        continue;
      }
      if (found.name !== want.name) add('renamed');
      if (found.rows !== want.rows || found.cols !== want.cols) add('resized');
      const shouldHide = SHADOW_TABS.has(tab);
      if (found.hidden !== shouldHide) add(shouldHide ? 'shown' : 'hidden');
    }
  }
  return problems;
}

/** Classes whose tabs must be rebuilt (a tab gone or resized); a rename or visibility is put right in place. */
export function classesToRebuild(problems: readonly StructureProblem[]): string[] {
  return [...new Set(problems.filter((p) => p.kind === 'missing' || p.kind === 'resized').map((p) => p.classCode))];
}
