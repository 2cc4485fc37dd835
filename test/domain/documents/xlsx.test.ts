/**
 * The pure .xlsx writer: CRC-32 against Node's zlib, a stored zip whose every entry a reader finds
 * with its CRC and size, UTF-8 as Node encodes it, and a workbook exceljs opens with its sheet
 * name, bold frozen header, widths, number cells as numbers, Vietnamese text intact (NFC) and
 * characters XML cannot hold dropped; the same workbook always gives the same bytes.
 */
import * as zlib from 'node:zlib';
import * as ExcelJS from 'exceljs';
import * as fc from 'fast-check';
import { crc32, zipStored } from '../../../src/server/domain/documents/zip';
import { signedBytes, xlsxBytes, xlsxSheetName, xmlSafeText, type XlsxWorkbook } from '../../../src/server/domain/documents/xlsx';
import { utf8Encode } from '../../../src/server/domain/utf8';
import { readStoredZip } from './zip-read';

test('crc32 is the zip CRC: the check value of "123456789" and Node’s zlib.crc32 on any bytes', () => {
  expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  expect(crc32(new Uint8Array())).toBe(0);
  fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => crc32(bytes) === zlib.crc32(bytes)));
});

test('utf8Encode encodes as Node does; a lone surrogate becomes U+FFFD', () => {
  fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => Buffer.from(utf8Encode(text)).equals(Buffer.from(text, 'utf8'))));
  expect(Buffer.from(utf8Encode('Nguyễn Thị Ánh 👩‍🎓')).toString('utf8')).toBe('Nguyễn Thị Ánh 👩‍🎓');
  expect([...utf8Encode('a\ud800b')]).toEqual([0x61, 0xef, 0xbf, 0xbd, 0x62]);
});

test('zipStored writes every entry stored, in order, with its CRC, and a reader finds them all', () => {
  const entries = [
    { path: '[Content_Types].xml', data: utf8Encode('<Types/>') },
    { path: 'xl/worksheets/sheet1.xml', data: utf8Encode('Mã học sinh') },
    { path: 'empty', data: new Uint8Array() },
  ];
  const zip = readStoredZip(zipStored(entries));
  expect([...zip.keys()]).toEqual(entries.map((e) => e.path));
  expect(zip.get('xl/worksheets/sheet1.xml')!.toString('utf8')).toBe('Mã học sinh');
  expect(() => zipStored([{ path: 'Tên.xml', data: new Uint8Array() }])).toThrow(/ASCII/);
  expect(() => zipStored([entries[0], entries[0]])).toThrow(/same path/);
});

const BOOK: XlsxWorkbook = {
  title: 'Kết quả học tập 6A',
  sheets: [
    {
      name: '6A',
      header: ['STT', 'Mã học sinh', 'Họ và tên', 'Toán - Cả năm', 'Giáo dục thể chất - Cả năm'],
      rows: [
        [1, '0012', 'Nguye\u0302\u0303n Thị Ánh', 8.5, 'Đ'],
        [2, 'HS0002', 'Trần <Văn> & "Bình"\u0007', 7, 'CĐ'],
        [3, 'HS0003', '  Lê Hoa\nThanh ', null, ''],
      ],
      columns: [{ width: 6 }, { width: 12 }, { width: 28 }, { width: 10, numberFormat: '0.0' }, { width: 10 }],
      frozenColumns: 3,
    },
  ],
};

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return book;
}

test('an .xlsx exceljs opens: sheet name, bold frozen header, widths, numbers as numbers, text NFC and escaped, blanks empty', async () => {
  const bytes = xlsxBytes(BOOK);
  const parts = readStoredZip(bytes);
  expect([...parts.keys()][0]).toBe('[Content_Types].xml');
  expect([...parts.keys()]).toEqual(expect.arrayContaining(['_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml']));

  const book = await open(bytes);
  expect(book.worksheets.map((w) => w.name)).toEqual(['6A']);
  const ws = book.getWorksheet('6A')!;
  expect(ws.getRow(1).values).toEqual([undefined, ...BOOK.sheets[0].header]);
  expect(ws.getCell('A1').font?.bold).toBe(true);
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: 3 });
  expect(ws.getColumn(3).width).toBe(28);
  expect(ws.getCell('D2').value).toBe(8.5);
  expect(ws.getCell('D2').numFmt).toBe('0.0');
  expect(ws.getCell('D3').value).toBe(7);
  expect(ws.getCell('A2').value).toBe(1);
  expect(ws.getCell('B2').value).toBe('0012'); // a code stays text, leading zeros and all
  expect(ws.getCell('C2').value).toBe('Nguyễn Thị Ánh'.normalize('NFC'));
  expect(ws.getCell('C3').value).toBe('Trần <Văn> & "Bình"'); // the BEL is gone, the rest escaped and read back
  expect(ws.getCell('C4').value).toBe('  Lê Hoa\nThanh ');
  expect(ws.getCell('D4').value).toBeNull();
  expect(ws.getCell('E4').value).toBeNull();
  expect(ws.getCell('E2').value).toBe('Đ');
  expect(book.title).toBe('Kết quả học tập 6A');
});

test('the same workbook gives the same bytes; another value gives other bytes', () => {
  const a = xlsxBytes(BOOK);
  expect(Buffer.from(xlsxBytes(JSON.parse(JSON.stringify(BOOK)) as XlsxWorkbook)).equals(Buffer.from(a))).toBe(true);
  const changed = { ...BOOK, sheets: [{ ...BOOK.sheets[0], rows: [[1, '0012', 'Nguyễn Thị Ánh', 8.6, 'Đ']] }] };
  expect(Buffer.from(xlsxBytes(changed)).equals(Buffer.from(a))).toBe(false);
});

test('tab names and text Excel would refuse are made acceptable', async () => {
  expect(xlsxSheetName('10A1')).toBe('10A1');
  expect(xlsxSheetName("'Lớp [10]/A*?'")).toBe('Lớp -10--A--');
  expect(xlsxSheetName('x'.repeat(40))).toHaveLength(31);
  expect(xlsxSheetName('')).toBe('Sheet1');
  expect(xmlSafeText('a\u0000b\u000bc\ufffed\tf\u{1f600}')).toBe('abcd\tf\u{1f600}');
  const two = await open(xlsxBytes({ title: 't', sheets: [0, 1].map(() => ({ ...BOOK.sheets[0], name: '6a' })) }));
  expect(two.worksheets.map((w) => w.name)).toEqual(['6a', '6a (2)']);
  expect(() => xlsxBytes({ title: 't', sheets: [{ ...BOOK.sheets[0], rows: [[Number.NaN]] }] })).toThrow(/finite/);
});

test('signedBytes gives Java’s signed bytes for Utilities.newBlob', () => {
  expect(signedBytes(Uint8Array.from([0, 127, 128, 255]))).toEqual([0, 127, -128, -1]);
});
