import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ExcelJS from 'exceljs';
import { type WorkbookData, newSheetData, newWorkbookData } from '../../src/local/sheets/model';
import { hiddenColumnsOf, setHiddenColumns } from '../../src/local/sheets-api/hidden-columns';
import { META_SHEET_NAME, loadWorkbookXlsx, loadWorkbookXlsxBuffer, saveWorkbookXlsx, saveWorkbookXlsxBuffer } from '../../src/local/xlsx';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sodiem-xlsx-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A small grade book using every feature the .xlsx must carry. */
function gradeBook(): WorkbookData {
  const wb = newWorkbookData('wb-6a1', 'Sổ điểm 6A1', 'admin@thcs-a.edu.vn');
  wb.editors = ['gv.toan@thcs-a.edu.vn', 'hieutruong@thcs-a.edu.vn'];
  wb.viewers = ['vanthu@thcs-a.edu.vn'];
  wb.documentProperties = { 'sodiem.config': JSON.stringify({ year: '2026-2027' }), big: 'x'.repeat(70000) };

  const grades = newSheetData(0, '6A1 - Toán', 60, 20);
  grades.frozenRows = 2;
  grades.frozenCols = 3;
  grades.columnWidths = { 0: 40, 1: 220, 3: 55 };
  grades.columnGroups = [
    { startCol: 3, endCol: 8, depth: 1, collapsed: false },
    { startCol: 4, endCol: 6, depth: 2, collapsed: true },
  ];
  setHiddenColumns(grades, [10]);
  grades.hiddenRows = [4];
  const scoreRule = { kind: 'numberBetween' as const, values: [0, 10], allowInvalid: false, helpText: 'Điểm từ 0 đến 10' };
  grades.rows[0] = [{ v: 'STT', bold: true, bg: '#d9ead3' }, { v: 'Họ và tên', bold: true, note: 'Theo danh sách lớp' }];
  grades.rows[2] = [
    { v: 1 },
    { v: 'Nguyễn Văn An' },
    { v: '08', nf: '@' },
    { v: 8.5, nf: '0.0', dv: scoreRule },
    { dv: scoreRule },
    { v: true },
    { f: '=AVERAGE(D3:E3)', v: 8.5, nf: '0.0' },
    { v: new Date('2026-09-05T02:30:15.250Z'), nf: 'dd/mm/yyyy hh:mm' },
    { v: new Date('2026-10-01T17:00:00Z') },
    { dv: { kind: 'valueInList', values: ['Đ', 'CĐ'], allowInvalid: false, showDropdown: false } },
    { dv: { kind: 'valueInList', values: ['a,b', 'c'], allowInvalid: true, showDropdown: true } },
    { dv: { kind: 'formula', values: ['=LEN(L3)<5'], allowInvalid: false } },
  ];
  grades.rows[3] = [];
  grades.rows[3][1] = { bg: '#ff0000', nf: '0.0' };
  grades.rows[3][2] = { note: 'chỉ có ghi chú' };
  grades.rows[5] = [];
  grades.rows[5][19] = { v: -0.1 };

  const shadow = newSheetData(7, '_shadow_6A1', 1000, 26);
  shadow.hidden = true;
  shadow.rows[0] = [{ v: 'x' }];

  const longName = newSheetData(3, 'Tổng hợp kết quả học kỳ I: lớp 6A1 (2026)', 100, 10);
  longName.rows[0] = [{ v: 'tổng hợp' }];

  wb.sheets = [grades, shadow, longName];
  wb.protections = [
    { id: 1, sheetId: 0, range: null, description: 'Khóa trang', warningOnly: false, editors: ['admin@thcs-a.edu.vn'], domainEdit: false, unprotected: [{ sheetId: 0, startRow: 50, endRow: 52, startCol: 0, endCol: 2 }] },
    { id: 4, sheetId: 0, range: { sheetId: 0, startRow: 2, endRow: 40, startCol: 3, endCol: 6 }, description: 'GV Toán', warningOnly: false, editors: ['admin@thcs-a.edu.vn', 'gv.toan@thcs-a.edu.vn'], domainEdit: true, unprotected: [] },
    { id: 5, sheetId: 7, range: null, description: '', warningOnly: true, editors: [], domainEdit: false, unprotected: [] },
  ];
  wb.namedRanges = [{ name: 'DiemToan6A1', range: { sheetId: 0, startRow: 2, endRow: 40, startCol: 3, endCol: 8 } }];
  wb.developerMetadata = [
    { id: 1, key: 'sodiem.sheetKind', value: 'grades', location: 0, visibility: 'DOCUMENT' },
    { id: 2, key: 'sodiem.version', value: '1', location: 'DOCUMENT', visibility: 'PROJECT' },
  ];
  wb.timeZone = 'Asia/Ho_Chi_Minh';
  wb.locale = 'vi_VN';
  wb.nextSheetId = 8;
  wb.nextProtectionId = 6;
  wb.nextMetadataId = 3;
  return wb;
}

