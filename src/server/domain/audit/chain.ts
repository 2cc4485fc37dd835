/**
 * The hash chain of the audit sheet. Each row's hash covers the previous row's hash and the
 * row's own canonical text, so changing, inserting, deleting or moving a row breaks a link.
 * The digest is injected: Apps Script computes it with Utilities.computeDigest(SHA_256, text,
 * UTF_8), tests with node:crypto — both over the UTF-8 bytes of the same string.
 */
import type { AuditContent, AuditDraft, AuditEntry, AuditHead } from './entry';

/** Lower-case hex SHA-256 of the UTF-8 bytes of `text`. */
export type Sha256 = (text: string) => string;

/** prevHash of the very first row. */
export const GENESIS = '0'.repeat(64);

/** The head before any row: the first row gets seq 1 and prevHash GENESIS. */
export const EMPTY_HEAD: AuditHead = { seq: 0, hash: GENESIS };

/**
 * The canonical text of a row: a JSON array of its fields in this fixed order —
 * [seq, time, actor, effectiveUser, sheet, cell, studentCode, subjectCode, column,
 *  oldValue, newValue, outcome, reason, reference]
 * with seq as a JSON number, outcome as its code ('accepted', …, not the Vietnamese label)
 * and every other field as a JSON string. JSON quoting makes it unambiguous (no separator can
 * be forged inside a field) and JSON.stringify is the same in V8 everywhere, so Apps Script
 * and Node produce identical text. The chain fields (prevHash, hash) are not part of it.
 */
export function canonicalText(entry: AuditContent): string {
  return JSON.stringify([
    entry.seq,
    entry.time,
    entry.actor,
    entry.effectiveUser,
    entry.sheet,
    entry.cell,
    entry.studentCode,
    entry.subjectCode,
    entry.column,
    entry.oldValue,
    entry.newValue,
    entry.outcome,
    entry.reason,
    entry.reference,
  ]);
}

/** The hash a row must carry, given the hash it links to. */
export function chainHash(prevHash: string, entry: AuditContent, sha256: Sha256): string {
  return sha256(`${prevHash}\n${canonicalText(entry)}`);
}

/** Apps Script's digests are Java bytes (-128…127); this is their lower-case hex. */
export function hexFromSignedBytes(bytes: readonly number[]): string {
  let out = '';
  for (const b of bytes) out += ((b & 0xff) + 0x100).toString(16).slice(1);
  return out;
}

/** Numbers and chains drafts after `previous`, in order. */
export function sealEntries(previous: AuditHead, drafts: readonly AuditDraft[], sha256: Sha256): AuditEntry[] {
  const sealed: AuditEntry[] = [];
  let head = previous;
  for (const draft of drafts) {
    const content: AuditContent = { ...draft, seq: head.seq + 1 };
    const hash = chainHash(head.hash, content, sha256);
    sealed.push({ ...content, prevHash: head.hash, hash });
    head = { seq: content.seq, hash };
  }
  return sealed;
}
