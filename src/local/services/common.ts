/**
 * Pieces shared by the local service facades: Apps Script-like enums, the per-execution
 * facade dependencies, the authorization-mode check and byte conversions.
 */
import type { AuthMode, CallLog, ExecutionContext, VirtualClock } from '../core';

/**
 * An Apps Script enum member: an opaque object compared by identity, whose toString()
 * (and name()) give the member name, e.g. `String(ScriptApp.EventType.ON_EDIT) === 'ON_EDIT'`.
 */
export class GasEnumValue {
  constructor(
    private readonly memberName: string,
    private readonly position: number,
  ) {
    Object.freeze(this);
  }

  toString(): string {
    return this.memberName;
  }

  name(): string {
    return this.memberName;
  }

  ordinal(): number {
    return this.position;
  }

  toJSON(): string {
    return this.memberName;
  }
}

/** Builds a frozen enum object whose members are singletons (identity survives across executions). */
export function gasEnum<K extends string>(names: readonly K[]): Readonly<Record<K, GasEnumValue>> {
  const members = {} as Record<K, GasEnumValue>;
  names.forEach((name, i) => {
    members[name] = new GasEnumValue(name, i);
  });
  return Object.freeze(members);
}

/** What every per-execution facade needs. */
export interface FacadeDeps {
  calls: CallLog;
  clock: VirtualClock;
  ctx: ExecutionContext;
}

const FULLY_AUTHORIZED: readonly AuthMode[] = ['FULL'];
const AT_LEAST_LIMITED: readonly AuthMode[] = ['LIMITED', 'FULL'];

/**
 * Throws like Apps Script when the execution's authorization mode does not allow a call.
 * `needs` is 'LIMITED' for services an add-on may use in AuthMode.LIMITED (properties of
 * the bound document) and 'FULL' for everything that needs a scope the user granted
 * (triggers, Drive). The message follows Apps Script's "You do not have permission to
 * call X" wording; the scope list Google appends is left out.
 */
export function requireAuth(ctx: ExecutionContext, method: string, needs: 'LIMITED' | 'FULL'): void {
  const allowed = needs === 'FULL' ? FULLY_AUTHORIZED : AT_LEAST_LIMITED;
  if (!allowed.includes(ctx.authMode)) {
    throw new Error(`You do not have permission to call ${method}`);
  }
}

/** UTF-8 size in bytes (Apps Script limits count bytes, not UTF-16 code units). */
export function utf8Length(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** Java-style signed bytes (-128..127), as Apps Script returns them. */
export function toSignedBytes(bytes: Uint8Array): number[] {
  const out = new Array<number>(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = bytes[i] > 127 ? bytes[i] - 256 : bytes[i];
  return out;
}

/** Accepts signed or unsigned byte values, as Apps Script does for byte arrays. */
export function fromByteArray(values: readonly number[]): Uint8Array {
  const out = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = values[i] & 0xff;
  return out;
}
