// A band of rows cut out of a PNG, in plain Node (zlib): enough for the browser tests'
// screenshots (8-bit RGB or RGBA, not interlaced), so the user guides can show the part of a tall
// 300-px-wide sidebar they talk about, with no image tool needed on the machine.
import { crc32, deflateSync, inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The chunks of a PNG file, in order. */
function chunks(png) {
  if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error('không phải tệp PNG');
  const out = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    if (png.readUInt32BE(at + 8 + length) !== crc32(png.subarray(at + 4, at + 8 + length))) throw new Error(`mã CRC của khối ${type} sai`);
    out.push({ type, data });
    at += 12 + length;
  }
  return out;
}

/** Width, height, bytes per pixel and the unfiltered rows of an 8-bit RGB/RGBA PNG. */
export function decodePng(png) {
  const all = chunks(png);
  const header = all.find((c) => c.type === 'IHDR')?.data;
  if (!header) throw new Error('thiếu khối IHDR');
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const [depth, colour, , , interlace] = header.subarray(8, 13);
  if (depth !== 8 || (colour !== 2 && colour !== 6) || interlace !== 0) throw new Error('chỉ đọc PNG 8 bit RGB/RGBA không xen kẽ');
  const bpp = colour === 6 ? 4 : 3;
  const stride = width * bpp;
  const raw = inflateSync(Buffer.concat(all.filter((c) => c.type === 'IDAT').map((c) => c.data)));
  if (raw.length !== height * (stride + 1)) throw new Error(`dữ liệu ảnh dài ${raw.length} byte, cần ${height * (stride + 1)}`);
  const rows = [];
  let previous = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? line[x - bpp] : 0;
      const b = previous[x];
      const c = x >= bpp ? previous[x - bpp] : 0;
      line[x] = (line[x] + predict(filter, a, b, c)) & 0xff;
    }
    rows.push(line);
    previous = line;
  }
  return { width, height, colour, bpp, rows };
}

function predict(filter, a, b, c) {
  switch (filter) {
    case 0: return 0;
    case 1: return a;
    case 2: return b;
    case 3: return (a + b) >> 1;
    case 4: {
      const p = a + b - c;
      const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
      return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
    default: throw new Error(`kiểu lọc ${filter} không hợp lệ`);
  }
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

/** Rows back to a PNG, each filtered the way the usual heuristic picks (smallest sum of magnitudes). */
export function encodePng({ width, colour, bpp, rows }) {
  const stride = width * bpp;
  const lines = [];
  let previous = Buffer.alloc(stride);
  for (const row of rows) {
    let best = null;
    for (let filter = 0; filter <= 4; filter++) {
      const line = Buffer.alloc(stride + 1);
      line[0] = filter;
      let cost = 0;
      for (let x = 0; x < stride; x++) {
        const v = (row[x] - predict(filter, x >= bpp ? row[x - bpp] : 0, previous[x], x >= bpp ? previous[x - bpp] : 0)) & 0xff;
        line[x + 1] = v;
        cost += v < 128 ? v : 256 - v;
      }
      if (!best || cost < best.cost) best = { cost, line };
    }
    lines.push(best.line);
    previous = row;
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(rows.length, 4);
  header.set([8, colour, 0, 0, 0], 8);
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(lines), { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** The rows [top, top + height) of a PNG (height: to the bottom when omitted or past it). */
export function cropPng(png, top = 0, height = Infinity) {
  const image = decodePng(png);
  if (!Number.isInteger(top) || top < 0 || top >= image.height) throw new Error(`hàng bắt đầu ${top} nằm ngoài ảnh cao ${image.height} điểm ảnh`);
  return encodePng({ ...image, rows: image.rows.slice(top, Math.min(image.height, top + height)) });
}
