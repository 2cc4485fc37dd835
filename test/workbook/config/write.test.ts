/**
 * writeConfigTemplates and readConfig in the local Apps Script runtime: the sheets it creates
 * (headers, notes, validations, frozen rows, widths, seed rows), that it never touches a sheet
 * that exists, and that it works in a bounded number of service calls.
 */
import { LocalRuntime } from '../../../src/local/runtime';
import type { SheetData } from '../../../src/local/sheets/model';
import type { SchoolConfig } from '../../../src/server/domain/school/model';
import { CONFIG_SHEETS, HEADER_BACKGROUND, catalogSubjects, parseConfig, readConfig, writeConfigTemplates } from '../../../src/server/workbook/config';
import { THCS_DOMAIN, thcsConfigTables } from './fixtures';

const ADMIN = `quantri@${THCS_DOMAIN}`;

function school() {
  const runtime = new LocalRuntime({ start: new Date('2026-08-10T02:00:00Z') });
  const admin = runtime.addUser(ADMIN);
  const id = runtime.as(admin).createSpreadsheet('Sổ điểm THCS Đại Thắng');
  const env = runtime.envFor(runtime.contextFor(admin, id));
  const sheet = (name: string): SheetData => {
    const found = runtime.spreadsheets.get(id)!.sheets.find((s) => s.name === name);
    if (!found) throw new Error(`no sheet ${name}`);
    return found;
  };
  return { runtime, env, sheet, sheetNames: () => runtime.spreadsheets.get(id)!.sheets.map((s) => s.name) };
}

function thcsConfig(): SchoolConfig {
  const result = parseConfig(thcsConfigTables());
  if (!result.ok) throw new Error('fixture should parse');
  return result.config;
}

const values = (s: SheetData, row: number) => (s.rows[row] ?? []).map((c) => c?.v ?? '');

