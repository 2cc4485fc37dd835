/** UTF-8 size of a text: the cache and property limits count bytes, and Vietnamese is multi-byte. */
export function utf8Bytes(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/**
 * A text as UTF-8 bytes. Apps Script has no TextEncoder, so the files the add-on writes byte by
 * byte (the .xlsx export) encode here. A lone surrogate becomes U+FFFD, as TextEncoder does.
 */
export function utf8Encode(text: string): Uint8Array {
  const out = new Uint8Array(utf8Bytes(text));
  let i = 0;
  for (const ch of text) {
    let c = ch.codePointAt(0)!;
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) out[i++] = c;
    else if (c < 0x800) {
      out[i++] = 0xc0 | (c >> 6);
      out[i++] = 0x80 | (c & 63);
    } else if (c < 0x10000) {
      out[i++] = 0xe0 | (c >> 12);
      out[i++] = 0x80 | ((c >> 6) & 63);
      out[i++] = 0x80 | (c & 63);
    } else {
      out[i++] = 0xf0 | (c >> 18);
      out[i++] = 0x80 | ((c >> 12) & 63);
      out[i++] = 0x80 | ((c >> 6) & 63);
      out[i++] = 0x80 | (c & 63);
    }
  }
  return out;
}
