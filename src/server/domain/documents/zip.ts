/**
 * A zip archive with every entry stored (method 0, no compression) and its CRC-32: what an .xlsx
 * needs, written without a library because it runs inside Apps Script (no Node, no zlib).
 * Excel, LibreOffice and Google Sheets all open stored entries; a class's file is a few hundred
 * kilobytes, so compression would buy nothing that matters.
 *
 * Every entry carries the same fixed time (1980-01-01 00:00, the first instant a zip can hold), so
 * the same entries always give the same bytes: a file can be compared with an earlier export by
 * its hash.
 */

export interface ZipEntry {
  /** The path inside the archive, ASCII, '/' between folders. */
  path: string;
  data: Uint8Array;
}

/** The reflected CRC-32 table (polynomial 0xEDB88320), the one zip and PNG use. */
const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 of the bytes, as an unsigned 32-bit number. */
export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 255] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** MS-DOS date of 1980-01-01 (day 1, month 1, year 0 from 1980); the time is 00:00:00. */
const DOS_DATE = (1 << 5) | 1;
const DOS_TIME = 0;
/** Version 2.0 of the format, made on MS-DOS: what every reader accepts. */
const VERSION = 20;

const LOCAL_HEADER = 30;
const CENTRAL_HEADER = 46;
const END_RECORD = 22;

class ByteWriter {
  readonly bytes: Uint8Array;
  private at = 0;

  constructor(size: number) {
    this.bytes = new Uint8Array(size);
  }

  get offset(): number {
    return this.at;
  }

  u16(v: number): void {
    this.bytes[this.at++] = v & 255;
    this.bytes[this.at++] = (v >>> 8) & 255;
  }

  u32(v: number): void {
    this.u16(v & 0xffff);
    this.u16(v >>> 16);
  }

  raw(data: Uint8Array): void {
    this.bytes.set(data, this.at);
    this.at += data.length;
  }
}

function asciiBytes(path: string): Uint8Array {
  if (!/^[\x21-\x7e]+$/.test(path)) throw new Error(`zip: entry path must be printable ASCII: ${JSON.stringify(path)}`);
  return Uint8Array.from(path, (ch) => ch.charCodeAt(0));
}

/** The fields the local header and the central directory share, from "version needed" to the name's length. */
function commonFields(w: ByteWriter, name: Uint8Array, data: Uint8Array, crc: number): void {
  w.u16(VERSION);
  w.u16(0); // flags: no data descriptor, ASCII names
  w.u16(0); // method: stored
  w.u16(DOS_TIME);
  w.u16(DOS_DATE);
  w.u32(crc);
  w.u32(data.length); // compressed size: stored, so the same
  w.u32(data.length);
  w.u16(name.length);
  w.u16(0); // extra field length
}

/** The archive's bytes, entries in the order given (an .xlsx puts [Content_Types].xml first). */
export function zipStored(entries: readonly ZipEntry[]): Uint8Array {
  const names = entries.map((e) => asciiBytes(e.path));
  if (new Set(entries.map((e) => e.path)).size !== entries.length) throw new Error('zip: two entries with the same path');
  const crcs = entries.map((e) => crc32(e.data));
  const local = entries.reduce((n, e, i) => n + LOCAL_HEADER + names[i].length + e.data.length, 0);
  const central = names.reduce((n, name) => n + CENTRAL_HEADER + name.length, 0);
  // Past 4 GiB or 65535 entries a zip needs the Zip64 records, which this writer does not write.
  if (local + central > 0xffffffff || entries.length > 0xffff) throw new Error('zip: archive too large');
  const w = new ByteWriter(local + central + END_RECORD);
  const offsets: number[] = [];
  entries.forEach((e, i) => {
    offsets.push(w.offset);
    w.u32(0x04034b50);
    commonFields(w, names[i], e.data, crcs[i]);
    w.raw(names[i]);
    w.raw(e.data);
  });
  entries.forEach((e, i) => {
    w.u32(0x02014b50);
    w.u16(VERSION); // version made by
    commonFields(w, names[i], e.data, crcs[i]);
    w.u16(0); // comment length
    w.u16(0); // disk number
    w.u16(0); // internal attributes
    w.u32(0); // external attributes
    w.u32(offsets[i]);
    w.raw(names[i]);
  });
  w.u32(0x06054b50);
  w.u16(0); // this disk
  w.u16(0); // the disk where the central directory starts
  w.u16(entries.length);
  w.u16(entries.length);
  w.u32(central);
  w.u32(local);
  w.u16(0); // comment length
  return w.bytes;
}
