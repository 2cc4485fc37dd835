/**
 * Formula cells read as their computed value, as getValues shows them on Google. Formulas are
 * evaluated at read time against the current grid (a cached `v`, e.g. from an .xlsx, is
 * ignored), recursively, with a per-read memo and a cycle check (Sheets shows '#REF!' for a
 * circular dependency). Errors read as Sheets' strings ('#DIV/0!', '#REF!', '#VALUE!', '#N/A',
 * '#NUM!', '#ERROR!' for a parse error).
 *
 * Stored form: `CellData.f` is what getFormula and the API return, always en_US ('=ROUND(A1,1)',
 * '0.5'), whatever the locale; a vi_VN person types '=ROUND(A1;1)' and '0,5' (ui-edit converts).
 *
 * Whatever this evaluator does not model (other functions, arrays, named ranges) reads as
 * '#LOCAL-UNSUPPORTED(...)' naming what and the formula: a value no test can mistake for a real
 * one, while tools that only load or save a workbook keep working (xlsx writes `f` itself).
 */
import type { CellData, SheetData, WorkbookData } from './model';
import { parseA1 } from './a1';
import { type Node, ParseError, Unsupported, parseFormula } from './formula-parse';
import { FUNCTIONS, type Args } from './formula-functions';
import { FErr, type RangeVal, type Scalar, type Val, compare, isRange, toNumber, toText } from './formula-values';

export { isRange } from './formula-values';

export const UNSUPPORTED_PREFIX = '#LOCAL-UNSUPPORTED';

/** One read: memoised results and the cells being evaluated (for the cycle check). */
export class Evaluator {
  private readonly memo = new Map<CellData, Scalar>();
  private readonly visiting = new Set<CellData>();
  private readonly trees = new Map<string, Node>();

  constructor(readonly wb: WorkbookData) {}

  /** What getValue shows for a formula cell. */
  read(sheet: SheetData, cell: CellData): string | number | boolean | Date {
    try {
      const v = this.cellValue(sheet, cell);
      if (v === null) return '';
      if (v instanceof FErr) return v.code;
      return v instanceof Date ? new Date(v.getTime()) : v;
    } catch (e) {
      if (e instanceof Unsupported) return `${UNSUPPORTED_PREFIX}(${e.message}: ${e.formula ?? cell.f})`;
      throw e;
    }
  }

  /** A referenced cell's value; null when empty. */
  cellValue(sheet: SheetData, cell: CellData | undefined): Scalar {
    if (cell === undefined) return null;
    if (cell.f === undefined) return cell.v ?? null;
    const done = this.memo.get(cell);
    if (done !== undefined) return done;
    if (this.visiting.has(cell)) return new FErr('#REF!'); // "Circular dependency detected"
    this.visiting.add(cell);
    let v: Scalar;
    try {
      v = this.formulaValue(sheet, cell.f);
    } catch (e) {
      if (e instanceof Unsupported) e.formula ??= cell.f;
      throw e;
    } finally {
      this.visiting.delete(cell);
    }
    this.memo.set(cell, v);
    return v;
  }

  private formulaValue(sheet: SheetData, formula: string): Scalar {
    let tree = this.trees.get(formula);
    if (!tree) {
      try {
        tree = parseFormula(formula);
      } catch (e) {
        if (e instanceof ParseError) return new FErr('#ERROR!');
        throw e;
      }
      this.trees.set(formula, tree);
    }
    return this.scalar(this.eval(tree, sheet));
  }

  /** A range used where one value is wanted: one cell is its value; more would spill (not modelled). */
  scalar(v: Val): Scalar {
    if (!isRange(v)) return v;
    const { sheet, startRow, endRow, startCol, endCol } = v;
    if (endRow - startRow !== 1 || endCol - startCol !== 1) throw new Unsupported('a range where one value is wanted (array results)');
    return this.cellValue(sheet, sheet.rows[startRow]?.[startCol]);
  }

  /** Every value of a range, row by row (empty cells as null). */
  *cells(r: RangeVal): Generator<Scalar> {
    for (let i = r.startRow; i < r.endRow; i++) {
      const row = r.sheet.rows[i];
      if (!row) continue;
      for (let j = r.startCol; j < Math.min(r.endCol, row.length); j++) yield this.cellValue(r.sheet, row[j]);
    }
  }

  eval(node: Node, sheet: SheetData): Val {
    switch (node.k) {
      case 'num': return node.v;
      case 'str': return node.v;
      case 'bool': return node.v;
      case 'empty': return null;
      case 'err': return new FErr(node.code);
      case 'ref': return this.range(node.a1, sheet);
      case 'neg': {
        const n = toNumber(this.scalar(this.eval(node.e, sheet)), this.wb);
        return n instanceof FErr ? n : -n;
      }
      case 'pct': {
        const n = toNumber(this.scalar(this.eval(node.e, sheet)), this.wb);
        return n instanceof FErr ? n : n / 100;
      }
      case 'bin': return this.binary(node.op, this.scalar(this.eval(node.l, sheet)), this.scalar(this.eval(node.r, sheet)));
      case 'call': {
        const fn = FUNCTIONS[node.name];
        if (!fn) throw new Unsupported(`the function ${node.name}`);
        const args: Args = { count: node.args.length, at: (i) => this.eval(node.args[i], sheet), ev: this };
        return fn(args);
      }
    }
  }

  private range(a1: string, sheet: SheetData): Val {
    const parts = parseA1(a1);
    const target = parts?.sheetName === undefined ? sheet : this.wb.sheets.find((s) => s.name === parts.sheetName);
    if (!parts || !target) return new FErr('#REF!');
    const r: RangeVal = {
      sheet: target,
      startRow: parts.startRow ?? 0,
      endRow: parts.endRow ?? target.maxRows,
      startCol: parts.startCol ?? 0,
      endCol: parts.endCol ?? target.maxCols,
    };
    if (r.endRow > target.maxRows || r.endCol > target.maxCols) return new FErr('#REF!');
    return r;
  }

  private binary(op: string, l: Scalar, r: Scalar): Scalar {
    if (l instanceof FErr) return l;
    if (r instanceof FErr) return r;
    if (op === '&') return toText(l, this.wb) + toText(r, this.wb);
    if (op.length === 2 || '=<>'.includes(op)) {
      const c = compare(l, r, this.wb);
      return op === '=' ? c === 0 : op === '<>' ? c !== 0 : op === '<' ? c < 0 : op === '>' ? c > 0 : op === '<=' ? c <= 0 : c >= 0;
    }
    const a = toNumber(l, this.wb);
    if (a instanceof FErr) return a;
    const b = toNumber(r, this.wb);
    if (b instanceof FErr) return b;
    if (op === '/' && b === 0) return new FErr('#DIV/0!');
    if (op === '^' && a === 0 && b < 0) return new FErr('#DIV/0!');
    const n = op === '+' ? a + b : op === '-' ? a - b : op === '*' ? a * b : op === '/' ? a / b : a ** b;
    return Number.isFinite(n) ? n + 0 : new FErr('#NUM!');
  }
}
