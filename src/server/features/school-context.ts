/**
 * What the guard and the windows feature need on every run — the validated configuration,
 * the entry windows, the admins and each class tab's layout — read once and cached, so the
 * edit trigger, which runs for every keystroke a teacher commits, does not re-read six
 * configuration sheets each time.
 *
 * - configuration and calendar: document cache (10 minutes), dropped whenever a configuration
 *   sheet is edited and re-put by setup and by "Áp dụng lịch";
 * - layouts: document properties written by setup (one getProperties reads them all).
 */
import type { Env } from '../gas/env';
import type { SpreadsheetPort } from '../gas/ports';
import { CLASS_BOOK_HEADER_ROWS, shadowSheetName } from '../workbook/layout';
import type { SchoolConfig } from '../domain/school/model';
import type { EntryWindow } from '../domain/calendar';
import { readConfig } from '../workbook/config';
import { readCalendar } from '../workbook/calendar';
import { readInstallation } from './installation';
import { adminsOf } from './setup/admins';
import { lockAllSince } from '../workbook/lock-all';
import { readChunked, writeChunked } from '../workbook/chunked-property';
import { utf8Bytes } from '../domain/utf8';
import { parseShadowLeaverNote, type LeaverRecord } from '../workbook/leavers';

const CACHE_KEY = 'sodiem.context';
const CACHE_SECONDS = 600;
const LAYOUT_PREFIX = 'sodiem.layout.';

export interface StoredLayout {
  /** Key row of the class grade book and its student codes, top to bottom. */
  keys: string[];
  codes: string[];
  /**
   * Students who left the class (chuyển đi, thôi học, chuyển lớp), their rows last: kept with
   * their scores, never opened for entry, left out of results. Absent when nobody left.
   */
  leavers?: LeaverRecord[];
}

export interface SchoolContext {
  config: SchoolConfig;
  windows: EntryWindow[];
  admins: string[];
  /** "Khóa toàn bộ ngay" in force since (Vietnamese time text), or null: the guard reverts every edit. */
  lockedAllSince?: string | null;
}

export type ContextResult = { ok: true; context: SchoolContext } | { ok: false; problems: string[] };

/** Reads configuration and calendar from the sheets (no cache). */
export function readSchoolContext(env: Env): ContextResult {
  // The admin's hourly job runs without a document (no document properties): it is the
  // installing admin itself, so it stands in for the installation record.
  const installation = env.properties.getDocumentProperties()
    ? readInstallation(env)
    : { version: '', admin: env.session.getEffectiveUser().getEmail(), installedAt: '' };
  if (!installation) return { ok: false, problems: ['Sổ Điểm chưa được cài đặt cho tệp này.'] };
  const parsed = readConfig(env);
  if (!parsed.ok) return { ok: false, problems: parsed.errors.map((e) => e.message) };
  const calendar = readCalendar(env, parsed.config);
  if (!calendar.ok) return { ok: false, problems: calendar.errors.map((e) => e.message) };
  const spreadsheet = env.spreadsheetApp.getActiveSpreadsheet();
  const lockedAllSince = spreadsheet ? lockAllSince(spreadsheet) : null;
  return { ok: true, context: { config: parsed.config, windows: calendar.windows, admins: adminsOf(installation, parsed.config), lockedAllSince } };
}

const LAST_GOOD_PREFIX = 'sodiem.context.good.';

/**
 * Remembers a context that was valid: in the cache for the guard's speed, and in document
 * properties as the fallback used when the sheets are being edited into an invalid state —
 * a typo in the calendar must not switch the lock off.
 */
export function cacheSchoolContext(env: Env, context: SchoolContext): void {
  const text = JSON.stringify(context);
  const cache = env.cache.getDocumentCache();
  try {
    // A value over 100 KB cannot be cached; such a school reads its sheets each time.
    if (cache && utf8Bytes(text) < 100_000) cache.put(CACHE_KEY, text, CACHE_SECONDS);
  } catch {
    // The cache is an optimisation only.
  }
  const props = env.properties.getDocumentProperties();
  if (!props) return;
  writeChunked(props, LAST_GOOD_PREFIX, text);
}

function lastGoodContext(env: Env): SchoolContext | null {
  const text = readChunked(env.properties.getDocumentProperties()?.getProperties() ?? {}, LAST_GOOD_PREFIX);
  return text ? (JSON.parse(text) as SchoolContext) : null;
}

export function forgetSchoolContext(env: Env): void {
  env.cache.getDocumentCache()?.remove(CACHE_KEY);
}

/** The cached context, or the sheets read and cached. */
export function loadSchoolContext(env: Env): ContextResult {
  const cached = env.cache.getDocumentCache()?.get(CACHE_KEY);
  if (cached) return { ok: true, context: JSON.parse(cached) as SchoolContext };
  const fresh = readSchoolContext(env);
  if (fresh.ok) {
    cacheSchoolContext(env, fresh.context);
    return fresh;
  }
  // While the configuration or calendar is being edited into an invalid state, the guard keeps
  // judging by the last valid one rather than letting every edit through.
  const good = lastGoodContext(env);
  return good ? { ok: true, context: good } : fresh;
}

/** Setup records each class tab's layout so later runs find cells without reading the tabs. */
export function storeLayouts(env: Env, layouts: Record<string, StoredLayout>): void {
  const props = env.properties.getDocumentProperties();
  if (!props) return;
  const values: Record<string, string> = {};
  for (const [classCode, layout] of Object.entries(layouts)) values[LAYOUT_PREFIX + classCode] = JSON.stringify(layout);
  // A class that left the configuration leaves no stale layout behind.
  for (const key of props.getKeys()) if (key.startsWith(LAYOUT_PREFIX) && !(key in values)) props.deleteProperty(key);
  props.setProperties(values);
}

/**
 * The class tabs' layouts: from document properties (one call), or — in the hourly job, which
 * has no document properties — from each class's admin-only shadow tab (key row and codes).
 */
export function readLayouts(env: Env, spreadsheet?: SpreadsheetPort, config?: SchoolConfig): Record<string, StoredLayout> {
  const props = env.properties.getDocumentProperties();
  const out: Record<string, StoredLayout> = {};
  if (props) {
    for (const [key, value] of Object.entries(props.getProperties())) {
      if (key.startsWith(LAYOUT_PREFIX)) out[key.slice(LAYOUT_PREFIX.length)] = JSON.parse(value) as StoredLayout;
    }
    return out;
  }
  for (const cls of config?.classes ?? []) {
    const shadow = spreadsheet?.getSheetByName(shadowSheetName(cls.code));
    if (!shadow) continue;
    const values = shadow.getRange(CLASS_BOOK_HEADER_ROWS, 1, shadow.getMaxRows() - CLASS_BOOK_HEADER_ROWS + 1, shadow.getMaxColumns()).getValues();
    const codeCol = values[0].indexOf('P|CODE');
    if (codeCol < 0) continue;
    const codes = values.slice(1).map((r) => String(r[codeCol])).filter((c) => c !== '');
    // Leavers are marked on their code cell (workbook/leavers.ts): their rows must stay closed.
    const notes = codes.length > 0 ? shadow.getRange(CLASS_BOOK_HEADER_ROWS + 1, codeCol + 1, codes.length, 1).getNotes() : [];
    const leavers = codes.flatMap((code, i) => parseShadowLeaverNote(code, notes[i]?.[0] ?? '') ?? []);
    out[cls.code] = { keys: values[0].map(String).filter((k) => k !== ''), codes, ...(leavers.length > 0 && { leavers }) };
  }
  return out;
}
