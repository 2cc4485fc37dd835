/**
 * A small .xlsx writer for the add-on's data files (the results export for the education
 * database): the minimal Office Open XML parts in a stored zip (zip.ts), nothing else. It runs in
 * Apps Script, so no library (exceljs needs Node) and no TextEncoder (utf8.ts).
 *
 * What the files need and nothing more: text as shared strings (the form every importer reads,
 * older CSDL tools included), numbers as number cells (8.5 stays a number, shown "8.5" or "8,5"
 * as the reader's locale says), a bold header row that stays frozen, column widths, one sheet
 * named by the caller. Text is NFC-normalised (an importer compares "Nguyễn" as typed on another
 * keyboard), and characters XML 1.0 cannot hold are dropped (a control character pasted into a
 * name would otherwise make Excel refuse the whole file). The same workbook always gives the same
 * bytes: nothing depends on the clock.
 */
import { columnLetters } from '../a1';
import { utf8Encode } from '../utf8';
import { zipStored } from './zip';

export type XlsxCell = string | number | null;

export interface XlsxColumn {
  /** Width in characters of the default font. */
  width: number;
  /** A number format for the column's number cells ("0.0": a score with one decimal); none: General. */
  numberFormat?: string;
}

export interface XlsxSheet {
  /** The tab's name; cut to Excel's 31 characters, the characters Excel forbids replaced. */
  name: string;
  /** The first row, in bold. */
  header: readonly string[];
  rows: readonly (readonly XlsxCell[])[];
  columns: readonly XlsxColumn[];
  /** Columns kept in view when scrolling right (the header row always is). */
  frozenColumns?: number;
}

export interface XlsxWorkbook {
  /** The document's title in its properties. */
  title: string;
  sheets: readonly XlsxSheet[];
}

export const XLSX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Excel's limit on a cell's text; longer text makes it refuse the file. */
const MAX_CELL_TEXT = 32767;
const MAX_SHEET_NAME = 31;

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Text as XML 1.0 accepts it: NFC, without the characters XML forbids (C0 controls but tab and line breaks, lone surrogates, U+FFFE/U+FFFF). */
export function xmlSafeText(text: string): string {
  return text.normalize('NFC').replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '');
}

export function xmlEscape(text: string): string {
  return xmlSafeText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A tab name Excel accepts: no []:*?/\, not empty, at most 31 characters, no apostrophe at either end. */
export function xlsxSheetName(name: string): string {
  const cleaned = xmlSafeText(name)
    .replace(/[[\]:*?/\\]/g, '-')
    .replace(/^'+|'+$/g, '')
    .trim();
  return Array.from(cleaned || 'Sheet1').slice(0, MAX_SHEET_NAME).join('');
}

/** Shared strings: each distinct text once, numbered in order of first use. */
class StringTable {
  private readonly index = new Map<string, number>();
  readonly texts: string[] = [];
  uses = 0;

  id(text: string): number {
    this.uses++;
    let id = this.index.get(text);
    if (id === undefined) {
      id = this.texts.length;
      this.index.set(text, id);
      this.texts.push(text);
    }
    return id;
  }
}

/** Cell styles (cellXfs): 0 the default, 1 the header, then one per distinct number format. */
const HEADER_STYLE = 1;
const FIRST_NUMBER_FORMAT_ID = 164;

function cellText(text: string): string {
  const safe = xmlSafeText(text);
  return Array.from(safe).length > MAX_CELL_TEXT ? Array.from(safe).slice(0, MAX_CELL_TEXT).join('') : safe;
}

/** `<t>`, keeping spaces at the ends and line breaks that XML would otherwise fold. */
function textElement(text: string): string {
  const preserve = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : '';
  return `<t${preserve}>${xmlEscape(text)}</t>`;
}

function cellXml(ref: string, value: XlsxCell, style: number, strings: StringTable): string {
  if (value === null || value === '') return '';
  const s = style === 0 ? '' : ` s="${style}"`;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`xlsx: ${ref} is not a finite number`);
    return `<c r="${ref}"${s}><v>${String(value)}</v></c>`;
  }
  return `<c r="${ref}"${s} t="s"><v>${strings.id(cellText(value))}</v></c>`;
}

