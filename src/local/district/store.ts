/**
 * The office's own store of what it witnessed: a JSON file the office keeps (never the school's).
 * Per school, the checkpoints in the integrity design's held form ({"v":1,"book","by","held"},
 * read back through parseHeld, so a value that does not parse is named and not trusted), the
 * sheet row the latest one was found at (where the next read starts) and the class tabs last
 * seen (so the next read asks for them in the same request).
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { parseHeld, serializeHeld, type HeldCheckpoint } from '../../server/domain/audit';

export interface SchoolRecord {
  name: string;
  held: HeldCheckpoint[];
  /** Sheet row of the latest checkpoint in the live "Nhật ký". */
  row?: number;
  classes?: { code: string; grade: number }[];
}

export interface WitnessStore {
  by: string;
  schools: Map<string, SchoolRecord>;
  /** Records that did not parse: named in the report, replaced by this run's. */
  problems: { spreadsheetId: string; message: string }[];
}

interface StoredSchool {
  name?: string;
  checkpoints?: unknown;
  row?: number;
  classes?: { code: string; grade: number }[];
}

export function readStore(path: string, by: string): WitnessStore {
  const store: WitnessStore = { by, schools: new Map(), problems: [] };
  if (!existsSync(path)) return store;
  const json = JSON.parse(readFileSync(path, 'utf8')) as { v?: number; by?: string; schools?: Record<string, StoredSchool> };
  if (json.v !== 1) throw new Error(`Tệp mốc "${path}" không phải tệp mốc Sổ Điểm phiên bản 1. (Not a version 1 Sổ Điểm witness file.)`);
  for (const [id, s] of Object.entries(json.schools ?? {})) {
    const parsed = parseHeld(JSON.stringify(s.checkpoints ?? null), id);
    if (!parsed.ok) store.problems.push({ spreadsheetId: id, message: parsed.message });
    store.schools.set(id, {
      name: s.name ?? id,
      held: parsed.ok ? parsed.value : [],
      ...(parsed.ok && typeof s.row === 'number' && { row: s.row }),
      ...(Array.isArray(s.classes) && { classes: s.classes }),
    });
  }
  return store;
}

/** Written whole to a new file, then renamed over the old one: a run killed midway leaves the old store. */
export function writeStore(path: string, store: WitnessStore): void {
  const schools: Record<string, StoredSchool> = {};
  for (const [id, s] of [...store.schools].sort(([a], [b]) => a.localeCompare(b))) {
    schools[id] = { name: s.name, checkpoints: JSON.parse(serializeHeld(id, store.by, s.held)), ...(s.row !== undefined && { row: s.row }), ...(s.classes && { classes: s.classes }) };
  }
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify({ v: 1, by: store.by, schools }, null, 1)}\n`);
  renameSync(tmp, path);
}