describe('xlsx round trip with the metadata sheet', () => {
  it('loads back exactly what was saved', async () => {
    const original = gradeBook();
    const file = path.join(dir, 'roundtrip.xlsx');
    await saveWorkbookXlsx(original, file);
    const loaded = await loadWorkbookXlsx(file);
    expect(loaded).toEqual(original);
    expect(hiddenColumnsOf(loaded.sheets[0])).toEqual([10]);
    expect(loaded.sheets[0].hiddenRows).toEqual([4]);
  });

  it('keeps value types: numbers stay numbers, text stays text, dates are the same instants', async () => {
    const loaded = await loadWorkbookXlsxBuffer(await saveWorkbookXlsxBuffer(gradeBook()));
    const row = loaded.sheets[0].rows[2];
    expect(row[0]!.v).toBe(1);
    expect(row[2]!.v).toBe('08');
    expect(row[3]!.v).toBe(8.5);
    expect(row[5]!.v).toBe(true);
    expect(row[7]!.v).toBeInstanceOf(Date);
    expect((row[7]!.v as Date).toISOString()).toBe('2026-09-05T02:30:15.250Z');
    expect((row[8]!.v as Date).toISOString()).toBe('2026-10-01T17:00:00.000Z');
    expect(row[8]!.nf).toBeUndefined();
    // Empty cells stay absent (holes), not {}.
    expect(1 in loaded.sheets[0].rows[0]).toBe(true);
    expect(loaded.sheets[0].rows[1]).toBeUndefined();
    expect(loaded.sheets[0].rows[5].filter(Boolean)).toHaveLength(1);
  });

  it('lets an explicit id replace the stored one', async () => {
    const loaded = await loadWorkbookXlsxBuffer(await saveWorkbookXlsxBuffer(gradeBook()), { id: 'copy-1' });
    expect(loaded.id).toBe('copy-1');
    expect(loaded.owner).toBe('admin@thcs-a.edu.vn');
  });
});

describe('what a person sees when opening the saved file', () => {
  async function openWithExcelJs(): Promise<ExcelJS.Workbook> {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await saveWorkbookXlsxBuffer(gradeBook())) as unknown as ExcelJS.Buffer);
    return book;
  }

  it('shows values, formulas, formats, notes, fills and bold as Excel features', async () => {
    const ws = (await openWithExcelJs()).getWorksheet('6A1 - Toán')!;
    expect(ws.getCell('G3').formula).toBe('AVERAGE(D3:E3)');
    expect(ws.getCell('D3').numFmt).toBe('0.0');
    expect(ws.getCell('B1').note).toBe('Theo danh sách lớp');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A1').fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9EAD3' } });
    // Dates are shown in the workbook's time zone (09:30 in Hà Nội = 02:30 UTC).
    expect((ws.getCell('H3').value as Date).toISOString()).toBe('2026-09-05T09:30:15.250Z');
  });

  it('writes validations, frozen panes, widths, outline levels and hidden sheets', async () => {
    const book = await openWithExcelJs();
    const ws = book.getWorksheet('6A1 - Toán')!;
    expect(ws.getCell('D3').dataValidation).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 10], showErrorMessage: true, prompt: 'Điểm từ 0 đến 10' });
    expect(ws.getCell('E3').dataValidation).toMatchObject({ type: 'decimal' });
    expect(ws.getCell('J3').dataValidation).toMatchObject({ type: 'list', formulae: ['"Đ,CĐ"'] });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 3, ySplit: 2 });
    expect(Math.round(ws.getColumn(2).width! * 7 + 5)).toBe(220);
    expect(ws.getColumn(4).outlineLevel).toBe(1);
    expect(ws.getColumn(5).outlineLevel).toBe(2);
    expect(ws.getColumn(5).hidden).toBe(true); // inside the collapsed group
    expect(ws.getColumn(11).hidden).toBe(true); // hidden by the user
    expect(book.getWorksheet('_shadow_6A1')!.state).toBe('hidden');
    expect(book.getWorksheet(META_SHEET_NAME)!.state).toBe('veryHidden');
    // Excel's 31-character limit: the long name is shortened in the file and restored on load.
    expect(book.worksheets.map((w) => w.name)).toContain('Tổng hợp kết quả học kỳ I_ lớp ');
    expect(book.definedNames.model).toEqual([{ name: 'DiemToan6A1', ranges: ["'6A1 - Toán'!$D$3:$H$40"] }]);
  });

  it('splits the metadata JSON into cells under the Excel limit', async () => {
    const meta = (await openWithExcelJs()).getWorksheet(META_SHEET_NAME)!;
    const chunks: string[] = [];
    meta.eachRow((row, n) => {
      if (n > 1) chunks.push(String(row.getCell(1).value));
    });
    expect(chunks.length).toBeGreaterThan(2);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(32767);
  });
});

