/**
 * Parses a formula in the form Sheets stores it (en_US: ',' between arguments, '.' decimals,
 * English function names) into a small tree for formula.ts. What the parser does not know
 * (array literals, '@', structured references) is `Unsupported`, never a guess; what Sheets
 * itself cannot parse (unbalanced parentheses, a dangling operator, ';' outside strings) is
 * the '#ERROR!' Sheets shows for a formula parse error.
 */

export type Node =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 'bool'; v: boolean }
  | { k: 'err'; code: string }
  | { k: 'empty' }
  | { k: 'ref'; a1: string }
  | { k: 'neg'; e: Node }
  | { k: 'pct'; e: Node }
  | { k: 'bin'; op: string; l: Node; r: Node }
  | { k: 'call'; name: string; args: Node[] };

/** Something Sheets accepts that this runtime does not model: the read shows a loud marker. */
export class Unsupported extends Error {
  /** The formula it was met in (set where the formula is evaluated). */
  formula?: string;
}

/** Sheets' "Formula parse error". */
export class ParseError extends Error {}

type Token = { t: 'num'; v: number } | { t: 'str'; v: string } | { t: 'ref'; v: string } | { t: 'name'; v: string } | { t: 'err'; v: string } | { t: 'op'; v: string };

const SHEET = String.raw`(?:'(?:[^']|'')+'|[\p{L}_][\p{L}\p{N}_.]*)!`;
const CELL = String.raw`\$?[A-Za-z]{1,3}\$?\d+`;
const COL = String.raw`\$?[A-Za-z]{1,3}`;
const REF = new RegExp(String.raw`(?:${SHEET})?(?:${CELL}(?::(?:${CELL}|${COL}))?|${COL}:${COL}|\$?\d+:\$?\d+)`, 'uy');
const NUM = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const NAME = /[A-Za-z_][A-Za-z0-9_.]*/y;
const ERR = /#(?:REF!|N\/A|DIV\/0!|VALUE!|NAME\?|NUM!|NULL!|ERROR!)/y;
const OPS = ['<>', '<=', '>=', '=', '<', '>', '+', '-', '*', '/', '^', '&', '%', '(', ')', ','];

function sticky(re: RegExp, text: string, at: number): string | null {
  re.lastIndex = at;
  const m = re.exec(text);
  return m ? m[0] : null;
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === ' ' || ch === '\n' || ch === '\t') {
      i++;
      continue;
    }
    if (ch === '"') {
      let s = '';
      for (i++; ; i++) {
        if (i >= text.length) throw new ParseError('unterminated string');
        if (text[i] === '"') {
          if (text[i + 1] !== '"') break;
          i++;
        }
        s += text[i];
      }
      i++;
      out.push({ t: 'str', v: s });
      continue;
    }
    const ref = sticky(REF, text, i);
    // LOG10( is a function, not the cell LOG10.
    if (ref && text[i + ref.length] !== '(') {
      out.push({ t: 'ref', v: ref });
      i += ref.length;
      continue;
    }
    const num = sticky(NUM, text, i);
    if (num) {
      out.push({ t: 'num', v: Number(num) });
      i += num.length;
      continue;
    }
    const name = sticky(NAME, text, i);
    if (name) {
      out.push({ t: 'name', v: name.toUpperCase() });
      i += name.length;
      continue;
    }
    const err = sticky(ERR, text, i);
    if (err) {
      out.push({ t: 'err', v: err });
      i += err.length;
      continue;
    }
    const op = OPS.find((o) => text.startsWith(o, i));
    if (op) {
      out.push({ t: 'op', v: op });
      i += op.length;
      continue;
    }
    if (ch === ';') throw new ParseError("';' is not an argument separator in the stored (en_US) form");
    throw new Unsupported(`the character '${ch}'`);
  }
  return out;
}

const LEVELS: string[][] = [['=', '<>', '<', '>', '<=', '>='], ['&'], ['+', '-'], ['*', '/'], ['^']];

/** The tree of `formula` ('=...'). Throws ParseError or Unsupported. */
export function parseFormula(formula: string): Node {
  const tokens = tokenize(formula.replace(/^=/, ''));
  let at = 0;
  const peekOp = (): string | undefined => {
    const t = tokens[at];
    return t?.t === 'op' ? t.v : undefined;
  };
  const expect = (op: string) => {
    if (peekOp() !== op) throw new ParseError(`expected '${op}'`);
    at++;
  };

  const binary = (level: number): Node => {
    if (level === LEVELS.length) return unary();
    let left = binary(level + 1);
    for (let op = peekOp(); op !== undefined && LEVELS[level].includes(op); op = peekOp()) {
      at++;
      left = { k: 'bin', op, l: left, r: binary(level + 1) };
    }
    return left;
  };
  const unary = (): Node => {
    const op = peekOp();
    if (op === '-' || op === '+') {
      at++;
      const e = unary();
      return op === '-' ? { k: 'neg', e } : e;
    }
    let e = primary();
    while (peekOp() === '%') {
      at++;
      e = { k: 'pct', e };
    }
    return e;
  };
  const args = (): Node[] => {
    const list: Node[] = [];
    if (peekOp() === ')') return list;
    for (;;) {
      const op = peekOp();
      list.push(op === ',' || op === ')' ? { k: 'empty' } : binary(0));
      if (peekOp() !== ',') return list;
      at++;
    }
  };
  const primary = (): Node => {
    const t = tokens[at++];
    if (!t) throw new ParseError('unexpected end');
    switch (t.t) {
      case 'num': return { k: 'num', v: t.v };
      case 'str': return { k: 'str', v: t.v };
      case 'err': return { k: 'err', code: t.v };
      case 'ref': return { k: 'ref', a1: t.v };
      case 'name': {
        if (peekOp() === '(') {
          at++;
          const list = args();
          expect(')');
          return { k: 'call', name: t.v, args: list };
        }
        if (t.v === 'TRUE' || t.v === 'FALSE') return { k: 'bool', v: t.v === 'TRUE' };
        throw new Unsupported(`the name ${t.v} (named ranges are not evaluated)`);
      }
      case 'op':
        if (t.v === '(') {
          const e = binary(0);
          expect(')');
          return e;
        }
        throw new ParseError(`unexpected '${t.v}'`);
    }
  };

  const tree = binary(0);
  if (at < tokens.length) throw new ParseError('unexpected text after the formula');
  return tree;
}

/**
 * The stored (en_US) form of a formula typed in the Sheets UI of a locale whose decimal
 * separator is ',' (vi_VN): there ';' separates arguments and ',' is the decimal point, so
 * `=ROUND(A1*0,5;1)` is stored as `=ROUND(A1*0.5,1)`. Text in "..." and sheet names in '...'
 * are left alone. In '.'-decimal locales (en_US) the typed form is the stored form.
 */
export function formulaFromLocale(typed: string, decimalSeparator: string): string {
  if (decimalSeparator !== ',') return typed;
  let out = '';
  let quote: string | null = null;
  for (const ch of typed) {
    if (quote) {
      if (ch === quote) quote = null;
      out += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      out += ch;
    } else out += ch === ';' ? ',' : ch === ',' ? '.' : ch;
  }
  return out;
}
