/**
 * Who may type where, from a tab's spec: the tab is protected for the admins, its entry
 * ranges are holes in that protection, and each hole has a range protection naming the
 * people who type there (a hole alone would be open to every editor of the file).
 */
import type { EntryRangeSpec, GridRange, SheetSpec } from '../../workbook/layout';

/** A protection by sheet name; sheet ids are known only once the tabs exist. */
export interface SheetProtection {
  sheetName: string;
  range: GridRange | null;
  key: string;
  editors: string[];
  unprotected?: GridRange[];
}

type EditorsOf = (editor: EntryRangeSpec['editor'], subjectCode?: string) => string[];

function entryKey(sheetName: string, e: EntryRangeSpec): string {
  const who = e.editor === 'homeroom' ? 'GVCN' : e.subjectCode ?? 'GV';
  const semester = e.semester ? ` · HK${e.semester === 1 ? 'I' : 'II'}` : '';
  return `${sheetName} · ${who}${semester} · cột ${e.range.col}`;
}

export function tabProtections(spec: SheetSpec, admins: string[], editorsOf: EditorsOf): SheetProtection[] {
  return [
    { sheetName: spec.sheetName, range: null, key: spec.sheetName, editors: admins, unprotected: spec.entryRanges.map((e) => e.range) },
    ...spec.entryRanges.map((e) => ({
      sheetName: spec.sheetName,
      range: e.range,
      key: entryKey(spec.sheetName, e),
      editors: [...editorsOf(e.editor, e.subjectCode), ...admins],
    })),
  ];
}
