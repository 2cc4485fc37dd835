/**
 * The print packs issued, by the SHA-256 of their PDF: which class and period each is, whether it
 * was a draft, and the scores' digest of each of its pages at the moment it was printed. A person
 * signs "the pack I hold" by naming that SHA-256; the sign-off compares these digests with the
 * book. Kept in document properties (one property per PDF, written once), because whoever exports
 * — a homeroom teacher, a board member — cannot write the log; the admin's run logs the sign-off.
 */
import type { Env } from '../../gas/env';
import { WHOLE_PACK, type PackPage, type PackPeriod } from '../../domain/documents/signoff';

const PREFIX = 'sodiem.pack.';

export interface IssuedPack {
  classCode: string;
  period: PackPeriod;
  draft: boolean;
  /** Scores digest per page (subject code, 'class') and of the whole 'pack'. */
  digests: Record<PackPage, string>;
  /** When it was printed: of two prints showing the same scores, the signers are shown the newer (absent in records made before). */
  issuedMs?: number;
}

export function recordIssuedPack(env: Env, sha256: string, pack: IssuedPack): void {
  env.properties.getDocumentProperties()?.setProperty(PREFIX + sha256, JSON.stringify(pack));
}

export function issuedPack(env: Env, sha256: string): IssuedPack | null {
  if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
  const text = env.properties.getDocumentProperties()?.getProperty(PREFIX + sha256);
  return text ? (JSON.parse(text) as IssuedPack) : null;
}

/**
 * The print a signer is shown: the newest of the class's period that shows the book's scores now
 * (its whole-pack digest is the book's), a final print before a draft of the same moment. Null
 * when no print shows the current scores: the pack is exported again first.
 */
export function currentIssuedPack(env: Env, classCode: string, period: PackPeriod, packDigest: string): { sha256: string; pack: IssuedPack } | null {
  const all = env.properties.getDocumentProperties()?.getProperties() ?? {};
  let best: { sha256: string; pack: IssuedPack } | null = null;
  const rank = (p: IssuedPack) => [p.issuedMs ?? 0, p.draft ? 0 : 1];
  for (const [key, text] of Object.entries(all)) {
    if (!key.startsWith(PREFIX)) continue;
    const pack = JSON.parse(text) as IssuedPack;
    if (pack.classCode !== classCode || pack.period !== period || pack.digests[WHOLE_PACK] !== packDigest) continue;
    const [ms, final] = rank(pack);
    const [bestMs, bestFinal] = best ? rank(best.pack) : [-1, -1];
    if (ms > bestMs || (ms === bestMs && final > bestFinal)) best = { sha256: key.slice(PREFIX.length), pack };
  }
  return best;
}
