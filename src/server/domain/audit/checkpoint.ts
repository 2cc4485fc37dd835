/**
 * Checkpoints: the (Số TT, hash) of the chain's head as someone outside the owner's reach saw it.
 * Each hash covers the previous one, so a checkpoint (s, h) vouches for every row up to s: if
 * row s still carries h, rows 1…s are as they were when it was taken (the chain check makes sure
 * each row's content still matches its hash); if it carries another hash, some row from 1 to s
 * was rewritten — and a second checkpoint (g, h') still intact narrows that to rows g+1…s.
 * That is all a checkpoint can say: which row of g+1…s changed is the chain check's and the
 * replay's to name.
 *
 * Two forms:
 * - the exchange form, one line of text: `sodiem-checkpoint:v1:<book>:<seq>:<hash>` (book: the
 *   spreadsheet's id, [A-Za-z0-9_-] only, so ':' cannot occur in a field). A line rather than
 *   JSON because a witness (the district office reading the workbook through the Sheets API)
 *   prints it in a report, sends it by mail or chat, and the board pastes or retypes it: no
 *   quotes or braces to lose, a fixed prefix to recognise. It holds only what can be checked
 *   against the book; when and by whom it was taken is the witness's own record.
 * - the held form, compact JSON in a person's user properties, one value per workbook:
 *   `{"v":1,"book":…,"by":…,"held":[{"seq":…,"hash":…,"at":…},…]}`, at most MAX_HELD
 *   checkpoints spread over the chain's history (about 2.5 KB, far under the 9 KB value limit).
 */
import * as z from 'zod/mini';
import type { AuditHead } from './entry';
import { CHECKPOINT_TEXT as T } from './checkpoint-messages';
import { utf8Bytes } from '../utf8';

export const CHECKPOINT_PREFIX = 'sodiem-checkpoint';
export const CHECKPOINT_VERSION = 1;
/** Checkpoints a person keeps per workbook. */
export const MAX_HELD = 20;
/** The held form stays well under the 9 KB a property value may hold (UTF-8 bytes). */
export const HELD_MAX_BYTES = 8 * 1024;

/** A checkpoint with its provenance: what a witness keeps. */
export interface Checkpoint extends AuditHead {
  v: typeof CHECKPOINT_VERSION;
  /** The spreadsheet's id. */
  book: string;
  /** ISO 8601 instant it was taken. */
  at: string;
  /** Who saw it (an email, or a witness's name). */
  by: string;
}

/** One checkpoint of a person's held list (book and by belong to the list). */
export interface HeldCheckpoint extends AuditHead {
  at: string;
}

const BOOK = /^[A-Za-z0-9_-]{20,100}$/;
const SEQ = /^[1-9][0-9]{0,14}$/;
const HEX_64 = /^[0-9a-f]{64}$/;
const quoted = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value) ?? String(value)).slice(0, 80);

export function formatCheckpoint(point: { book: string } & AuditHead): string {
  return `${CHECKPOINT_PREFIX}:v${CHECKPOINT_VERSION}:${point.book}:${point.seq}:${point.hash}`;
}

const textSchema = z.object({
  prefix: z.literal(CHECKPOINT_PREFIX, { error: (iss) => T.prefix(quoted(iss.input)) }),
  version: z.literal(`v${CHECKPOINT_VERSION}`, { error: (iss) => T.version(quoted(iss.input)) }),
  book: z.string().check(z.regex(BOOK, { error: (iss) => T.book(quoted(iss.input)) })),
  seq: z.pipe(z.string().check(z.regex(SEQ, { error: (iss) => T.seq(quoted(iss.input)) })), z.transform(Number)),
  hash: z.string().check(z.regex(HEX_64, { error: (iss) => T.hash(quoted(iss.input)) })),
});

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** The exchange form read back; spaces around it and upper-case hex are forgiven. */
export function parseCheckpointText(text: string): Parsed<{ book: string } & AuditHead> {
  const line = text.trim();
  const parts = line.split(':');
  if (parts.length !== 5) return { ok: false, message: T.shape(quoted(line)) };
  const [prefix, version, book, seq, hash] = parts;
  const parsed = textSchema.safeParse({ prefix, version, book, seq, hash: hash.toLowerCase() });
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0].message };
  return { ok: true, value: { book: parsed.data.book, seq: parsed.data.seq, hash: parsed.data.hash } };
}

const heldSchema = z.object({
  v: z.literal(CHECKPOINT_VERSION),
  book: z.string().check(z.regex(BOOK)),
  by: z.string().check(z.maxLength(320)),
  held: z.array(z.object({ seq: z.number().check(z.int(), z.positive()), hash: z.string().check(z.regex(HEX_64)), at: z.string().check(z.maxLength(40)) })).check(z.maxLength(MAX_HELD * 2)),
});

/** The value at a zod issue's path, to name it in the sentence. */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

/** A held list as stored for `book`; anything that does not parse is named, never trusted. */
export function parseHeld(text: string, book: string): Parsed<HeldCheckpoint[]> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, message: T.unreadable('JSON', quoted(text)) };
  }
  const parsed = heldSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: T.unreadable(issue.path.join('.') || 'JSON', quoted(valueAt(data, issue.path))) };
  }
  if (parsed.data.book !== book) return { ok: false, message: T.unreadable('book', parsed.data.book) };
  return { ok: true, value: parsed.data.held.map(({ seq, hash, at }) => ({ seq, hash, at })) };
}

export function serializeHeld(book: string, by: string, held: readonly HeldCheckpoint[]): string {
  return JSON.stringify({ v: CHECKPOINT_VERSION, book, by, held: held.map(({ seq, hash, at }) => ({ seq, hash, at })) });
}

/**
 * Drops one checkpoint to make room, keeping the history covered: never the oldest or the
 * newest, nor one that shares its Số TT with another (two hashes for one Số TT are the
 * evidence of a rewrite); of the rest, the one whose neighbours are closest together.
 */
function thinOnce(held: HeldCheckpoint[]): HeldCheckpoint[] {
  let drop = -1;
  let spread = Infinity;
  for (let i = 1; i < held.length - 1; i++) {
    if (held[i - 1].seq === held[i].seq || held[i + 1].seq === held[i].seq) continue;
    const gap = held[i + 1].seq - held[i - 1].seq;
    if (gap < spread) {
      spread = gap;
      drop = i;
    }
  }
  // Only conflicting ones left between the ends: give up the oldest interior one.
  return held.filter((_, i) => i !== (drop < 0 ? 1 : drop));
}

/** Adds a checkpoint unless one with the same Số TT and hash is held; sorted by Số TT, bounded. */
export function addCheckpoint(
  held: readonly HeldCheckpoint[],
  point: HeldCheckpoint,
  fits: (held: HeldCheckpoint[]) => boolean = () => true,
): { held: HeldCheckpoint[]; added: boolean } {
  if (held.some((h) => h.seq === point.seq && h.hash === point.hash)) return { held: [...held], added: false };
  let next = [...held, point].sort((a, b) => a.seq - b.seq || a.at.localeCompare(b.at));
  while (next.length > 2 && (next.length > MAX_HELD || !fits(next))) next = thinOnce(next);
  return { held: next, added: true };
}

/** Whether the held form of `held` stays under HELD_MAX_BYTES. */
export function heldFits(book: string, by: string): (held: HeldCheckpoint[]) => boolean {
  return (held) => utf8Bytes(serializeHeld(book, by, held)) <= HELD_MAX_BYTES;
}
