/**
 * The print packs issued, by the SHA-256 of their PDF: which class and period each is, whether it
 * was a draft, and the scores' digest of each of its pages at the moment it was printed. A person
 * signs "the pack I hold" by naming that SHA-256; the sign-off compares these digests with the
 * book. Kept in document properties (one property per PDF, written once), because whoever exports
 * — a homeroom teacher, a board member — cannot write the log; the admin's run logs the sign-off.
 */
import type { Env } from '../../gas/env';
import type { PackPage, PackPeriod } from '../../domain/documents/signoff';

const PREFIX = 'sodiem.pack.';

export interface IssuedPack {
  classCode: string;
  period: PackPeriod;
  draft: boolean;
  /** Scores digest per page (subject code, 'class') and of the whole 'pack'. */
  digests: Record<PackPage, string>;
}

export function recordIssuedPack(env: Env, sha256: string, pack: IssuedPack): void {
  env.properties.getDocumentProperties()?.setProperty(PREFIX + sha256, JSON.stringify(pack));
}

export function issuedPack(env: Env, sha256: string): IssuedPack | null {
  if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
  const text = env.properties.getDocumentProperties()?.getProperty(PREFIX + sha256);
  return text ? (JSON.parse(text) as IssuedPack) : null;
}
