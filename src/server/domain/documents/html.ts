/**
 * Pure pieces of the printable documents (biên bản, học bạ, print packs): one A4 page shell in
 * the layout of a Vietnamese administrative document (Nghị định 30/2020/NĐ-CP: the issuing body
 * top left, the national motto top right, the place-and-date line under the motto, Times New
 * Roman 13pt), escaping, and the Vietnamese ways of writing dates, times and scores.
 *
 * The same HTML becomes a PDF through Apps Script's converter (Blob.getAs) in production and
 * headless Chromium locally, so the CSS stays plain: tables for layout (no flex or grid), no
 * web fonts, no external URL of any kind.
 */
import { vnParts } from '../calendar/time';

/** Text made safe for HTML content and attribute values (names can hold <, &, quotes). */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Escaped text whose line breaks stay line breaks (a reason typed on several lines). */
export function escapeLines(value: unknown): string {
  return escapeHtml(value).replace(/\r\n|\r|\n/g, '<br>');
}

/** 2026 → "2026-2027". */
export function schoolYearText(schoolYear: number): string {
  return `${schoolYear}-${schoolYear + 1}`;
}

const two = (n: number) => String(n).padStart(2, '0');

/** dd/MM/yyyy HH:mm in Việt Nam time (Asia/Ho_Chi_Minh) of an ISO instant; other text is shown as given. */
export function vnDateTimeText(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const p = vnParts(ms);
  return `${two(p.day)}/${two(p.month)}/${p.year} ${two(p.hour)}:${two(p.minute)}`;
}

/**
 * "Đại Thắng, ngày 15 tháng 7 năm 2027": the date line of an administrative document. Days
 * below 10 and the months 1 and 2 take a leading zero (Nghị định 30/2020/NĐ-CP, Phụ lục I), so
 * a date is not altered by adding a digit: "ngày 05 tháng 01 năm 2027", "ngày 06 tháng 10".
 */
export function placeDateLine(place: string | undefined, ms: number): string {
  let date = 'ngày ..... tháng ..... năm .........'; // an unknown instant leaves the date to be written by hand
  if (Number.isFinite(ms)) {
    const p = vnParts(ms);
    const month = p.month <= 2 ? two(p.month) : String(p.month);
    date = `ngày ${two(p.day)} tháng ${month} năm ${p.year}`;
  }
  const where = (place ?? '').trim();
  return where === '' ? `Ngày ${date.slice('ngày '.length)}` : `${where}, ${date}`;
}

/**
 * A score or level as Vietnamese documents write it: "6,5" for the log's "6.5" or the number
 * 6.5, "Đ"/"CĐ" unchanged, and an empty cell as "(trống)".
 */
export function scoreText(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '(trống)';
  const text = String(value).trim();
  if (text === '') return '(trống)';
  return /^-?\d+\.\d+$/.test(text) ? text.replace('.', ',') : text;
}

/** What the page header and date line say; `body` is HTML the caller has already escaped. */
export interface PrintPage {
  /** The document's title (the heading and the PDF's title), e.g. "BIÊN BẢN SỬA ĐIỂM". */
  title: string;
  /** A line under the title ("Về việc …"), optional. */
  subtitle?: string;
  schoolName: string;
  /** The body the school answers to, above the school's name ("UBND HUYỆN TIÊN LÃNG"), optional. */
  authority?: string;
  /** Commune or town for the date line; without it the line starts with "Ngày". */
  place?: string;
  /** The instant the document is dated. */
  dateMs: number;
  body: string;
  /** CSS of this document's own, added after the shared style (plain CSS, no URL). */
  style?: string;
}

