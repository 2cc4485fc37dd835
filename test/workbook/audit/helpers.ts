/** A school workbook in the local runtime, and audit rows to log into it. */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { LocalRuntime } from '../../../src/local/runtime';
import type { AuditInput } from '../../../src/server/workbook/audit';

export const ADMIN = 'qtht@truong.edu.vn';
export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export function setup() {
  const rt = new LocalRuntime({ driveRoot: join(process.cwd(), 'out/test-drive/audit'), start: new Date('2026-09-15T01:03:12Z') });
  rt.addUser(ADMIN);
  const id = rt.as(ADMIN).createSpreadsheet('Sổ điểm 2026-2027');
  const env = rt.envFor(rt.contextFor(ADMIN, id));
  return { rt, id, env, book: () => rt.spreadsheets.get(id)! };
}

export function input(i: number, at: Date): AuditInput {
  return {
    at,
    actor: i % 4 === 3 ? '' : 'gv.an@truong.edu.vn',
    effectiveUser: ADMIN,
    sheet: '6A',
    cell: `E${5 + i}`,
    studentCode: `HS${100 + i}`,
    subjectCode: 'TOAN',
    column: 'HK I · TX2',
    oldValue: i % 2 ? '7' : '',
    newValue: i % 3 ? '8.5' : '10',
    outcome: i % 4 === 3 ? 'unattributed' : i % 5 === 1 ? 'reverted' : 'accepted',
    reason: i % 5 === 1 ? 'Cột HK I · TX2 đã khoá.' : '',
    reference: '',
  };
}

export const inputs = (n: number, at: Date, from = 0) => Array.from({ length: n }, (_, i) => input(from + i, at));
