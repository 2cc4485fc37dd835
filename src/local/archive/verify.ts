/**
 * The archive's checks, with the add-on's own code: the chain across the archives and the live
 * sheet (verifyChain, each archive closed by the hash its pointer records, as readLedger does),
 * then the replay of the whole log against every class tab and its shadow (replayLog,
 * readClassBook over the downloaded tabs, compareClass). What the add-on's "Kiểm tra nhật ký"
 * adds and an outside reader cannot: the head in document properties (a cut tail is for the
 * office's checkpoints to see) and the averages computed again (they need the school's
 * configuration through the engine), so derived cells are left out here.
 */
import { parseAuditCells, type AuditEntry } from '../../server/domain/audit';
import { compareClass, leftovers, namesACell, replayLog, type CellMismatch, type LogConflict } from '../../server/domain/audit/replay';
import { REPLAY_TEXT } from '../../server/domain/audit/replay-messages';
import { tabOfLogged } from '../../server/features/verify-book';
import { readClassBook } from '../../server/workbook/book-replay';
import { GUARDED_TABS } from '../../server/workbook/layout';
import type { CellValue as GasCellValue, SpreadsheetPort } from '../../server/gas/ports';
import type { CellValue } from '../sheets-client/client';
import { verifyParts, type BrokenRow, type LogPart } from '../sheets-client/ledger';

export type { LogPart };
import { classesOf } from '../district/results';

export interface ArchiveVerdict {
  ok: boolean;
  chainLine: string;
  firstBroken?: BrokenRow;
  mismatches: CellMismatch[];
  conflicts: LogConflict[];
  lines: string[];
}

/** Just enough of a spreadsheet for readClassBook: each tab's values. */
function tabsAsSpreadsheet(tabs: ReadonlyMap<string, readonly CellValue[][]>): SpreadsheetPort {
  const sheet = (values: readonly CellValue[][]) => ({ getDataRange: () => ({ getValues: () => values.map((r) => [...r]) as GasCellValue[][] }) });
  return { getSheetByName: (name: string) => (tabs.has(name) ? sheet(tabs.get(name)!) : null) } as unknown as SpreadsheetPort;
}

export function verifyArchive(parts: readonly LogPart[], tabs: ReadonlyMap<string, readonly CellValue[][]>): ArchiveVerdict {
  const chain = verifyParts(parts);
  const entries: AuditEntry[] = [];
  for (const part of parts) {
    for (const row of part.rows) {
      const parsed = parseAuditCells(row.cells);
      if (parsed.kind === 'entry') entries.push(parsed.entry);
    }
  }
  const replay = replayLog(entries, (id) => tabOfLogged(id.sheet).kind.derivedColumns.has(id.column));
  const codes = new Set(classesOf(tabs.get('Lớp') ?? []).map((c) => c.code));
  for (const e of entries) if (namesACell(e)) codes.add(tabOfLogged(e.sheet).code);
  const spreadsheet = tabsAsSpreadsheet(tabs);
  const seen = new Set<string>();
  const mismatches: CellMismatch[] = [];
  const pending: CellMismatch[] = [];
  const studentsOf = new Map<string, ReadonlySet<string>>();
  let cellsChecked = 0;
  let classes = 0;
  for (const code of codes) {
    for (const kind of GUARDED_TABS) {
      const { reading, status } = readClassBook(spreadsheet, code, kind);
      if (status === 'no-book') continue;
      classes += kind === GUARDED_TABS[0] ? 1 : 0;
      mismatches.push(...compareClass(replay, reading, seen, pending));
      cellsChecked += reading.cells.length;
      studentsOf.set(reading.sheet, new Set(reading.students));
    }
  }
  const rest = leftovers(replay, seen, studentsOf);
  const subject = (code: string) => code;
  const lines = [chain.line];
  if (mismatches.length === 0 && replay.conflicts.length === 0) lines.push(REPLAY_TEXT.clean(cellsChecked, classes));
  if (mismatches.length > 0) lines.push(REPLAY_TEXT.mismatches(mismatches.length), ...mismatches.map((m) => REPLAY_TEXT.mismatch(m, subject)));
  if (replay.conflicts.length > 0) lines.push(REPLAY_TEXT.conflicts(replay.conflicts.length, replay.conflicts[0].seq), ...replay.conflicts.map((c) => REPLAY_TEXT.conflict(c, subject)));
  if (pending.length > 0) lines.push(REPLAY_TEXT.pendingCount(pending.length), ...pending.map((m) => REPLAY_TEXT.pending(m, subject)));
  if (rest.unread.length > 0) lines.push(REPLAY_TEXT.unread(rest.unread.length, [...new Set(rest.unread.map((u) => u.sheet))].join(', ')));
  if (rest.departed.length > 0) lines.push(REPLAY_TEXT.departed(rest.departed, 5));
  const ok = chain.firstBroken === undefined && mismatches.length === 0 && replay.conflicts.length === 0;
  return { ok, chainLine: chain.line, ...(chain.firstBroken && { firstBroken: chain.firstBroken }), mismatches, conflicts: replay.conflicts, lines };
}
