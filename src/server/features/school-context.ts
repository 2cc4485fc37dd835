/**
 * What the guard and the windows feature need on every run — the validated configuration,
 * the entry windows, the admins and each class tab's layout — read once and cached, so the
 * edit trigger, which runs for every keystroke a teacher commits, does not re-read six
 * configuration sheets each time.
 *
 * - configuration and calendar: document properties (trusted 10 minutes), dropped whenever a
 *   configuration sheet is edited and re-put by setup and by "Áp dụng lịch";
 * - layouts: document properties written by setup (one getProperties reads them all).
 */
import type { Env } from '../gas/env';
import type { SpreadsheetPort } from '../gas/ports';
import { CLASS_BOOK_HEADER_ROWS, shadowSheetName } from '../workbook/layout';
import type { SchoolConfig } from '../domain/school/model';
import type { EntryWindow } from '../domain/calendar';
import { configTables, parseConfig, SCHOOL_CONFIG_SHEET_NAMES, SHEET_NAMES } from '../workbook/config';
import { parseCalendar } from '../workbook/calendar';
import { readWholeSheets } from '../workbook/grid-read';
import { readInstallation } from './installation';
import { adminsOf } from './setup/admins';
import { DECISIONS_SHEET, lockAllSinceIn } from '../workbook/lock-all';
import { readChunked, writeChunked } from '../workbook/chunked-property';
import { parseShadowLeaverNote, type LeaverRecord } from '../workbook/leavers';

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
  // The configuration, the calendar and the board's decisions in one read.
  const spreadsheet = env.spreadsheetApp.getActiveSpreadsheet();
  const tabs = readWholeSheets(env, spreadsheet.getId(), [...SCHOOL_CONFIG_SHEET_NAMES, SHEET_NAMES.calendar, DECISIONS_SHEET]);
  const parsed = parseConfig(configTables(tabs));
  if (!parsed.ok) return { ok: false, problems: parsed.errors.map((e) => e.message) };
  // A missing sheet is reported by parseCalendar ("thiếu trang ...").
  const calendar = parseCalendar(tabs.get(SHEET_NAMES.calendar), parsed.config);
  if (!calendar.ok) return { ok: false, problems: calendar.errors.map((e) => e.message) };
  const lockedAllSince = lockAllSinceIn((tabs.get(DECISIONS_SHEET) ?? []).slice(1));
  return { ok: true, context: { config: parsed.config, windows: calendar.windows, admins: adminsOf(installation, parsed.config), lockedAllSince } };
}

const LAST_GOOD_PREFIX = 'sodiem.context.good.';
/** When the context kept under LAST_GOOD_PREFIX was read from the sheets (ms); absent once a configuration sheet is edited. */
const READ_AT_KEY = 'sodiem.context.readAt';
/** How long a context read from the sheets is trusted without a configuration edit seen. */
const FRESH_MS = 600_000;

/**
 * Remembers a context that was valid, in document properties: for the guard's speed while it
 * is fresh (the guard reads every document property in one call anyway, so a fresh context costs
 * no call of its own), and afterwards as the fallback used when the sheets are being edited
 * into an invalid state — a typo in the calendar must not switch the lock off. Unchanged text is
 * not written again: only its time.
 */
export function cacheSchoolContext(env: Env, context: SchoolContext): void {
  const props = env.properties.getDocumentProperties();
  if (!props) return;
  const text = JSON.stringify(context);
  const readAt = String(env.clock.now().getTime());
  if (readChunked(props.getProperties(), LAST_GOOD_PREFIX) === text) props.setProperty(READ_AT_KEY, readAt);
  else {
    writeChunked(props, LAST_GOOD_PREFIX, text);
    props.setProperty(READ_AT_KEY, readAt);
  }
}

function lastGoodContext(all: Record<string, string>): SchoolContext | null {
  const text = readChunked(all, LAST_GOOD_PREFIX);
  try {
    return text ? (JSON.parse(text) as SchoolContext) : null;
  } catch {
    return null; // pieces of two writes (another run was rewriting them): the sheets are read instead
  }
}

/** A configuration sheet changed: the next run reads the sheets (the last good context stays as the fallback). */
export function forgetSchoolContext(env: Env): void {
  env.properties.getDocumentProperties()?.deleteProperty(READ_AT_KEY);
}

/** The context read from the sheets less than FRESH_MS ago with no configuration edit since, else the sheets read and kept. */
export function loadSchoolContext(env: Env): ContextResult {
  const all = env.properties.getDocumentProperties()?.getProperties() ?? {};
  const readAt = Number(all[READ_AT_KEY]);
  const age = env.clock.now().getTime() - readAt;
  if (Number.isFinite(readAt) && age >= 0 && age < FRESH_MS) {
    const kept = lastGoodContext(all);
    if (kept) return { ok: true, context: kept };
  }
  const fresh = readSchoolContext(env);
  if (fresh.ok) {
    cacheSchoolContext(env, fresh.context);
    return fresh;
  }
  // While the configuration or calendar is being edited into an invalid state, the guard keeps
  // judging by the last valid one rather than letting every edit through.
  const good = lastGoodContext(all);
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
