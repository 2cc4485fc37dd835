/**
 * Validates one table row against a zod object of cell schemas and files every problem as a
 * ConfigIssue on that row, in the column the zod path names. The fields that did parse are
 * kept even when others failed, so cross-sheet checks still know, say, a user's email when
 * only the role was wrong (and do not report that user as missing everywhere).
 */
import * as z from 'zod/mini';
import { IssueList, vietnameseFallback, zodDetail } from './issues';
import { headerOf, SHEET_NAMES, type ConfigSheetKey } from './sheets';
import type { TableRow } from './table';

export type RowResult<T> = { ok: true; data: T } | { ok: false; data: Partial<T> };

export function parseRow<Shape extends z.core.$ZodShape>(
  schema: z.ZodMiniObject<Shape>,
  sheetKey: ConfigSheetKey,
  row: TableRow,
  issues: IssueList,
): RowResult<z.output<z.ZodMiniObject<Shape>>> {
  type Out = z.output<z.ZodMiniObject<Shape>>;
  const result = schema.safeParse(row.cells, { error: vietnameseFallback });
  if (result.success) return { ok: true, data: result.data };
  const failed = new Set<string>();
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? '');
    failed.add(key);
    issues.add(SHEET_NAMES[sheetKey], row.row, headerOf(sheetKey, key), zodDetail(issue));
  }
  const data: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    if (failed.has(key)) continue;
    const parsed = (field as z.ZodMiniType).safeParse(row.cells[key]);
    if (parsed.success) data[key] = parsed.data;
  }
  return { ok: false, data: data as Partial<Out> };
}
