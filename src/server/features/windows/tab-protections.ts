/**
 * Who may type where: each tab is protected for the admins, its open entry ranges are holes
 * in that protection, and each hole has a range protection naming the people who type there
 * (a hole alone would be open to every editor of the file).
 */
import type { GridRange } from '../../workbook/layout';
import type { OpenRange } from '../../workbook/entry-ranges';

/** A protection by sheet name; sheet ids are known only once the tabs exist. */
export interface SheetProtection {
  sheetName: string;
  range: GridRange | null;
  key: string;
  editors: string[];
  unprotected?: GridRange[];
}

export type EditorsOf = (editor: OpenRange['editor'], subjectCode?: string) => string[];

export function tabProtections(sheetName: string, open: OpenRange[], admins: string[], editorsOf: EditorsOf): SheetProtection[] {
  return [
    { sheetName, range: null, key: sheetName, editors: admins, unprotected: open.map((o) => o.range) },
    ...open.map((o) => ({
      sheetName,
      range: o.range,
      key: `${sheetName} · ${o.label}`,
      editors: [...(o.editors ?? editorsOf(o.editor, o.subjectCode)), ...admins],
    })),
  ];
}
