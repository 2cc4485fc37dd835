/**
 * The archive's files and its manifest. Each file is written to a temporary name and renamed, then
 * recorded in manifest.json with its SHA-256 and size, and the manifest itself is written the same
 * way: a run killed at any point leaves only complete files in the manifest, so the next run
 * skips exactly those (their bytes must still hash to what the manifest says).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newExcelWorkbook } from '../xlsx/exceljs';
import type { CellValue } from '../sheets-client/client';

export const MANIFEST = 'manifest.json';

export interface ManifestFile {
  name: string;
  sha256: string;
  bytes: number;
  /** The spreadsheet it came from, and for a log archive its part and Số TT span. */
  source: { spreadsheetId: string; part?: number; firstSeq?: number; lastSeq?: number };
  /** Tabs in the file: [name in the workbook, name in the .xlsx] (Excel allows 31 characters). */
  tabs?: [string, string][];
}

export interface Manifest {
  v: 1;
  spreadsheetId: string;
  title: string;
  /** When the last run wrote it. */
  at: string;
  files: ManifestFile[];
  /** What the checks found, once the whole archive is downloaded. */
  verification?: { ok: boolean; chain: string; firstBrokenRow?: { spreadsheetId: string; row: number; kind: string }; differingCells: number; logConflicts: number };
}

export const sha256File = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

export function readManifest(dir: string, spreadsheetId: string, title: string): Manifest {
  const path = join(dir, MANIFEST);
  const fresh: Manifest = { v: 1, spreadsheetId, title, at: '', files: [] };
  if (!existsSync(path)) return fresh;
  const m = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  return m.v === 1 && m.spreadsheetId === spreadsheetId && Array.isArray(m.files) ? { ...m, title } : fresh;
}

export function writeAtomically(path: string, bytes: string | Buffer): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, path);
}

export function saveManifest(dir: string, manifest: Manifest): void {
  writeAtomically(join(dir, MANIFEST), `${JSON.stringify(manifest, null, 1)}\n`);
}

/** The manifest's record of `name` when the file on disk is still exactly it; else null (download again). */
export function completeFile(dir: string, manifest: Manifest, name: string): ManifestFile | null {
  const f = manifest.files.find((x) => x.name === name);
  const path = join(dir, name);
  if (!f || !existsSync(path) || statSync(path).size !== f.bytes) return null;
  return sha256File(path) === f.sha256 ? f : null;
}

export function record(dir: string, manifest: Manifest, entry: Omit<ManifestFile, 'sha256' | 'bytes'>): ManifestFile {
  const path = join(dir, entry.name);
  const file: ManifestFile = { ...entry, sha256: sha256File(path), bytes: statSync(path).size };
  manifest.files = [...manifest.files.filter((f) => f.name !== entry.name), file];
  saveManifest(dir, manifest);
  return file;
}

/** An Excel sheet name for a tab: at most 31 characters, none of []:*?/\, unique in the file. */
function sheetNames(tabs: readonly string[]): [string, string][] {
  const used = new Set<string>();
  return tabs.map((tab) => {
    const base = tab.replace(/[[\]:*?/\\]/g, '_').slice(0, 31);
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)}~${n}`;
    used.add(name.toLowerCase());
    return [tab, name];
  });
}

/** Tabs (name → rows as the API gave them) as one .xlsx, written atomically; returns the tab ↔ sheet names. */
export async function writeTabsXlsx(path: string, tabs: ReadonlyMap<string, readonly CellValue[][]>): Promise<[string, string][]> {
  const wb = newExcelWorkbook();
  const names = sheetNames([...tabs.keys()]);
  for (const [tab, sheet] of names) {
    const ws = wb.addWorksheet(sheet);
    for (const row of tabs.get(tab)!) ws.addRow([...row]);
  }
  writeAtomically(path, Buffer.from(await wb.xlsx.writeBuffer()));
  return names;
}

/** The tabs of a file written by writeTabsXlsx, by their workbook names. */
export async function readTabsXlsx(path: string, names: readonly [string, string][]): Promise<Map<string, CellValue[][]>> {
  const wb = newExcelWorkbook();
  await wb.xlsx.readFile(path);
  const out = new Map<string, CellValue[][]>();
  for (const [tab, sheet] of names) {
    const ws = wb.getWorksheet(sheet);
    const rows: CellValue[][] = [];
    ws?.eachRow({ includeEmpty: true }, (row, n) => {
      const values = (row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : (v as CellValue)));
      rows[n - 1] = values;
    });
    out.set(tab, Array.from({ length: rows.length }, (_, i) => rows[i] ?? []));
  }
  return out;
}