function paneXml(rows: number, columns: number): string {
  const topLeft = `${columnLetters(columns)}${rows + 1}`;
  const split = `${columns > 0 ? ` xSplit="${columns}"` : ''} ySplit="${rows}"`;
  const active = columns > 0 ? 'bottomRight' : 'bottomLeft';
  const selections = (columns > 0 ? ['topRight', 'bottomLeft', 'bottomRight'] : ['bottomLeft']).map((p) => `<selection pane="${p}" activeCell="${topLeft}" sqref="${topLeft}"/>`);
  return `<pane${split} topLeftCell="${topLeft}" activePane="${active}" state="frozen"/>${selections.join('')}`;
}

/** Points per line of the 12 pt font. */
const LINE_HEIGHT = 15.75;

/**
 * The header row's height for its longest wrapped title: Google Sheets keeps a row's height as the
 * file says, so a header left at one line would show only the start of a long title.
 */
function headerHeight(sheet: XlsxSheet): number {
  const lines = sheet.header.map((h, c) => Math.ceil(Array.from(h).length / Math.max(1, (sheet.columns[c]?.width ?? 8.43) - 1)));
  return Math.max(1, ...lines) * LINE_HEIGHT;
}

function sheetXml(sheet: XlsxSheet, index: number, strings: StringTable, styleOf: (format: string | undefined) => number): string {
  const width = Math.max(sheet.header.length, sheet.columns.length, ...sheet.rows.map((r) => r.length), 1);
  const lastRef = `${columnLetters(width - 1)}${sheet.rows.length + 1}`;
  const cols = sheet.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${Math.max(1, Math.min(255, c.width))}" customWidth="1"/>`).join('');
  const header = sheet.header.map((h, c) => cellXml(`${columnLetters(c)}1`, h, HEADER_STYLE, strings)).join('');
  const body = sheet.rows.map((row, r) => {
    const cells = row.map((v, c) => cellXml(`${columnLetters(c)}${r + 2}`, v, typeof v === 'number' ? styleOf(sheet.columns[c]?.numberFormat) : 0, strings)).join('');
    return `<row r="${r + 2}">${cells}</row>`;
  });
  return (
    XML_DECL +
    `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    `<dimension ref="A1:${lastRef}"/>` +
    `<sheetViews><sheetView${index === 0 ? ' tabSelected="1"' : ''} workbookViewId="0">${paneXml(1, sheet.frozenColumns ?? 0)}</sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="${LINE_HEIGHT}"/>` +
    (cols ? `<cols>${cols}</cols>` : '') +
    `<sheetData><row r="1" ht="${headerHeight(sheet)}" customHeight="1">${header}</row>${body.join('')}</sheetData>` +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '</worksheet>'
  );
}

/** Times New Roman, the font of Vietnamese administrative documents; the header bold, wrapped and centred. */
function stylesXml(formats: readonly string[]): string {
  const numFmts = formats.map((f, i) => `<numFmt numFmtId="${FIRST_NUMBER_FORMAT_ID + i}" formatCode="${xmlEscape(f)}"/>`).join('');
  const font = (bold: boolean) => `<font>${bold ? '<b/>' : ''}<sz val="12"/><name val="Times New Roman"/><family val="1"/></font>`;
  const xfs = [
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>',
    ...formats.map((_, i) => `<xf numFmtId="${FIRST_NUMBER_FORMAT_ID + i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`),
  ];
  return (
    XML_DECL +
    `<styleSheet xmlns="${NS_MAIN}">` +
    (formats.length ? `<numFmts count="${formats.length}">${numFmts}</numFmts>` : '') +
    `<fonts count="2">${font(false)}${font(true)}</fonts>` +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '</styleSheet>'
  );
}

function sharedStringsXml(strings: StringTable): string {
  const items = strings.texts.map((t) => `<si>${textElement(t)}</si>`).join('');
  return `${XML_DECL}<sst xmlns="${NS_MAIN}" count="${strings.uses}" uniqueCount="${strings.texts.length}">${items}</sst>`;
}

function relationshipsXml(targets: readonly { type: string; target: string }[]): string {
  const rels = targets.map((t, i) => `<Relationship Id="rId${i + 1}" Type="${t.type}" Target="${t.target}"/>`).join('');
  return `${XML_DECL}<Relationships xmlns="${NS_PKG_REL}">${rels}</Relationships>`;
}

