/**
 * "Cột xuất CSDL": Tiêu đề cột | Nội dung (| Ý nghĩa, for people, not read) — the columns of the
 * results file for the education database, in order (domain/documents/results-export.ts).
 * Optional: a workbook without the tab, or with no row in it, exports the default columns, so a
 * school set up before the tab existed keeps working. Every problem names the tab, the row and
 * the value; nothing of a faulty tab is used (the export is refused, never half-mapped).
 */
import * as z from 'zod/mini';
import { clashingTitles, defaultMapping, titleKey, titleNamesSubject, type ExportColumn, type ResultsSubject } from '../../domain/documents/results-export';
import { EVERY_SUBJECT, parseFieldCode } from '../../domain/documents/results-fields';
import type { SubjectConfig } from '../../domain/school/model';
import type { CellValue } from '../../gas/ports';
import { requiredText } from './cells';
import { IssueList, type ConfigIssue } from './issues';
import { parseRow } from './row-schema';
import { headerOf, SHEET_NAMES, sheetDef } from './sheets';
import { readTable } from './table';
import { cellText, isBlankRow } from './text';

export type ExportColumnsResult = { ok: true; columns: ExportColumn[]; isDefault: boolean } | { ok: false; errors: ConfigIssue[] };

const SHEET = SHEET_NAMES.exportColumns;
const column = (key: string) => headerOf('exportColumns', key);

function rowSchema(subjectCodes: ReadonlySet<string>) {
  return z.object({
    title: requiredText('chưa điền tiêu đề cột.'),
    code: z.pipe(z.unknown(), z.transform((v, ctx) => {
      const parsed = parseFieldCode(cellText(v as CellValue), subjectCodes);
      if (parsed.ok) return parsed;
      ctx.issues.push({ code: 'custom', input: v, message: parsed.reason });
      return z.NEVER;
    })),
  });
}

/** The tab's values (getValues(), header included); undefined when the workbook has no such tab. */
export function parseExportColumns(values: CellValue[][] | undefined, subjects: readonly SubjectConfig[]): ExportColumnsResult {
  const fallback: ExportColumnsResult = { ok: true, columns: defaultMapping(), isDefault: true };
  if (values === undefined || values.every((row) => isBlankRow(row))) return fallback;
  const issues = new IssueList();
  const table = readTable(sheetDef('exportColumns'), values, issues);
  if (!table.usable) return { ok: false, errors: issues.items };
  const rows = table.rows.filter((r) => cellText(r.cells.title) !== '' || cellText(r.cells.code) !== '');
  if (rows.length === 0) return fallback;

  const schema = rowSchema(new Set(subjects.map((s) => s.code)));
  const columns: ExportColumn[] = [];
  const firstRow = new Map<string, number>();
  for (const row of rows) {
    const result = parseRow(schema, 'exportColumns', row, issues);
    const { title, code } = result.data;
    if (title !== undefined) {
      const seenAt = firstRow.get(titleKey(title));
      if (seenAt !== undefined) issues.add(SHEET, row.row, column('title'), `tiêu đề "${title}" đã có ở dòng ${seenAt}; mỗi cột của tệp cần một tiêu đề riêng.`);
      else firstRow.set(titleKey(title), row.row);
      if (code?.field.kind === 'subject' && code.field.subject === EVERY_SUBJECT && !titleNamesSubject(title)) {
        issues.add(SHEET, row.row, column('title'), `tiêu đề "${title}" của nội dung "${code.code}" phải có {môn} hoặc {mã môn} để mỗi môn có cột tên riêng.`);
      }
    }
    if (result.ok) columns.push({ row: row.row, title: result.data.title, code: result.data.code.code, field: result.data.code.field });
  }
  if (issues.size === 0) checkMapping(columns, subjects, issues);
  return issues.size > 0 ? { ok: false, errors: issues.items } : { ok: true, columns, isDefault: false };
}

/** What the rows say together: the student's key is there, and no two columns of a grade share a title. */
function checkMapping(columns: readonly ExportColumn[], subjects: readonly SubjectConfig[], issues: IssueList): void {
  if (!columns.some((c) => c.code === 'MA_HS')) {
    issues.add(SHEET, 0, column('code'), 'chưa có dòng nào có nội dung MA_HS; tệp cần mã học sinh để CSDL nhận ra từng học sinh.');
  }
  for (const grade of [...new Set(subjects.map((s) => s.grade))].sort((a, b) => a - b)) {
    const ofGrade: ResultsSubject[] = subjects.filter((s) => s.grade === grade).map((s) => ({ code: s.code, name: s.name, kind: s.kind }));
    const clash = clashingTitles(columns, ofGrade);
    if (clash) {
      const [first, second] = clash.rows;
      issues.add(SHEET, second, column('title'), `với các môn khối ${grade}, cột "${clash.title}" trùng tiêu đề với cột của dòng ${first}.`);
    }
  }
}