describe('a school file without the metadata sheet', () => {
  it('reads ordinary sheets as data with the owner from the options and default ids', async () => {
    const book = new ExcelJS.Workbook();
    const roster = book.addWorksheet('Danh sách');
    roster.addRow(['STT', 'Họ và tên', 'Ngày sinh', 'Điểm']);
    roster.addRow([1, 'Trần Thị Bình', new Date(Date.UTC(2014, 2, 15)), 7.25]);
    roster.getCell('C2').numFmt = 'dd/mm/yyyy';
    roster.getCell('E2').value = { formula: 'D2*2', result: 14.5 };
    roster.getCell('B1').note = 'Ghi chú';
    roster.getCell('D2').dataValidation = { type: 'decimal', operator: 'between', formulae: [0, 10], showErrorMessage: true, allowBlank: true };
    roster.getCell('F2').dataValidation = { type: 'list', formulae: ['"Đ,CĐ"'], showErrorMessage: false, allowBlank: true };
    roster.getCell('A1').font = { bold: true };
    roster.views = [{ state: 'frozen', ySplit: 1, xSplit: 0 }];
    roster.getColumn(2).width = 30;
    roster.getColumn(3).outlineLevel = 1;
    roster.getColumn(4).outlineLevel = 1;
    const hiddenSheet = book.addWorksheet('Ẩn', { state: 'hidden' });
    hiddenSheet.getCell('A1').value = 'bí mật';
    book.definedNames.add("'Danh sách'!$A$2:$D$2", 'HocSinh');
    const file = path.join(dir, 'school.xlsx');
    await book.xlsx.writeFile(file);

    const wb = await loadWorkbookXlsx(file, { owner: 'Admin@THCS-A.edu.vn' });
    expect(wb.id).toBe('school');
    expect(wb.name).toBe('school');
    expect(wb.owner).toBe('admin@thcs-a.edu.vn');
    expect(wb.protections).toEqual([]);
    expect(wb.sheets.map((s) => [s.id, s.name, s.hidden])).toEqual([[0, 'Danh sách', false], [1, 'Ẩn', true]]);
    expect(wb.nextSheetId).toBe(2);
    const s = wb.sheets[0];
    expect(s.frozenRows).toBe(1);
    expect(s.maxRows).toBe(1000);
    expect(s.rows[0][0]).toEqual({ v: 'STT', bold: true });
    expect(s.rows[0][1]).toEqual({ v: 'Họ và tên', note: 'Ghi chú' });
    // Midnight wall time in the file is midnight in Hà Nội.
    expect(s.rows[1][2]).toEqual({ v: new Date('2014-03-14T17:00:00Z'), nf: 'dd/mm/yyyy' });
    expect(s.rows[1][3]).toEqual({ v: 7.25, dv: { kind: 'numberBetween', values: [0, 10], allowInvalid: false } });
    expect(s.rows[1][4]).toEqual({ f: '=D2*2', v: 14.5 });
    expect(s.rows[1][5]).toEqual({ dv: { kind: 'valueInList', values: ['Đ', 'CĐ'], allowInvalid: true, showDropdown: true } });
    expect(s.columnWidths[1]).toBe(215);
    expect(s.columnGroups).toEqual([{ startCol: 2, endCol: 4, depth: 1, collapsed: false }]);
    expect(wb.namedRanges).toEqual([{ name: 'HocSinh', range: { sheetId: 0, startRow: 1, endRow: 2, startCol: 0, endCol: 4 } }]);
  });

  it('rejects a damaged metadata sheet with a Vietnamese message', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('A').getCell('A1').value = 1;
    const meta = book.addWorksheet(META_SHEET_NAME, { state: 'veryHidden' });
    meta.getCell('A1').value = 'sodiem-workbook-meta/1';
    meta.getCell('A2').value = '{"format":"sodiem-workbook-meta/1","id":5}';
    const buf = await book.xlsx.writeBuffer();
    await expect(loadWorkbookXlsxBuffer(Buffer.from(buf as ArrayBuffer))).rejects.toThrow(/bị hỏng: trường "id"/);
  });
});
