/**
 * What the writer records outside the sheet, in document properties: the head (Số TT and hash
 * of the last row appended — a cut tail leaves no broken link, so only this reveals it) and the
 * archives the chain continues through. Both are validated when read: a value that does not
 * parse counts as absent, and verification then reports what the sheet alone shows.
 */
import * as z from 'zod/mini';
import type { AuditHead } from '../../domain/audit';
import type { Env } from '../../gas/env';
import type { PropertiesPort } from '../../gas/ports';

export const AUDIT_HEAD_KEY = 'sodiem.audit.head';
export const AUDIT_ARCHIVES_KEY = 'sodiem.audit.archives';
/** Developer metadata (one per archive, the record as JSON) that points outside readers to the archives. */
export const ARCHIVE_METADATA_KEY = 'sodiem.audit.archive';

const hash = z.string().check(z.regex(/^[0-9a-f]{64}$/));
const headSchema = z.object({ seq: z.number().check(z.int(), z.nonnegative()), hash });
/** The head as stored: `next` is set while an append is under way (see HeadRecord). */
const headRecordSchema = z.extend(headSchema, { next: z.optional(headSchema) });

/**
 * The head, and while an append is under way the last row it is writing. appendAudit records
 * `next` before its rows and clears it with the new head after them: a run that dies in
 * between leaves rows past the head that the next run can tell from rows slipped in by hand.
 */
export interface HeadRecord {
  head: AuditHead;
  next?: AuditHead;
}

/** One archive spreadsheet holding rows firstSeq…lastSeq of the chain. */
export const archiveSchema = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string(),
  part: z.number().check(z.int(), z.positive()),
  count: z.number().check(z.int(), z.positive()),
  firstSeq: z.number().check(z.int(), z.positive()),
  lastSeq: z.number().check(z.int(), z.positive()),
  lastHash: hash,
});
export type AuditArchive = z.infer<typeof archiveSchema>;

export function documentProperties(env: Env): PropertiesPort {
  const props = env.properties.getDocumentProperties();
  if (!props) throw new Error('Nhật ký chỉ dùng được trong một bảng tính (không có thuộc tính tài liệu).');
  return props;
}

function parseJson<T>(text: string | null, schema: z.ZodMiniType<T>): T | undefined {
  if (text === null) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function readHead(props: PropertiesPort): AuditHead | undefined {
  return parseJson(props.getProperty(AUDIT_HEAD_KEY), headSchema);
}

/** The head with the append under way, if any; undefined when absent or unreadable. */
export function readHeadRecord(props: PropertiesPort): HeadRecord | undefined {
  const record = parseJson(props.getProperty(AUDIT_HEAD_KEY), headRecordSchema);
  if (!record) return undefined;
  const head = { seq: record.seq, hash: record.hash };
  return record.next ? { head, next: { seq: record.next.seq, hash: record.next.hash } } : { head };
}

export function writeHead(props: PropertiesPort, head: AuditHead, next?: AuditHead): void {
  const record = next ? { seq: head.seq, hash: head.hash, next: { seq: next.seq, hash: next.hash } } : { seq: head.seq, hash: head.hash };
  props.setProperty(AUDIT_HEAD_KEY, JSON.stringify(record));
}

export function readArchives(props: PropertiesPort): AuditArchive[] {
  return parseJson(props.getProperty(AUDIT_ARCHIVES_KEY), z.array(archiveSchema)) ?? [];
}

/** About 200 bytes per archive: the 9 KB property holds some 45 archives (two million rows). */
export function writeArchives(props: PropertiesPort, archives: readonly AuditArchive[]): void {
  props.setProperty(AUDIT_ARCHIVES_KEY, JSON.stringify(archives));
}
