/**
 * Where the record of each class's tabs lives (document properties, one per class, written by
 * setup and by every repair) and how the workbook's tabs are read for the comparison: one
 * Sheets API get for every tab's id, name, visibility and size.
 */
import type { Env } from '../gas/env';
import type { PropertiesPort } from '../gas/ports';
import { CLASS_TABS, type ActualTab, type ClassStructure, type TabRecord } from '../domain/structure/check';
import { ATTENDANCE_TAB, attendanceSheetName, classBookSheetName, shadowSheetName, SUMMER_TAB } from './layout';
import type { TabShape } from './tab-writer';

const PREFIX = 'sodiem.structure.';

const tabNames = (classCode: string): Record<(typeof CLASS_TABS)[number], string> => ({
  book: classBookSheetName(classCode),
  shadow: shadowSheetName(classCode),
  attendance: attendanceSheetName(classCode),
  attendanceShadow: ATTENDANCE_TAB.shadowName(classCode),
  summer: SUMMER_TAB.sheetName(classCode),
  summerShadow: SUMMER_TAB.shadowName(classCode),
});

/** The record of each class from the shapes setup just wrote. */
export function structuresOf(classCodes: readonly string[], shapes: readonly TabShape[]): Record<string, ClassStructure> {
  const byName = new Map(shapes.map((s) => [s.name, s]));
  const out: Record<string, ClassStructure> = {};
  for (const code of classCodes) {
    const names = tabNames(code);
    const tabs = CLASS_TABS.map((t) => byName.get(names[t]));
    if (tabs.some((t) => !t)) continue;
    out[code] = Object.fromEntries(CLASS_TABS.map((t, i) => [t, { ...tabs[i]! } as TabRecord])) as ClassStructure;
  }
  return out;
}

/** Replaces the records (a full setup), or only those given (`merge`, a repair). */
export function storeStructures(env: Env, records: Record<string, ClassStructure>, merge: boolean): void {
  const props = env.properties.getDocumentProperties();
  if (!props) return;
  const values = Object.fromEntries(Object.entries(records).map(([code, r]) => [PREFIX + code, JSON.stringify(r)]));
  if (!merge) for (const key of props.getKeys()) if (key.startsWith(PREFIX) && !(key in values)) props.deleteProperty(key);
  props.setProperties(values);
}

/** The records, from all properties already read (the guard reads them in one call). */
export function structuresFrom(all: Record<string, string>): Record<string, ClassStructure> {
  const out: Record<string, ClassStructure> = {};
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(PREFIX)) continue;
    try {
      out[key.slice(PREFIX.length)] = JSON.parse(value) as ClassStructure;
    } catch {
      // A defaced record checks nothing; setup writes it again.
    }
  }
  return out;
}

export function readStructures(props: PropertiesPort): Record<string, ClassStructure> {
  return structuresFrom(props.getProperties());
}

/** Every tab of the workbook: one call. */
export function readTabs(env: Env, spreadsheetId: string): ActualTab[] {
  const api = env.sheetsApi.Spreadsheets;
  if (!api) return [];
  const got = api.get(spreadsheetId, { fields: 'sheets.properties(sheetId,title,hidden,gridProperties(rowCount,columnCount))' });
  return (got.sheets ?? []).map((s) => ({
    id: s.properties?.sheetId ?? 0,
    name: s.properties?.title ?? '',
    hidden: s.properties?.hidden === true,
    rows: s.properties?.gridProperties?.rowCount ?? 0,
    cols: s.properties?.gridProperties?.columnCount ?? 0,
  }));
}
