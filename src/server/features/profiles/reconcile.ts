/**
 * Profile edits into the school log. The homeroom teacher types in the class's profile file, which
 * the admin's edit trigger does not watch (an add-on may hold only 20 triggers per user, fewer than
 * a school's classes), so an admin's run compares the file's tab with its hidden admin-only copy
 * (sync.ts) and logs every field that differs as "Sửa lý lịch": the student, the field, and the
 * old and new values as keyed hashes — never the values, since every teacher reads the log. The
 * key is the workbook's own, in its document properties (no teacher's script reads them), so a
 * hash cannot be reversed by trying every religion or phone number; whoever holds the file can
 * check a value against the log. Then the copy takes the new values.
 */
import type { Env } from '../../gas/env';
import type { CellValue } from '../../gas/ports';
import type { SchoolConfig } from '../../domain/school/model';
import { sha256Hex } from '../../domain/audit/sha256';
import { appendAudit, ensureAuditSheet, type AuditInput } from '../../workbook/audit';
import { columnLetter, profileSheetName } from '../../workbook/layout';
import { openProfileFile, profileShadowName, readProfileFileIds } from '../../workbook/profile-files';

const KEY_PROPERTY = 'sodiem.profileHashKey';

export const PROFILE_LOG_TEXT = {
  reason: 'Đối chiếu tệp lý lịch của lớp: giá trị cũ và mới ghi dạng mã băm có khoá, không ghi nội dung.',
} as const;

function hashKey(env: Env): string {
  const props = env.properties.getDocumentProperties();
  let key = props?.getProperty(KEY_PROPERTY) ?? '';
  if (!key) {
    key = env.utilities.getUuid();
    props?.setProperty(KEY_PROPERTY, key);
  }
  return key;
}

/** A value's keyed hash as the log shows it ("#" and 16 hex digits); nothing stays nothing. */
export function profileValueHash(key: string, code: string, field: string, value: CellValue): string {
  const text = value instanceof Date ? value.toISOString() : value === null || value === undefined ? '' : String(value);
  return text === '' ? '' : `#${sha256Hex(`${key}|${code}|${field}|${text}`).slice(0, 16)}`;
}

const same = (a: CellValue | undefined, b: CellValue | undefined) =>
  (a instanceof Date ? a.getTime() : String(a ?? '')) === (b instanceof Date ? b.getTime() : String(b ?? ''));

/** Logs the profile changes of `classes` since the last run; how many fields changed. */
export function reconcileProfiles(env: Env, config: SchoolConfig, classes = config.classes.map((c) => c.code)): number {
  const ids = readProfileFileIds(env);
  const key = hashKey(env);
  const rows: AuditInput[] = [];
  const at = env.clock.now();
  const effectiveUser = env.session.getEffectiveUser().getEmail();
  const copies: (() => void)[] = [];
  for (const code of classes) {
    const file = openProfileFile(env, code, ids);
    const tab = file?.getSheetByName(profileSheetName(code));
    const shadow = file?.getSheetByName(profileShadowName(code));
    if (!tab || !shadow) continue;
    const now = tab.getDataRange().getValues();
    const before = shadow.getDataRange().getValues();
    const keys = (now[2] ?? []).map(String);
    const codeCol = keys.indexOf('P|CODE');
    if (codeCol < 0 || JSON.stringify(keys) !== JSON.stringify((before[2] ?? []).map(String))) continue;
    const beforeByCode = new Map(before.slice(3).map((r) => [String(r[codeCol] ?? ''), r]));
    now.slice(3).forEach((line, i) => {
      const student = String(line[codeCol] ?? '');
      const old = beforeByCode.get(student);
      if (!student || !old) return;
      keys.forEach((k, c) => {
        if (!k.startsWith('P|') || k === 'P|STT' || same(line[c], old[c])) return;
        rows.push({
          at,
          actor: '',
          effectiveUser,
          sheet: profileSheetName(code),
          cell: `${columnLetter(c + 1)}${i + 4}`,
          studentCode: student,
          subjectCode: '',
          column: k,
          oldValue: profileValueHash(key, student, k, old[c]),
          newValue: profileValueHash(key, student, k, line[c]),
          outcome: 'profile',
          reason: PROFILE_LOG_TEXT.reason,
          reference: file!.getId(),
        });
      });
    });
    copies.push(() => shadow.getRange(1, 1, now.length, now[0]?.length ?? 1).setValues(now));
  }
  if (rows.length > 0) {
    ensureAuditSheet(env);
    // Logged first: the copy moves on only once the change is on record.
    appendAudit(env, rows);
  }
  for (const copy of copies) copy();
  return rows.length;
}
