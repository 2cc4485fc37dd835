/**
 * Problems found in the configuration sheets, each a full Vietnamese sentence that names the
 * sheet, the row and the column, e.g.
 *   Trang "Người dùng", dòng 5, cột "Email": "thay.an@" không phải là địa chỉ email hợp lệ.
 * Zod's own (English) messages never reach the user: every schema carries a Vietnamese
 * message and anything left over goes through the Vietnamese fallback below.
 */
import type * as z from 'zod/mini';
import { quoted } from './text';

export interface ConfigIssue {
  sheet: string;
  /** 1-based row as the user sees it; 0 when the problem is the sheet or a missing row. */
  row: number;
  /** Header name of the column; '' when the problem is the whole sheet. */
  column: string;
  message: string;
}

export function issueMessage(sheet: string, row: number, column: string, detail: string): string {
  const where = [`Trang "${sheet}"`];
  if (row > 0) where.push(`dòng ${row}`);
  if (column) where.push(`cột "${column}"`);
  return `${where.join(', ')}: ${detail}`;
}

/** Collects every issue of a parse; nothing stops at the first. */
export class IssueList {
  readonly items: ConfigIssue[] = [];

  add(sheet: string, row: number, column: string, detail: string): void {
    this.items.push({ sheet, row, column, message: issueMessage(sheet, row, column, detail) });
  }

  get size(): number {
    return this.items.length;
  }
}

/** Vietnamese for any zod issue whose schema did not say it itself. */
export function vietnameseFallback(issue: z.core.$ZodRawIssue): string {
  const input = issue.input;
  const shown = input === undefined || input === '' ? 'ô trống' : quoted(input);
  switch (issue.code) {
    case 'invalid_type':
      return `giá trị ${shown} không đúng kiểu.`;
    case 'too_small':
    case 'too_big':
      return `giá trị ${shown} nằm ngoài giới hạn cho phép.`;
    default:
      return `giá trị ${shown} không hợp lệ.`;
  }
}

/** A zod issue as a sentence (ending with a full stop). */
export function zodDetail(issue: z.core.$ZodIssue): string {
  const text = issue.message.trim();
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
