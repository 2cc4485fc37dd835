/**
 * A text too long for one document property (9 KB a value) kept in numbered pieces under one
 * prefix: `prefix0`, `prefix1`, … Written in one setProperties; stale pieces removed.
 */
import type { PropertiesPort } from '../gas/ports';

const CHUNK_CHARS = 2_500; // ≤ 9 KB per property value even if every character takes 3 bytes

export function writeChunked(props: PropertiesPort, prefix: string, text: string): void {
  writeChunkedAll(props, [[prefix, text]]);
}

/** Several texts, each under its prefix, with one getKeys and one setProperties for all. */
export function writeChunkedAll(props: PropertiesPort, texts: readonly (readonly [string, string])[]): void {
  const chunks: Record<string, string> = {};
  for (const [prefix, text] of texts) {
    for (let i = 0; i * CHUNK_CHARS < text.length; i++) chunks[`${prefix}${i}`] = text.slice(i * CHUNK_CHARS, (i + 1) * CHUNK_CHARS);
  }
  const stale = (key: string) => texts.some(([prefix]) => key.startsWith(prefix) && /^\d+$/.test(key.slice(prefix.length))) && !(key in chunks);
  for (const key of props.getKeys()) if (stale(key)) props.deleteProperty(key);
  props.setProperties(chunks);
}

/** The text from properties already read (one getProperties), or null when there is none. */
export function readChunked(all: Record<string, string>, prefix: string): string | null {
  const parts: string[] = [];
  for (let i = 0; `${prefix}${i}` in all; i++) parts.push(all[`${prefix}${i}`]);
  return parts.length > 0 ? parts.join('') : null;
}
