/**
 * The class profile files (src/server/workbook/profile-files.ts) on disk for the CLI: they are
 * spreadsheets of their own, so a command that loads a saved workbook loads them too from the
 * folder beside it ("ly-lich/"), and saves them back there — else the profiles would be lost
 * with the process. Each keeps its spreadsheet id (in the file's metadata), which the workbook's
 * document properties name.
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { WorkbookData } from './sheets/model';
import type { LocalRuntime } from './runtime';
import { loadWorkbookXlsx, saveWorkbookXlsx } from './xlsx';

const KEY = 'sodiem.profileFiles';
export const PROFILE_DIR = 'ly-lich';

/** The profile files' ids the workbook names. */
function idsOf(workbook: WorkbookData): string[] {
  try {
    return Object.values(JSON.parse(workbook.documentProperties[KEY] ?? '{}') as Record<string, string>);
  } catch {
    return [];
  }
}

/** Loads every profile file saved beside `workbookPath` into the runtime (with their owners and editors). */
export async function loadProfileFiles(runtime: LocalRuntime, workbookPath: string): Promise<number> {
  const dir = join(dirname(workbookPath), PROFILE_DIR);
  if (!existsSync(dir)) return 0;
  let n = 0;
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.xlsx'))) {
    const data = await loadWorkbookXlsx(join(dir, name));
    for (const email of [data.owner, ...data.editors, ...data.viewers]) runtime.addUser(email);
    runtime.spreadsheets.add(data);
    n++;
  }
  return n;
}

/** Saves the workbook's profile files into "ly-lich/" beside `workbookPath`; their paths. */
export async function saveProfileFiles(runtime: LocalRuntime, workbook: WorkbookData, workbookPath: string): Promise<string[]> {
  const dir = join(dirname(workbookPath), PROFILE_DIR);
  const saved: string[] = [];
  for (const id of idsOf(workbook)) {
    const data = runtime.spreadsheets.get(id);
    if (!data) continue;
    mkdirSync(dir, { recursive: true });
    const path = join(dir, `${data.name}.xlsx`);
    await saveWorkbookXlsx(data, path);
    saved.push(path);
  }
  return saved;
}