describe('writeConfigTemplates', () => {
  test('creates every config sheet with header, notes, frozen row, widths and validations', () => {
    const { env, sheet, sheetNames } = school();
    const created = writeConfigTemplates(env, { school: { level: 'THCS', name: 'Trường THCS Đại Thắng' } });
    expect(created).toEqual(CONFIG_SHEETS.map((d) => d.name));
    expect(sheetNames()).toEqual(['Trang tính1', ...CONFIG_SHEETS.map((d) => d.name)]);

    for (const def of CONFIG_SHEETS) {
      const s = sheet(def.name);
      expect(values(s, 0)).toEqual(def.columns.map((c) => c.header));
      expect(s.rows[0].map((c) => [c?.bold, c?.bg])).toEqual(def.columns.map(() => [true, HEADER_BACKGROUND]));
      expect(s.rows[0].map((c) => c?.note)).toEqual(def.columns.map((c) => c.note));
      expect(s.frozenRows).toBe(1);
      expect(def.columns.map((_, i) => s.columnWidths[i])).toEqual(def.columns.map((c) => c.width));
    }

    const settings = sheet('Cấu hình trường');
    expect(values(settings, 3)).toEqual(['Năm học', '2026-2027']); // default from the clock (August 2026)
    expect(settings.rows[2][1]?.dv).toMatchObject({ kind: 'valueInList', values: ['THCS', 'THPT'], allowInvalid: false });
    expect(settings.rows[8][1]?.dv).toMatchObject({ kind: 'valueInList', values: ['Có', 'Không'] });
    expect(values(settings, 8)).toEqual(['Âm nhạc và Mĩ thuật tách thành hai môn', 'Có']);
    expect(settings.rows[4][1]?.nf).toBe('@'); // dates stay text as typed
    expect(settings.rows[4][0]?.note).toContain('Ngày/tháng/năm');

    const subjects = sheet('Môn học');
    expect(subjects.rows.filter((r, i) => i > 0 && r?.[0]?.v !== undefined)).toHaveLength(catalogSubjects('THCS').length);
    expect(values(subjects, 1)).toEqual([6, 'VAN', 'Ngữ văn', 'Điểm số', 140, '', '']);
    expect(subjects.rows[300][0]?.dv).toMatchObject({ kind: 'valueInList', values: ['6', '7', '8', '9'] });
    expect(subjects.rows[1][3]?.dv).toMatchObject({ kind: 'valueInList', values: ['Điểm số', 'Nhận xét'] });
    expect(subjects.rows[1][5]?.dv).toMatchObject({ kind: 'numberBetween', values: [2, 4] });
    expect(subjects.rows[1][6]?.dv).toMatchObject({ kind: 'valueInList', values: ['I', 'II'] });
    expect(sheet('Lớp').rows[1][1]?.dv).toMatchObject({ kind: 'valueInList', values: ['6', '7', '8', '9'] });
    // Offered, not enforced: "Chuyên cần 10" or "TX2" must be typeable; the calendar parser checks them.
    expect(sheet('Lịch nhập điểm').rows[1][1]?.dv).toMatchObject({ values: ['TX', 'TX1', 'TX2', 'TX3', 'TX4', 'GK', 'CK', 'Rèn luyện', 'Chuyên cần'], allowInvalid: true });
  });

  test('a THPT school gets grades 10–12 in its Khối lists', () => {
    const { env, sheet } = school();
    writeConfigTemplates(env, { school: { level: 'THPT' } });
    expect(sheet('Lớp').rows[1][1]?.dv?.values).toEqual(['10', '11', '12']);
    expect(values(sheet('Cấu hình trường'), 2)).toEqual(['Cấp học', 'THPT']);
  });

  test('never touches a sheet that exists', () => {
    const { env, sheet } = school();
    const users = env.spreadsheetApp.getActiveSpreadsheet().insertSheet('Người dùng');
    users.getRange(1, 1, 2, 2).setValues([['Email', 'Ghi chú của quản trị'], [`an.nv@${THCS_DOMAIN}`, 'giữ nguyên']]);
    const created = writeConfigTemplates(env, { school: { level: 'THCS' }, users: thcsConfig().users });
    expect(created).not.toContain('Người dùng');
    expect(created).toHaveLength(CONFIG_SHEETS.length - 1);
    const kept = sheet('Người dùng');
    expect([values(kept, 0), values(kept, 1)]).toEqual([['Email', 'Ghi chú của quản trị'], [`an.nv@${THCS_DOMAIN}`, 'giữ nguyên']]);
    expect(kept.rows.length).toBe(2);
    expect(kept.frozenRows).toBe(0);
    expect(kept.rows[0][0]?.note).toBeUndefined();
    expect(kept.columnWidths).toEqual({});
  });

  test('a second run creates and writes nothing', () => {
    const { runtime, env } = school();
    writeConfigTemplates(env, { school: { level: 'THCS' } });
    const { result, calls } = runtime.calls.measure(() => writeConfigTemplates(env, { school: { level: 'THCS' } }));
    expect(result).toEqual([]);
    expect(Object.keys(calls).filter((k) => /set|insert|batchUpdate/i.test(k))).toEqual([]);
  });

  test('uses a few calls per sheet: one setValues, never a per-cell write', () => {
    const { runtime, env } = school();
    const config = thcsConfig();
    const { calls, total } = runtime.calls.measure(() =>
      writeConfigTemplates(env, { school: config.school, users: config.users, classes: config.classes, assignments: config.assignments }),
    );
    const sheets = CONFIG_SHEETS.length;
    expect(calls['Range.setValues']).toBe(sheets);
    expect(calls['Range.setNotes']).toBe(sheets);
    expect(calls['Range.setValue'] ?? 0).toBe(0);
    expect(calls['Range.setDataValidation'] ?? 0).toBe(0);
    expect(calls['Sheets.Spreadsheets.batchUpdate']).toBe(1);
    // Sheet and range calls are per sheet; rule builders are per distinct rule.
    const sheetAndRange = Object.entries(calls).filter(([k]) => /^(Range|Sheet)\./.test(k)).reduce((n, [, v]) => n + v, 0);
    expect(sheetAndRange).toBeLessThanOrEqual(12 * sheets);
    expect(total).toBeLessThanOrEqual(25 * sheets);
  });
});

describe('readConfig', () => {
  test('reads back what the writer wrote, all sheets in one Sheets API read', () => {
    const { runtime, env } = school();
    const config = thcsConfig();
    writeConfigTemplates(env, { school: config.school, users: config.users, classes: config.classes, assignments: config.assignments });
    const { result, calls } = runtime.calls.measure(() => readConfig(env));
    expect(result).toEqual({ ok: true, config: { ...config, subjects: catalogSubjects('THCS') } });
    expect(calls['Sheets.Spreadsheets.get']).toBe(1);
    expect(calls['Range.getValues'] ?? 0).toBe(0);
    expect(calls['Range.getValue'] ?? 0).toBe(0);
  });

  test('reports a missing config sheet and what the admin left blank', () => {
    const { env } = school();
    writeConfigTemplates(env, { school: { level: 'THCS' } });
    const ss = env.spreadsheetApp.getActiveSpreadsheet();
    ss.deleteSheet(ss.getSheetByName('Phân công')!);
    const result = readConfig(env);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const messages = result.errors.map((e) => e.message);
    expect(messages).toContain('Trang "Cấu hình trường", dòng 2, cột "Giá trị": chưa điền tên trường.');
    expect(messages).toContain('Trang "Cấu hình trường", dòng 5, cột "Giá trị": chưa điền ngày bắt đầu học kì I.');
    expect(messages).toContain('Trang "Người dùng": chưa có người dùng nào.');
    expect(messages).toContain('Trang "Lớp": chưa có lớp nào.');
    expect(messages.filter((m) => m.startsWith('Trang "Phân công"'))).toEqual([
      'Trang "Phân công": thiếu trang "Phân công". Hãy thêm lại trang này với đúng tên (Sổ Điểm tạo lại được các trang cấu hình còn thiếu).',
    ]);
  });
});
