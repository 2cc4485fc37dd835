/** "Người dùng": Email | Họ và tên | Vai trò | Tổ chuyên môn. */
import * as z from 'zod/mini';
import type { Role, SchoolUser } from '../../domain/school/model';
import { emailCell, requiredText, textCell } from './cells';
import type { IssueList } from './issues';
import { rolesCell } from './roles';
import { parseRow } from './row-schema';
import { headerOf, SHEET_NAMES } from './sheets';
import type { Table } from './table';

export const userRowSchema = z.object({
  email: emailCell('chưa điền email.'),
  name: requiredText('chưa điền họ và tên.'),
  roles: rolesCell,
  department: textCell,
});

/** What other sheets may rely on about a user, even when the user's own row is faulty. */
export interface KnownUser {
  name?: string;
  /** Undefined when the roles cell could not be read (the users sheet already says why). */
  roles?: Role[];
}

export interface ParsedUsers {
  users: SchoolUser[];
  ok: boolean;
  /** Every email seen on a row, for the checks of other sheets; null when the sheet is unreadable. */
  known: Map<string, KnownUser> | null;
}

export function parseUsers(table: Table, issues: IssueList): ParsedUsers {
  if (!table.usable) return { users: [], ok: false, known: null };
  const sheet = SHEET_NAMES.users;
  const users: SchoolUser[] = [];
  const known = new Map<string, KnownUser>();
  const firstRow = new Map<string, number>();
  let ok = true;
  if (table.rows.length === 0) {
    issues.add(sheet, 0, '', 'chưa có người dùng nào.');
    ok = false;
  }
  for (const row of table.rows) {
    const result = parseRow(userRowSchema, 'users', row, issues);
    const { email } = result.data;
    ok &&= result.ok;
    if (email === undefined) continue;
    const seenAt = firstRow.get(email);
    if (seenAt !== undefined) {
      issues.add(sheet, row.row, headerOf('users', 'email'), `"${email}" đã có ở dòng ${seenAt}; mỗi người dùng chỉ ghi trên một dòng (nhiều vai trò thì ghi cách nhau bởi dấu phẩy).`);
      ok = false;
      continue;
    }
    firstRow.set(email, row.row);
    known.set(email, { name: result.data.name, roles: result.data.roles });
    if (result.ok) users.push(result.data);
  }
  return { users, ok, known };
}