const CT = 'application/vnd.openxmlformats-officedocument';

function contentTypesXml(sheetCount: number): string {
  const override = (part: string, type: string) => `<Override PartName="${part}" ContentType="${type}"/>`;
  const sheets = Array.from({ length: sheetCount }, (_, i) => override(`/xl/worksheets/sheet${i + 1}.xml`, `${CT}.spreadsheetml.worksheet+xml`));
  return (
    XML_DECL +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    override('/xl/workbook.xml', `${CT}.spreadsheetml.sheet.main+xml`) +
    sheets.join('') +
    override('/xl/styles.xml', `${CT}.spreadsheetml.styles+xml`) +
    override('/xl/sharedStrings.xml', `${CT}.spreadsheetml.sharedStrings+xml`) +
    override('/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml') +
    override('/docProps/app.xml', `${CT}.extended-properties+xml`) +
    '</Types>'
  );
}

function workbookXml(names: readonly string[]): string {
  const sheets = names.map((n, i) => `<sheet name="${xmlEscape(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  return `${XML_DECL}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>${sheets}</sheets></workbook>`;
}

/** Title and creator only: no dates, so the bytes do not change with the clock. */
function coreXml(title: string): string {
  return (
    XML_DECL +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">' +
    `<dc:title>${xmlEscape(title)}</dc:title><dc:creator>Sổ Điểm</dc:creator></cp:coreProperties>`
  );
}

const APP_XML = `${XML_DECL}<Properties xmlns="${CT}.extended-properties"><Application>Sổ Điểm</Application></Properties>`;

/** The workbook as the bytes of an .xlsx file. */
export function xlsxBytes(book: XlsxWorkbook): Uint8Array {
  if (book.sheets.length === 0) throw new Error('xlsx: a workbook needs a sheet');
  const names: string[] = [];
  for (const sheet of book.sheets) {
    const base = xlsxSheetName(sheet.name);
    let name = base;
    // Excel compares tab names ignoring case; a second "6A" becomes "6A (2)".
    for (let n = 2; names.some((x) => x.toLowerCase() === name.toLowerCase()); n++) name = `${Array.from(base).slice(0, MAX_SHEET_NAME - 4).join('')} (${n})`;
    names.push(name);
  }
  const strings = new StringTable();
  const formats: string[] = [];
  const styleOf = (format: string | undefined) => {
    if (!format) return 0;
    if (!formats.includes(format)) formats.push(format);
    return HEADER_STYLE + 1 + formats.indexOf(format);
  };
  const sheets = book.sheets.map((s, i) => sheetXml(s, i, strings, styleOf));
  const rel = (kind: string) => `${NS_REL}/${kind}`;
  const parts: [string, string][] = [
    ['[Content_Types].xml', contentTypesXml(sheets.length)],
    ['_rels/.rels', relationshipsXml([
      { type: rel('officeDocument'), target: 'xl/workbook.xml' },
      { type: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', target: 'docProps/core.xml' },
      { type: rel('extended-properties'), target: 'docProps/app.xml' },
    ])],
    ['docProps/core.xml', coreXml(book.title)],
    ['docProps/app.xml', APP_XML],
    ['xl/workbook.xml', workbookXml(names)],
    ['xl/_rels/workbook.xml.rels', relationshipsXml([
      ...sheets.map((_, i) => ({ type: rel('worksheet'), target: `worksheets/sheet${i + 1}.xml` })),
      { type: rel('styles'), target: 'styles.xml' },
      { type: rel('sharedStrings'), target: 'sharedStrings.xml' },
    ])],
    ['xl/styles.xml', stylesXml(formats)],
    ['xl/sharedStrings.xml', sharedStringsXml(strings)],
    ...sheets.map((xml, i): [string, string] => [`xl/worksheets/sheet${i + 1}.xml`, xml]),
  ];
  return zipStored(parts.map(([path, xml]) => ({ path, data: utf8Encode(xml) })));
}

/** Bytes as Java's signed bytes, what Apps Script's Utilities.newBlob takes. */
export function signedBytes(bytes: Uint8Array): number[] {
  return Array.from(bytes, (b) => (b > 127 ? b - 256 : b));
}
