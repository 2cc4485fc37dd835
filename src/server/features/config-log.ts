/**
 * Changes to the configuration and calendar sheets are part of the record: who changed which
 * row, from what to what. The guard sees an edit of those sheets (only the admins can make one);
 * it compares the sheet with the snapshot it kept the last time (document properties) and logs
 * one row per changed row. A snapshot missing (the first change) logs the rows as they are now.
 */
import type { Env } from '../gas/env';
import { diffRows, rowText } from '../domain/config-log/diff';
import { appendAudit } from '../workbook/audit';
import { readChunked, writeChunked, writeChunkedAll } from '../workbook/chunked-property';
import { forgetSchoolContext } from './school-context';

const PREFIX = 'sodiem.configSnapshot.';

export const CONFIG_LOG_TEXT = {
  changed: (sheet: string, row: number) => `Sửa trang cấu hình "${sheet}", dòng ${row}.`,
  firstSeen: (sheet: string) => `Trang cấu hình "${sheet}" được ghi nhận lần đầu vào nhật ký.`,
} as const;

function sheetRows(env: Env, name: string): string[] {
  const sheet = env.spreadsheetApp.getActiveSpreadsheet().getSheetByName(name);
  return sheet ? sheet.getDataRange().getValues().map(rowText) : [];
}

/** The reference the next changes are logged against (setup takes it: the configuration it built from). */
export function snapshotConfig(env: Env, sheetNames: readonly string[]): void {
  const props = env.properties.getDocumentProperties();
  if (!props) return;
  writeChunkedAll(props, sheetNames.map((name) => [`${PREFIX}${name}.`, JSON.stringify(sheetRows(env, name))] as const));
}

/** The caller holds the document lock. */
export function logConfigEdit(env: Env, sheetName: string, actor: string, at: Date): number {
  forgetSchoolContext(env); // the next run reads the configuration afresh
  const props = env.properties.getDocumentProperties();
  if (!props) return 0;
  const prefix = `${PREFIX}${sheetName}.`;
  const kept = readChunked(props.getProperties(), prefix);
  const now = sheetRows(env, sheetName);
  const before: string[] = kept ? (JSON.parse(kept) as string[]) : [];
  const changes = diffRows(before, now);
  if (changes.length === 0) return 0;
  const effectiveUser = env.session.getEffectiveUser().getEmail();
  appendAudit(
    env,
    changes.map((c) => ({
      at,
      actor,
      effectiveUser,
      sheet: sheetName,
      cell: `${c.row}:${c.row}`,
      studentCode: '',
      subjectCode: '',
      column: `Dòng ${c.row}`,
      oldValue: c.before,
      newValue: c.after,
      outcome: 'config' as const,
      reason: kept ? CONFIG_LOG_TEXT.changed(sheetName, c.row) : CONFIG_LOG_TEXT.firstSeen(sheetName),
      reference: '',
    })),
  );
  writeChunked(props, prefix, JSON.stringify(now));
  return changes.length;
}