const STYLE = `
@page { size: A4 portrait; margin: 2cm; }
html, body { margin: 0; padding: 0; }
body { font-family: "Times New Roman", Times, "Liberation Serif", "DejaVu Serif", serif; font-size: 13pt; line-height: 1.35; color: #000; }
table { border-collapse: collapse; width: 100%; }
td, th { vertical-align: top; }
/* Nghị định 30/2020: the issuing body and the national motto in 12-13pt; the motto on one line.
   Fixed columns with a gap, the school's name wrapping in its own: with a wide fallback font (no
   Times New Roman) the two never run into each other; a condensed face is preferred there. */
.header { table-layout: fixed; }
.header td { text-align: center; padding: 0; font-size: 12pt; font-family: "Times New Roman", Times, "Liberation Serif", "DejaVu Serif Condensed", serif; }
.header .left { width: 38%; padding-right: 8pt; }
.header .left .underlined { max-width: 100%; }
.header .right { width: 62%; white-space: nowrap; }
.bold { font-weight: bold; }
.underlined { display: inline-block; padding-bottom: 2px; border-bottom: 1px solid #000; }
.date { text-align: right; font-style: italic; margin: 6pt 0 18pt 0; }
h1 { font-size: 14pt; text-align: center; margin: 0; }
.subtitle { text-align: center; font-weight: bold; margin: 2pt 0 12pt 0; }
h2 { font-size: 13pt; margin: 12pt 0 4pt 0; page-break-after: avoid; break-after: avoid; }
p { margin: 4pt 0; text-align: justify; }
.facts th, .facts td { border: 1px solid #000; padding: 3pt 6pt; text-align: left; }
.facts th { width: 35%; font-weight: normal; }
.signatures { margin-top: 18pt; page-break-inside: avoid; break-inside: avoid; }
.signatures td { text-align: center; padding: 0 4pt; font-size: 12pt; }
.signatures .role { font-weight: bold; }
.signatures .hint { font-style: italic; }
.signatures td.space { height: 2.5cm; }
.signatures td.name { font-weight: bold; padding-bottom: 14pt; }
`;

/** A complete HTML document: the header (issuing body beside the national motto), the date line, the title and the body. */
export function printPageHtml(page: PrintPage): string {
  // Upper case is written out, not left to CSS: a converter may not apply text-transform.
  const authority = page.authority?.trim() ? `<div>${escapeHtml(page.authority.trim().toUpperCase())}</div>` : '';
  const subtitle = page.subtitle?.trim() ? `<div class="subtitle">${escapeHtml(page.subtitle.trim())}</div>` : '';
  return [
    '<!DOCTYPE html>',
    '<html lang="vi">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(page.title)}</title>`,
    `<style>${STYLE}${page.style ?? ''}</style>`,
    '</head>',
    '<body>',
    '<table class="header"><tr>',
    `<td class="left">${authority}<div class="bold"><span class="underlined">${escapeHtml(page.schoolName.toUpperCase())}</span></div></td>`,
    '<td class="right"><div class="bold">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>' +
      '<div class="bold"><span class="underlined">Độc lập - Tự do - Hạnh phúc</span></div></td>',
    '</tr></table>',
    `<p class="date">${escapeHtml(placeDateLine(page.place, page.dateMs))}</p>`,
    `<h1>${escapeHtml(page.title)}</h1>`,
    subtitle,
    page.body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Two columns of label and value, both escaped. */
export function factsTableHtml(rows: readonly (readonly [label: string, value: string])[]): string {
  const body = rows.map(([label, value]) => `<tr><th>${escapeHtml(label)}</th><td>${escapeLines(value)}</td></tr>`).join('\n');
  return `<table class="facts">\n${body}\n</table>`;
}

/** One signature block: the role, the hint to sign, room for the signature, the printed name. */
export interface SignatureBlock {
  role: string;
  /** A second line under the role (a witness's position), optional. */
  detail?: string;
  name: string;
  /** The line under the role; SIGN_HINT when absent ("(Ký, ghi rõ họ tên, đóng dấu)" for a principal). */
  hint?: string;
}

export const SIGN_HINT = '(Ký, ghi rõ họ tên)';
export const SIGN_AND_STAMP_HINT = '(Ký, ghi rõ họ tên, đóng dấu)';

/**
 * Signature blocks side by side, `perRow` a row: headings on one table row, the room to sign on
 * the next, the printed names on a third, so names line up whatever the headings' length. Kept on
 * one page where the printer can.
 */
export function signaturesHtml(blocks: readonly SignatureBlock[], perRow = 3): string {
  const rows: string[] = [];
  const width = `${Math.floor(100 / perRow)}%`;
  for (let i = 0; i < blocks.length; i += perRow) {
    const group = blocks.slice(i, i + perRow);
    const headings = group.map((b) => {
      const detail = b.detail?.trim() ? `<div>${escapeHtml(b.detail.trim())}</div>` : '';
      return `<td style="width: ${width}"><div class="role">${escapeHtml(b.role.toUpperCase())}</div>${detail}<div class="hint">${escapeHtml(b.hint ?? SIGN_HINT)}</div></td>`;
    });
    rows.push(`<tr>${headings.join('')}</tr>`);
    rows.push(`<tr>${group.map(() => '<td class="space"></td>').join('')}</tr>`);
    rows.push(`<tr>${group.map((b) => `<td class="name">${escapeHtml(b.name)}</td>`).join('')}</tr>`);
  }
  return `<table class="signatures">\n${rows.join('\n')}\n</table>`;
}
