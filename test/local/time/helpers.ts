import { join } from 'node:path';
import { LocalRuntime, type RuntimeOptions } from '../../../src/local/runtime';
import type { ExecutionContext } from '../../../src/local/core';

export const ADMIN = 'qtht@truong.edu.vn';
export const TEACHER = 'gv.an@truong.edu.vn';
export const CONSUMER = 'thay.binh@gmail.com';

/** A runtime over a small test project, with a workbook the admin owns and the others edit. */
export function timeRuntime(project: Record<string, unknown>, options: RuntimeOptions = {}) {
  const rt = new LocalRuntime({ driveRoot: join(process.cwd(), 'out/test-drive/time'), start: new Date('2026-09-07T01:00:00Z'), ...options });
  rt.loadModule(project);
  for (const u of [ADMIN, TEACHER, CONSUMER]) rt.addUser(u);
  const id = rt.as(ADMIN).createSpreadsheet('Sổ điểm');
  rt.spreadsheets.get(id)!.editors.push(TEACHER, CONSUMER);
  return { rt, id };
}

/** The context of an installable trigger owned by `owner` (no document: a time-driven one). */
export function triggerContext(owner: string, documentId?: string): ExecutionContext {
  return { activeUser: owner, effectiveUser: owner, authMode: 'FULL', triggerUid: '123456789012345678', documentId };
}
