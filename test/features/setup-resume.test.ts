/**
 * Setup survives being killed: the runtime stops the execution at a random service call (as
 * Google does past 6 minutes), the admin simply runs setup again, and the workbook ends exactly
 * as after one uninterrupted run — every class tab's values, notes, formats, validations, size,
 * groups and panes, every protection, and the log. Batches are made small here so a run sends
 * several, one class each, and kills fall between them as well as before and after.
 */
import { join } from 'node:path';
import { gasEnv } from '../../src/server/gas/env';
import { ROSTER_SHEET, runSetup } from '../../src/server/features/setup';
import { AUDIT_SHEET } from '../../src/server/workbook/audit';
import { EXECUTION_TIME_MESSAGE } from '../../src/local/execution-budget';
import type { CellData, WorkbookData } from '../../src/local/sheets/model';
import { thcsConfigTables, THCS_DOMAIN } from '../workbook/config/fixtures';
import { makeSchool, writeTable, type SchoolWorld } from './school-world';
import { rosterRows, student, type RosterStudent } from './roster-rows';
import { fillScores } from './class-scores';
import { readProfileFileIds } from '../../src/server/workbook/profile-files';

const driveRoot = join(process.cwd(), 'out/test-drive/setup-resume');
const SMALL_BATCHES = 40_000;

const first: RosterStudent[] = [
  ...Array.from({ length: 8 }, (_, i) => student(i + 1, '6A', 2015)),
  ...Array.from({ length: 5 }, (_, i) => student(i + 101, '6B', 2015)),
  ...Array.from({ length: 5 }, (_, i) => student(i + 201, '7A', 2014)),
];
// A roster change that moves every class's rows: students leave, arrive and reorder.
const second: RosterStudent[] = [...first.slice(2, 8).reverse(), student(60, '6A', 2015), ...first.slice(9), student(160, '6B', 2015), student(260, '7A', 2014)];

/** Setup as an execution of its own (so the runtime can stop it), the grade book only. */
function world(): SchoolWorld & { setup: () => { ok: boolean; lines: string[] } } {
  const school = makeSchool(thcsConfigTables(), rosterRows(first), THCS_DOMAIN, driveRoot);
  school.runtime.loadModule({ setupBook: () => runSetup(gasEnv(), { profiles: false, maxBatchBytes: SMALL_BATCHES }) });
  const setup = () => school.runtime.execute(school.runtime.contextFor(school.admin, school.id), 'setupBook') as { ok: boolean; lines: string[] };
  return { ...school, setup };
}

/** Fresh (`fresh`) or a built book with scores whose roster then changed. */
function scenario(fresh: boolean) {
  const w = world();
  if (!fresh) {
    expect(w.setup().ok).toBe(true);
    for (const tab of ['6A', '6B', '7A']) fillScores(w, 11, tab);
    writeTable(w.env(), ROSTER_SHEET, rosterRows(second));
  }
  return w;
}

const cellText = (c: CellData | undefined) => {
  if (!c || Object.keys(c).length === 0) return undefined;
  return JSON.stringify(Object.fromEntries(Object.entries(c).sort().map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v])));
};

/** Everything setup writes, by tab name (sheet ids aside), and the log's rows without their times. */
function state(w: SchoolWorld) {
  const wb: WorkbookData = w.runtime.spreadsheets.get(w.id)!;
  const names = new Map(wb.sheets.map((s) => [s.id, s.name]));
  const tabs = wb.sheets.map((s) => ({
    name: s.name,
    size: [s.maxRows, s.maxCols, s.frozenRows, s.frozenCols, s.hidden],
    groups: s.columnGroups,
    widths: s.columnWidths,
    hiddenRows: s.hiddenRows ?? [],
    cells: s.name === AUDIT_SHEET ? [] : s.rows.map((row) => (row ?? []).map(cellText)).map((row) => row.slice(0, row.reduce((n, c, i) => (c ? i + 1 : n), 0))),
  }));
  const protections = wb.protections
    .map((p) => ({ sheet: names.get(p.sheetId), range: p.range && { ...p.range, sheetId: 0 }, description: p.description, editors: [...p.editors].sort(), unprotected: p.unprotected.map((u) => ({ ...u, sheetId: 0 })), warningOnly: p.warningOnly, domainEdit: p.domainEdit }))
    .sort((a, b) => `${a.sheet}${a.description}`.localeCompare(`${b.sheet}${b.description}`));
  const log = w.tab(AUDIT_SHEET).map((r) => r.slice(3).join('|'));
  return { tabs, protections, log };
}

function random(seed: number) {
  let x = seed;
  return (n: number) => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return 1 + (x % n);
  };
}

