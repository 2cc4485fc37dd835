/**
 * All local spreadsheets, by id. The facades (SpreadsheetApp, the advanced Sheets service,
 * the xlsx loader) share this store and the plain WorkbookData records in it.
 */
import { createHash } from 'node:crypto';
import { type CallLog, type Directory, type ExecutionContext, VirtualClock } from '../core';
import { newSheetData, newWorkbookData, type WorkbookData } from './model';
import { Selections } from './selection';

export interface CreateOptions {
  locale?: string;
  timeZone?: string;
}

/** Name of the first sheet of a new spreadsheet, in the creator's locale (Sheets localises it). */
export function defaultSheetName(locale: string, n: number): string {
  return locale.startsWith('vi') ? `Trang tính${n}` : `Sheet${n}`;
}

export class SpreadsheetStore {
  readonly calls: CallLog;
  readonly directory: Directory;
  /** "Now" for typed dates without a year; the runtime passes its virtual clock. */
  readonly clock: VirtualClock;
  /** Each person's selection in each file (the Sheets UI's state, not the document's). */
  readonly selections = new Selections();
  private readonly books = new Map<string, WorkbookData>();
  private seq = 0;
  /** The pending writes of each running execution, in call order. */
  private readonly pending = new Map<ExecutionContext, (() => void)[]>();

  constructor(deps: { calls: CallLog; directory: Directory; clock?: VirtualClock }) {
    this.calls = deps.calls;
    this.directory = deps.directory;
    this.clock = deps.clock ?? new VirtualClock();
  }

  /** A new spreadsheet with one empty sheet (1000 × 26, as Sheets makes it). */
  create(name: string, owner: string, options: CreateOptions = {}): WorkbookData {
    const wb = newWorkbookData(this.newId(), name, owner);
    if (options.locale) wb.locale = options.locale;
    if (options.timeZone) wb.timeZone = options.timeZone;
    wb.sheets.push(newSheetData(0, defaultSheetName(wb.locale, 1)));
    this.add(wb);
    return wb;
  }

  add(data: WorkbookData): void {
    this.books.set(data.id, data);
  }

  get(id: string): WorkbookData | undefined {
    return this.books.get(id);
  }

  all(): WorkbookData[] {
    return [...this.books.values()];
  }

  /**
   * Apps Script buffers spreadsheet writes: they reach the document at SpreadsheetApp.flush(),
   * at the execution's next read, or when it ends — other executions do not see them before.
   * The runtime calls begin/end around each execution; outside one (a test's own Env) writes
   * land at once.
   */
  beginExecution(ctx: ExecutionContext): void {
    this.pending.set(ctx, []);
  }

  endExecution(ctx: ExecutionContext): void {
    try {
      this.flush(ctx);
    } finally {
      this.pending.delete(ctx);
    }
  }

  /** Applies `write` now, or when the running execution `ctx` next flushes. */
  defer(ctx: ExecutionContext, write: () => void): void {
    const queue = this.pending.get(ctx);
    if (queue) queue.push(write);
    else write();
  }

  /** Writes of `ctx` not yet in the document. */
  pendingWrites(ctx: ExecutionContext): number {
    return this.pending.get(ctx)?.length ?? 0;
  }

  /** Sends the execution's pending writes to the document, in order. */
  flush(ctx: ExecutionContext): void {
    const queue = this.pending.get(ctx);
    if (!queue || queue.length === 0) return;
    this.pending.set(ctx, []);
    for (const write of queue) write();
  }

  /** Ids look like Google's: 44 characters of base64url starting with '1'; deterministic per store. */
  private newId(): string {
    let id: string;
    do {
      this.seq += 1;
      const digest = createHash('sha256').update(`so-diem-local-spreadsheet-${this.seq}`).digest('base64url');
      id = `1${digest.slice(0, 43)}`;
    } while (this.books.has(id));
    return id;
  }
}
