/**
 * Correction requests (đề nghị sửa điểm), one document property each. Only the add-on's code
 * writes document properties, so a teacher changes a request only through the add-on's checked
 * functions; every step also reaches the log (apply.ts) and the approvals sheet (for protections).
 */
import * as z from 'zod/mini';
import type { PropertiesPort } from '../../gas/ports';

const PREFIX = 'sodiem.correction.';

const request = z.object({
  id: z.string(),
  classCode: z.string(),
  /** The tab the cell is on (the class's grade book). */
  sheet: z.string(),
  /** The column's key (S|TOAN|1|CK) and the audit label ("HK I · CK"). */
  key: z.string(),
  column: z.string(),
  studentCode: z.string(),
  subjectCode: z.string(),
  teacher: z.string(),
  /** The accepted value when asked, and the value asked for (as the log writes values). */
  oldValue: z.string(),
  newValue: z.string(),
  reason: z.string(),
  requestedAt: z.string(),
  state: z.enum(['requested', 'approved', 'rejected', 'applied', 'expired']),
  decidedBy: z.optional(z.string()),
  decidedAt: z.optional(z.string()),
  witnesses: z.optional(z.array(z.string())),
  decisionReason: z.optional(z.string()),
  expiresAt: z.optional(z.string()),
  appliedAt: z.optional(z.string()),
  appliedSeq: z.optional(z.number()),
  minutesUrl: z.optional(z.string()),
  /** Which of its steps the log already holds (the admin's run writes them). */
  logged: z.array(z.enum(['request', 'decision', 'expired'])),
});

export type CorrectionRequest = z.infer<typeof request>;

export const OPEN_STATES: ReadonlySet<CorrectionRequest['state']> = new Set(['requested', 'approved']);

export function readCorrections(props: PropertiesPort): CorrectionRequest[] {
  return readCorrectionsFrom(props.getProperties());
}

/** From properties already read (the guard reads them once). */
export function readCorrectionsFrom(all: Record<string, string>): CorrectionRequest[] {
  const out: CorrectionRequest[] = [];
  for (const [key, text] of Object.entries(all)) {
    if (!key.startsWith(PREFIX)) continue;
    try {
      const parsed = request.safeParse(JSON.parse(text));
      if (parsed.success) out.push(parsed.data);
    } catch {
      // A defaced value is no request.
    }
  }
  return out.sort((a, b) => a.requestedAt.localeCompare(b.requestedAt) || a.id.localeCompare(b.id));
}

export function findCorrection(props: PropertiesPort, id: string): CorrectionRequest | null {
  const text = props.getProperty(PREFIX + id);
  if (!text) return null;
  const parsed = request.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : null;
}

export function writeCorrection(props: PropertiesPort, r: CorrectionRequest): void {
  props.setProperty(PREFIX + r.id, JSON.stringify(r));
}

/** "SĐ-7F3A2C" — short enough to say aloud, from a UUID. */
export function newCorrectionId(uuid: string): string {
  return `SĐ-${uuid.replace(/-/g, '').slice(0, 6).toUpperCase()}`;
}

/** How long a finished request stays listed in the panels; the log and the minutes keep it for good. */
export const CLOSED_KEPT_DAYS = 30;

/**
 * When a request finished, once every step of it is in the log (and an applied one has its
 * minutes): null while it is open or still owes the log something. Only such requests may leave
 * the property store.
 */
export function finishedAt(r: CorrectionRequest): number | null {
  const logged = new Set(r.logged);
  if (!logged.has('request')) return null;
  if (r.state === 'rejected' && logged.has('decision')) return Date.parse(r.decidedAt ?? '');
  if (r.state === 'expired' && logged.has('expired')) return Date.parse(r.expiresAt ?? '');
  if (r.state === 'applied' && logged.has('decision') && r.appliedSeq !== undefined && r.appliedSeq > 0 && r.minutesUrl) return Date.parse(r.appliedAt ?? '');
  return null;
}

/**
 * Requests finished more than CLOSED_KEPT_DAYS ago leave the document properties: one property
 * each, a school's year of them would fill the store (500 KB) and slow every guard run, which
 * reads the store whole. Their steps stay in the hash-chained log and their minutes in Drive.
 * The caller holds the document lock. Returns how many left.
 */
export function pruneFinished(props: PropertiesPort, nowMs: number): number {
  const old = readCorrections(props).filter((r) => {
    const at = finishedAt(r);
    return at !== null && !Number.isNaN(at) && nowMs - at > CLOSED_KEPT_DAYS * 86_400_000;
  });
  for (const r of old) props.deleteProperty(PREFIX + r.id);
  return old.length;
}