for (const fresh of [true, false]) {
  test(`${fresh ? 'a first setup' : 'a re-setup after the roster changed'}, killed at random service calls and run again, ends as one uninterrupted run`, () => {
    const reference = scenario(fresh);
    const measured = reference.runtime.calls.measure(() => expect(reference.setup().ok).toBe(true));
    const batches = measured.calls['Sheets.Spreadsheets.batchUpdate'];
    expect(batches).toBeGreaterThanOrEqual(3); // one class a batch, with the record sheets or protections
    const want = state(reference);
    expect(want.tabs.some((t) => t.name === '6A (bản lưu)')).toBe(true);

    const next = random(fresh ? 20261130 : 20261201);
    // Every kill lands on a call of the run: random ones, and the last call before each batch is served.
    const kills = [...Array.from({ length: 5 }, () => next(measured.total)), measured.total];
    for (const at of kills) {
      const w = scenario(fresh);
      w.runtime.executions.stopAtCall(at);
      expect(() => w.setup()).toThrow(EXECUTION_TIME_MESSAGE);
      const again = w.setup();
      expect(again.ok).toBe(true);
      expect(state(w)).toEqual(want);
    }
  }, 300_000);
}

test('killed at its last batch, each class stands either as planned or as it was, never half-written; the next run finishes', () => {
  const w = scenario(false);
  const before = state(w);
  const reference = scenario(false);
  reference.setup();
  const want = state(reference);
  // The call that sends the last batch (7A's), counted on a twin run.
  const twin = scenario(false);
  let calls = 0;
  let lastBatchAt = 0;
  const record = twin.runtime.calls.record.bind(twin.runtime.calls);
  twin.runtime.calls.record = (kind: string) => {
    calls++;
    if (kind === 'Sheets.Spreadsheets.batchUpdate') lastBatchAt = calls;
    record(kind);
  };
  twin.setup();
  w.runtime.executions.stopAtCall(lastBatchAt);
  expect(() => w.setup()).toThrow(EXECUTION_TIME_MESSAGE);
  const half = state(w);
  const tabsOf = (s: typeof want, code: string) => s.tabs.filter((t) => t.name === code || t.name.startsWith(`${code} `));
  const written = ['6A', '6B', '7A'].filter((code) => {
    const now = tabsOf(half, code);
    if (JSON.stringify(now) === JSON.stringify(tabsOf(want, code))) return true;
    expect(now).toEqual(tabsOf(before, code));
    return false;
  });
  expect(written).toEqual(['6A', '6B']);
  expect(w.setup().ok).toBe(true);
  expect(state(w)).toEqual(want);
}, 120_000);

test('the profile files phase, killed at random calls and run again: one file per class, none made twice, each as after one run', () => {
  let n = 0;
  const school = (roster: RosterStudent[]) => {
    const w = makeSchool(thcsConfigTables(), rosterRows(roster), THCS_DOMAIN, join(driveRoot, `files-${n++}`));
    w.runtime.loadModule({ setupAll: () => runSetup(gasEnv()) });
    const setup = () => w.runtime.execute(w.runtime.contextFor(w.admin, w.id), 'setupAll') as { ok: boolean; lines: string[] };
    return { ...w, setup };
  };
  /** The class files: name → the values of each tab, and how many files bear each name. */
  const files = (w: SchoolWorld) => {
    const mine = w.runtime.spreadsheets.all().filter((wb) => wb.id !== w.id);
    const count = new Map<string, number>();
    for (const wb of mine) count.set(wb.name, (count.get(wb.name) ?? 0) + 1);
    const ids = readProfileFileIds(w.env());
    const tabs = Object.fromEntries(
      Object.entries(ids).map(([code, id]) => {
        const wb = w.runtime.spreadsheets.get(id)!;
        return [code, { name: wb.name, tabs: wb.sheets.map((s) => [s.name, s.hidden, s.rows.map((row) => (row ?? []).map((c) => (c?.v instanceof Date ? c.v.toISOString() : c?.v ?? '')))]), protections: wb.protections.map((p) => [p.description, [...p.editors].sort()]) }];
      }),
    );
    return { count: Object.fromEntries(count), tabs };
  };
  const reference = school(first);
  const book = reference.runtime.calls.measure(() => reference.runtime.execute(reference.runtime.contextFor(reference.admin, reference.id), 'setupAll'));
  const want = files(reference);
  expect(Object.values(want.count)).toEqual([1, 1, 1]);
  // The book comes first: its calls are counted by a run without the files.
  const bookOnly = world();
  const bookCalls = bookOnly.runtime.calls.measure(() => bookOnly.setup()).total;
  // A file made but its id not kept yet: the kill falls on the call that keeps it (counted on a twin).
  const twin = school(first);
  const kinds: string[] = [];
  const record = twin.runtime.calls.record.bind(twin.runtime.calls);
  twin.runtime.calls.record = (kind: string) => {
    kinds.push(kind);
    record(kind);
  };
  twin.setup();
  const made = kinds.indexOf('Drive.Files.create', bookCalls);
  const keptAt = kinds.indexOf('Properties.setProperty', made) + 1;
  expect(made).toBeGreaterThan(0);
  const next = random(20261202);
  for (const at of [keptAt, ...Array.from({ length: 4 }, () => bookCalls + next(book.total - bookCalls))]) {
    const w = school(first);
    w.runtime.executions.stopAtCall(at);
    expect(() => w.setup()).toThrow(EXECUTION_TIME_MESSAGE);
    const again = w.setup();
    expect(again.ok ? 'ok' : again.lines.join('\n')).toBe('ok');
    expect(files(w)).toEqual(want);
  }
}, 300_000);
