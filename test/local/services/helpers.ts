import { CallLog, VirtualClock, type AuthMode, type ExecutionContext } from '../../../src/local/core';

export const ADMIN = 'admin@thpt-demo.edu.vn';
export const TEACHER = 'gv.lan@thpt-demo.edu.vn';
export const DOC = 'sheet-doc-1';

export function context(overrides: Partial<ExecutionContext> = {}): ExecutionContext {
  return { activeUser: ADMIN, effectiveUser: ADMIN, authMode: 'FULL' as AuthMode, documentId: DOC, ...overrides };
}

export function basics(overrides: Partial<ExecutionContext> = {}): { calls: CallLog; clock: VirtualClock; ctx: ExecutionContext } {
  return { calls: new CallLog(), clock: new VirtualClock(new Date('2026-09-05T01:00:00Z')), ctx: context(overrides) };
}

/** Signed bytes of a hex string, the way Apps Script reports a digest. */
export function signedFromHex(hex: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < hex.length; i += 2) {
    const b = parseInt(hex.slice(i, i + 2), 16);
    out.push(b > 127 ? b - 256 : b);
  }
  return out;
}
