/** A reader for the stored zips the add-on writes, for the tests: every entry checked against its local header and CRC. */
import * as zlib from 'node:zlib';

/** The entries of a zip as its central directory lists them, each checked against its local header. */
export function readStoredZip(bytes: Uint8Array): Map<string, Buffer> {
  const buf = Buffer.from(bytes);
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(end).toBe(buf.length - 22);
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  expect(at + buf.readUInt32LE(end + 12)).toBe(end);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    expect(buf.readUInt32LE(at)).toBe(0x02014b50);
    const [method, crc, size, nameLength, offset] = [buf.readUInt16LE(at + 10), buf.readUInt32LE(at + 16), buf.readUInt32LE(at + 24), buf.readUInt16LE(at + 28), buf.readUInt32LE(at + 42)];
    const name = buf.subarray(at + 46, at + 46 + nameLength).toString('ascii');
    expect(method).toBe(0);
    expect(buf.readUInt32LE(offset)).toBe(0x04034b50);
    expect(buf.readUInt32LE(offset + 14)).toBe(crc);
    const data = buf.subarray(offset + 30 + buf.readUInt16LE(offset + 26), offset + 30 + buf.readUInt16LE(offset + 26) + size);
    expect(zlib.crc32(data)).toBe(crc);
    out.set(name, data);
    at += 46 + nameLength;
  }
  return out;
}
