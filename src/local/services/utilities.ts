/**
 * Utilities: formatDate (Java patterns), computeDigest (signed bytes like Apps Script),
 * newBlob, getUuid, and sleep, which moves the VirtualClock instead of blocking.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { UtilitiesPort } from '../../server/gas/ports';
import { fromByteArray, gasEnum, toSignedBytes, type FacadeDeps, type GasEnumValue } from './common';
import { LocalBlob } from './blob';
import { formatDate } from './format-date';

export const DigestAlgorithm = gasEnum(['MD2', 'MD5', 'SHA_1', 'SHA_256', 'SHA_384', 'SHA_512'] as const);
export const Charset = gasEnum(['US_ASCII', 'UTF_8'] as const);

const NODE_HASHES = new Map<unknown, string>([
  [DigestAlgorithm.MD5, 'md5'],
  [DigestAlgorithm.SHA_1, 'sha1'],
  [DigestAlgorithm.SHA_256, 'sha256'],
  [DigestAlgorithm.SHA_384, 'sha384'],
  [DigestAlgorithm.SHA_512, 'sha512'],
]);

/** Apps Script caps Utilities.sleep at 5 minutes (documented maximum 300000 ms). */
export const SLEEP_MAX_MS = 300000;

function encode(value: string, charset: unknown): Uint8Array {
  // Java replaces characters outside the charset with '?'.
  if (charset === Charset.US_ASCII) return Uint8Array.from(value, (ch) => (ch.charCodeAt(0) < 128 ? ch.charCodeAt(0) : 0x3f));
  return new TextEncoder().encode(value);
}

export interface LocalUtilities extends UtilitiesPort {
  DigestAlgorithm: typeof DigestAlgorithm;
  Charset: typeof Charset;
  newBlob(data: string | number[], contentType?: string, name?: string): LocalBlob;
  computeDigest(algorithm: GasEnumValue | unknown, value: string | number[], charset?: unknown): number[];
}

export function createUtilities(deps: FacadeDeps): LocalUtilities {
  const { calls, clock } = deps;
  return {
    DigestAlgorithm,
    Charset,
    formatDate(date: Date, timeZone: string, format: string): string {
      calls.record('Utilities.formatDate');
      return formatDate(date, timeZone, format);
    },
    computeDigest(algorithm: unknown, value: string | number[], charset: unknown = Charset.UTF_8): number[] {
      calls.record('Utilities.computeDigest');
      const hash = NODE_HASHES.get(algorithm);
      if (!hash) throw new Error(`Digest algorithm ${String(algorithm)} is not supported by the local runtime`);
      const bytes = typeof value === 'string' ? encode(value, charset) : fromByteArray(value);
      return toSignedBytes(createHash(hash).update(bytes).digest());
    },
    newBlob(data: string | number[], contentType?: string, name?: string): LocalBlob {
      calls.record('Utilities.newBlob');
      const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : fromByteArray(data);
      // Assumption: a blob made from a string without a type reads back as text/plain.
      const type = contentType ?? (typeof data === 'string' ? 'text/plain' : null);
      return new LocalBlob(calls, bytes, type, name ?? null);
    },
    getUuid(): string {
      calls.record('Utilities.getUuid');
      return randomUUID();
    },
    sleep(milliseconds: number): void {
      calls.record('Utilities.sleep');
      const ms = Math.floor(Number(milliseconds));
      if (!(ms >= 0)) throw new Error('Invalid argument: milliseconds');
      if (ms > SLEEP_MAX_MS) throw new Error('Argument too large: milliseconds');
      clock.advance(ms);
    },
  };
}
