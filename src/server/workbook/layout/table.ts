/**
 * The shape every per-class tab shares: header rows (the last one a hidden key row), then one row
 * per student; one key per column. Positions are 1-based like Sheets. Every lookup is a Map or
 * array read built once in the constructor.
 */
export interface CellPosition {
  row: number;
  col: number;
}

/** First and last column (inclusive) of a contiguous run. */
export interface ColumnRange {
  first: number;
  last: number;
}

/** The arguments of Sheet.getRange(row, column, numRows, numColumns). */
export interface GridRange {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

/** A layout problem (a damaged key row, a duplicate code); the message is for the admin. */
export class LayoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LayoutError';
  }
}

/** 1 → A, 27 → AA (for messages and relative validation formulas). */
export function columnLetter(col: number): string {
  let n = col;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Sorted distinct column numbers → maximal contiguous runs. */
export function contiguousRuns(cols: readonly number[]): ColumnRange[] {
  const sorted = [...new Set(cols)].sort((a, b) => a - b);
  const runs: ColumnRange[] = [];
  for (const col of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.last === col - 1) last.last = col;
    else runs.push({ first: col, last: col });
  }
  return runs;
}

/**
 * Columns in order, grouped into maximal runs of neighbours that share the same signature
 * (used to merge validations and formats into as few ranges as possible).
 */
export function runsBy<T>(items: readonly T[], colOf: (item: T) => number, signature: (item: T) => string): { range: ColumnRange; item: T }[] {
  const out: { range: ColumnRange; item: T; sig: string }[] = [];
  for (const item of items) {
    const col = colOf(item);
    const sig = signature(item);
    const last = out[out.length - 1];
    if (last && last.sig === sig && last.range.last === col - 1) last.range.last = col;
    else out.push({ range: { first: col, last: col }, item, sig });
  }
  return out.map(({ range, item }) => ({ range, item }));
}

export class StudentTable {
  readonly numColumns: number;
  /** Rows in use: header rows plus one per student. */
  readonly numRows: number;
  private readonly colByKey = new Map<string, number>();
  private readonly rowByCode = new Map<string, number>();
  private readonly closed: ReadonlySet<string>;

  constructor(
    /** Header rows above the first student; the last header row is the key row. */
    readonly headerRows: number,
    readonly keys: readonly string[],
    readonly studentCodes: readonly string[],
    /** Students who left the class (chuyển đi, thôi học, chuyển lớp): their rows stay, closed to entry. */
    closedCodes: readonly string[] = [],
  ) {
    this.closed = new Set(closedCodes);
    keys.forEach((key, i) => {
      if (key === '') throw new LayoutError(`Cột ${columnLetter(i + 1)} không có khoá.`);
      if (this.colByKey.has(key)) throw new LayoutError(`Khoá cột "${key}" bị lặp ở cột ${columnLetter(i + 1)}.`);
      this.colByKey.set(key, i + 1);
    });
    studentCodes.forEach((code, i) => {
      if (code === '') throw new LayoutError(`Hàng ${headerRows + i + 1} không có mã học sinh.`);
      if (this.rowByCode.has(code)) throw new LayoutError(`Mã học sinh "${code}" bị lặp ở hàng ${headerRows + i + 1}.`);
      this.rowByCode.set(code, headerRows + i + 1);
    });
    for (const code of this.closed) {
      if (!this.rowByCode.has(code)) throw new LayoutError(`Học sinh rời lớp "${code}" không có hàng trong bảng.`);
    }
    this.numColumns = keys.length;
    this.numRows = headerRows + studentCodes.length;
  }

  /** The codes of the students who left, top to bottom. */
  get closedCodes(): string[] {
    return this.studentCodes.filter((c) => this.closed.has(c));
  }

  isClosed(code: string): boolean {
    return this.closed.has(code);
  }

  get keyRow(): number {
    return this.headerRows;
  }

  get firstStudentRow(): number {
    return this.headerRows + 1;
  }

  get studentCount(): number {
    return this.studentCodes.length;
  }

  colOf(key: string): number | null {
    return this.colByKey.get(key) ?? null;
  }

  keyAt(col: number): string | null {
    return Number.isInteger(col) && col >= 1 && col <= this.numColumns ? this.keys[col - 1] : null;
  }

  studentRow(code: string): number | null {
    return this.rowByCode.get(code) ?? null;
  }

  studentAt(row: number): string | null {
    const i = row - this.firstStudentRow;
    return Number.isInteger(i) && i >= 0 && i < this.studentCodes.length ? this.studentCodes[i] : null;
  }

  cell(code: string, key: string): CellPosition | null {
    const row = this.studentRow(code);
    const col = this.colOf(key);
    return row !== null && col !== null ? { row, col } : null;
  }

  /** The student rows of a column run, or null when the class has no students yet. */
  studentRange(cols: ColumnRange): GridRange | null {
    if (this.studentCount === 0) return null;
    return { row: this.firstStudentRow, col: cols.first, numRows: this.studentCount, numCols: cols.last - cols.first + 1 };
  }

  /** The rows of a column run that may be opened for entry: every student row but the leavers', in runs. */
  openStudentRanges(cols: ColumnRange): GridRange[] {
    const out: GridRange[] = [];
    const numCols = cols.last - cols.first + 1;
    this.studentCodes.forEach((code, i) => {
      if (this.closed.has(code)) return;
      const row = this.firstStudentRow + i;
      const last = out[out.length - 1];
      if (last && last.row + last.numRows === row) last.numRows++;
      else out.push({ row, col: cols.first, numRows: 1, numCols });
    });
    return out;
  }
}

/** Trailing blanks of a key row or code column as read from a sheet (getValues pads them). */
export function trimTrailingBlanks(values: readonly string[]): string[] {
  let end = values.length;
  while (end > 0 && String(values[end - 1]).trim() === '') end--;
  return values.slice(0, end).map((v) => String(v).trim());
}

/** What every per-class layout shows of its table: its keys, its students and its size. */
export abstract class StudentTableView {
  constructor(readonly table: StudentTable) {}

  get keys(): readonly string[] {
    return this.table.keys;
  }
  get studentCodes(): readonly string[] {
    return this.table.studentCodes;
  }
  /** Students who left the class: rows kept, greyed, never open for entry. */
  get closedCodes(): string[] {
    return this.table.closedCodes;
  }
  openStudentRanges(cols: ColumnRange): GridRange[] {
    return this.table.openStudentRanges(cols);
  }
  get numRows(): number {
    return this.table.numRows;
  }
  get numColumns(): number {
    return this.table.numColumns;
  }
}
