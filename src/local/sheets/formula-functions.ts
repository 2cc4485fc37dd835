/**
 * The functions the local evaluator knows: SUM, AVERAGE, MIN, MAX, COUNT, COUNTA, ROUND, IF.
 * As in Sheets: in a range (or a reference) only numbers (and dates) count and text, booleans
 * and empty cells are skipped; a value given directly is coerced (TRUE is 1, '8' is 8, 'a'
 * is #VALUE!); an error anywhere in the data is the result. Arguments are evaluated lazily
 * (IF evaluates only the branch it takes). A wrong argument count is #N/A, as Sheets shows.
 */
import type { WorkbookData } from './model';
import { FErr, type RangeVal, type Scalar, type Val, dateSerial, isRange, toBool, toNumber } from './formula-values';
import { roundHalfAwayFromZero } from './format';

export interface Args {
  count: number;
  /** Evaluates argument i (a range stays a range). */
  at(i: number): Val;
  ev: EvaluatorLike;
}

/** What the functions need of the evaluator (formula.ts implements it). */
export interface EvaluatorLike {
  readonly wb: WorkbookData;
  cells(range: RangeVal): Iterable<Scalar>;
  scalar(v: Val): Scalar;
}

type Fn = (args: Args) => Val;

function arity(args: Args, min: number, max: number): FErr | null {
  return args.count < min || args.count > max ? new FErr('#N/A') : null;
}

/** The numbers of all arguments, or the first error. */
function numbers(args: Args): number[] | FErr {
  const out: number[] = [];
  for (let i = 0; i < args.count; i++) {
    const v = args.at(i);
    if (isRange(v)) {
      for (const c of args.ev.cells(v)) {
        if (c instanceof FErr) return c;
        if (typeof c === 'number') out.push(c);
        else if (c instanceof Date) out.push(dateSerial(c, args.ev.wb.timeZone));
      }
    } else {
      const n = toNumber(v, args.ev.wb);
      if (n instanceof FErr) return n;
      out.push(n);
    }
  }
  return out;
}

function aggregate(fold: (ns: number[]) => Scalar): Fn {
  return (args) => {
    const bad = arity(args, 1, Infinity);
    if (bad) return bad;
    const ns = numbers(args);
    return ns instanceof FErr ? ns : fold(ns);
  };
}

function counter(counts: (v: Scalar, direct: boolean) => boolean): Fn {
  return (args) => {
    const bad = arity(args, 1, Infinity);
    if (bad) return bad;
    let n = 0;
    for (let i = 0; i < args.count; i++) {
      const v = args.at(i);
      if (isRange(v)) for (const c of args.ev.cells(v)) n += counts(c, false) ? 1 : 0;
      else n += counts(v, true) ? 1 : 0;
    }
    return n;
  };
}

const sum = (ns: number[]) => ns.reduce((a, b) => a + b, 0);

export const FUNCTIONS: Record<string, Fn> = {
  SUM: aggregate(sum),
  AVERAGE: aggregate((ns) => (ns.length === 0 ? new FErr('#DIV/0!') : sum(ns) / ns.length)),
  MIN: aggregate((ns) => (ns.length === 0 ? 0 : Math.min(...ns))),
  MAX: aggregate((ns) => (ns.length === 0 ? 0 : Math.max(...ns))),
  COUNT: counter((v, direct) => typeof v === 'number' || v instanceof Date || (direct && typeof v === 'boolean')),
  COUNTA: counter((v, direct) => direct || v !== null),
  ROUND: (args) => {
    const bad = arity(args, 1, 2);
    if (bad) return bad;
    const x = toNumber(args.ev.scalar(args.at(0)), args.ev.wb);
    if (x instanceof FErr) return x;
    const p = args.count > 1 ? toNumber(args.ev.scalar(args.at(1)), args.ev.wb) : 0;
    if (p instanceof FErr) return p;
    return roundHalfAwayFromZero(x, Math.trunc(p));
  },
  IF: (args) => {
    const bad = arity(args, 2, 3);
    if (bad) return bad;
    const c = toBool(args.ev.scalar(args.at(0)), args.ev.wb);
    if (c instanceof FErr) return c;
    if (c) return args.at(1);
    return args.count > 2 ? args.at(2) : false;
  },
};
