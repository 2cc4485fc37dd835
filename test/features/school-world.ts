/**
 * A school in the local runtime for setup tests: an admin-owned spreadsheet with Sổ Điểm
 * installed, the configuration sheets filled from the config fixtures and a roster sheet.
 */
import { join } from 'node:path';
import type { CellValue } from '../../src/server/gas/ports';
import type { Env } from '../../src/server/gas/env';
import { installAsAdmin } from '../../src/server/features/installation';
import { ROSTER_SHEET } from '../../src/server/features/setup';
import { LocalRuntime } from '../../src/local/runtime';
import { pasteTable } from '../../src/local/paste';

export interface SchoolWorld {
  runtime: LocalRuntime;
  id: string;
  admin: string;
  env(email?: string): Env;
  tab(name: string): CellValue[][];
}

/** The admin writes a whole table into a tab (clearing it first). */
export const writeTable = pasteTable;

/** `driveRoot`: a Drive of the test's own when it saves files (parallel workers must not share one). */
export function makeSchool(tables: Record<string, CellValue[][]>, roster: CellValue[][], domain: string, driveRoot = join(process.cwd(), 'out/test-drive/setup')): SchoolWorld {
  const runtime = new LocalRuntime({ driveRoot, start: new Date('2026-08-20T02:00:00Z') });
  const admin = `quantri@${domain}`;
  for (const row of tables['Người dùng'].slice(1)) runtime.addUser(String(row[0]));
  runtime.addUser(admin);
  const id = runtime.as(admin).createSpreadsheet('Sổ điểm 2026-2027');
  const book = runtime.spreadsheets.get(id)!;
  book.editors = tables['Người dùng'].slice(1).map((r) => String(r[0]).toLowerCase()).filter((e) => e !== admin);
  const env = (email = admin) => runtime.envFor(runtime.contextFor(email, id));
  installAsAdmin(env());
  for (const [name, rows] of Object.entries(tables)) writeTable(env(), name, rows);
  writeTable(env(), ROSTER_SHEET, roster);
  const tab = (name: string) => env().spreadsheetApp.getActiveSpreadsheet().getSheetByName(name)!.getDataRange().getValues();
  return { runtime, id, admin, env, tab };
}
