/**
 * The built add-on (dist/Code.js) in a bare node:vm context with the local runtime's
 * globals, driven through its real entry points as the school's people would.
 */
import { join } from 'node:path';
import { SAMPLE_PEOPLE, openSampleSchool, type SampleSchool } from '../src/local/school';

let school: SampleSchool;

beforeEach(async () => {
  school = await openSampleSchool({ driveRoot: join(process.cwd(), 'out/test-drive/bundle') });
});

test('onOpen through the stub builds the add-on menu, even in AuthMode.NONE', () => {
  const { runtime, workbookId } = school;
  runtime.as(SAMPLE_PEOPLE.teacher).open(workbookId);
  expect(runtime.ui.menus).toEqual([
    {
      caption: 'Sổ Điểm',
      items: [
        { caption: 'Trạng thái Sổ Điểm', functionName: 'menuShowStatus' },
        { caption: 'Điểm của tôi', functionName: 'menuShowTeacher' },
        { caption: 'Xếp loại', functionName: 'menuShowClassification' },
        { caption: 'Xuất tài liệu (học bạ, sổ theo dõi…)', functionName: 'menuShowDocuments' },
        { caption: 'Ban giám hiệu › Duyệt danh sách cuối năm', functionName: 'menuShowBoard' },
        { caption: 'Ban giám hiệu › Duyệt sửa điểm', functionName: 'menuShowCorrections' },
        { caption: 'Ban giám hiệu › Áp dụng lịch nhập điểm', functionName: 'menuApplyCalendar' },
        { caption: 'Ban giám hiệu › Xem trước lịch (14 ngày)', functionName: 'menuPreviewCalendar' },
        { caption: 'Ban giám hiệu › Khóa toàn bộ ngay', functionName: 'menuLockAll' },
        { caption: 'Ban giám hiệu › Tiến độ nhập điểm', functionName: 'menuEntryProgress' },
        { caption: 'Ban giám hiệu › Kiểm tra nhật ký', functionName: 'menuVerifyAudit' },
        { caption: 'Ban giám hiệu › Thay đổi chờ quyết định', functionName: 'menuPendingChanges' },
        { caption: 'Ban giám hiệu › Quyết định thay đổi chờ', functionName: 'menuDecidePendingChange' },
        { caption: 'Ban giám hiệu › Kiểm tra mốc của đơn vị bên ngoài', functionName: 'menuCheckWitnessCheckpoint' },
        { caption: 'Ban giám hiệu › Tình trạng trình kiểm soát', functionName: 'menuGuardHealth' },
        { caption: 'Quản trị › Cài đặt cho trường', functionName: 'menuInstall' },
        { caption: 'Quản trị › Tạo các trang cấu hình (THCS)', functionName: 'menuCreateConfigThcs' },
        { caption: 'Quản trị › Tạo các trang cấu hình (THPT)', functionName: 'menuCreateConfigThpt' },
        { caption: 'Quản trị › Nhập danh sách học sinh', functionName: 'menuImportRoster' },
        { caption: 'Quản trị › Thiết lập / cập nhật sổ điểm', functionName: 'menuSetup' },
        { caption: 'Quản trị › Cài đặt trình kiểm soát', functionName: 'menuInstallTriggers' },
        { caption: 'Quản trị › Đối chiếu sổ điểm ngay', functionName: 'menuReconcile' },
        { caption: 'Quản trị › Báo lỗi từ người dùng', functionName: 'menuShowReports' },
      ],
    },
  ]);
});

test('the admin installs; the record lands in document properties; a second run changes nothing', () => {
  const { runtime, workbookId } = school;
  const admin = runtime.as(SAMPLE_PEOPLE.admin);
  admin.open(workbookId);
  admin.installAddOn(workbookId);
  admin.chooseMenuItem(workbookId, 'menuInstall');
  expect(runtime.ui.alerts.at(-1)).toEqual({ user: SAMPLE_PEOPLE.admin, text: expect.stringContaining('Đã cài đặt Sổ Điểm') });
  const stored = JSON.parse(runtime.spreadsheets.get(workbookId)!.documentProperties['sodiem.installation']);
  expect(stored).toEqual({ version: '1', admin: SAMPLE_PEOPLE.admin, installedAt: runtime.clock.now().toISOString() });

  runtime.advance(60 * 60 * 1000);
  admin.chooseMenuItem(workbookId, 'menuInstall');
  expect(runtime.ui.alerts.at(-1)!.text).toMatch(/đã được cài đặt cho tệp này .* Không thay đổi gì/);
  expect(JSON.parse(runtime.spreadsheets.get(workbookId)!.documentProperties['sodiem.installation'])).toEqual(stored);
});

test('a teacher choosing the install item is refused on the server and nothing is written', () => {
  const { runtime, workbookId } = school;
  const teacher = runtime.as(SAMPLE_PEOPLE.teacher);
  teacher.open(workbookId);
  teacher.chooseMenuItem(workbookId, 'menuInstall');
  expect(runtime.ui.alerts.at(-1)!.text).toContain(`Tài khoản ${SAMPLE_PEOPLE.teacher} không phải chủ sở hữu tệp`);
  expect(runtime.spreadsheets.get(workbookId)!.documentProperties).toEqual({});
});

test('the status sidebar API answers over google.script.run as the caller, with no Date in the payload', () => {
  const { runtime, workbookId } = school;
  const admin = runtime.as(SAMPLE_PEOPLE.admin);
  admin.open(workbookId);
  admin.installAddOn(workbookId);
  admin.chooseMenuItem(workbookId, 'menuInstall');
  const status = runtime.as(SAMPLE_PEOPLE.teacher).callServer(workbookId, 'apiStatus');
  expect(status).toEqual({
    spreadsheetName: 'Sổ điểm THCS Đại Thắng 2026-2027',
    caller: SAMPLE_PEOPLE.teacher,
    installed: true,
    admin: SAMPLE_PEOPLE.admin,
    installedAt: runtime.clock.now().toISOString(),
    version: '1',
    callerIsAdmin: false,
    warnings: ['Trình kiểm soát chưa được cài đặt: các thay đổi trong sổ điểm chưa được kiểm tra và ghi nhật ký. Quản trị chọn "Cài đặt trình kiểm soát".'],
  });
});

test('the status menu item shows the built sidebar HTML', () => {
  const { runtime, workbookId } = school;
  const teacher = runtime.as(SAMPLE_PEOPLE.teacher);
  teacher.open(workbookId);
  teacher.chooseMenuItem(workbookId, 'menuShowStatus');
  const shown = runtime.ui.sidebars.at(-1)!;
  expect(shown.user).toBe(SAMPLE_PEOPLE.teacher);
  expect(shown.html.getTitle()).toBe('Sổ Điểm');
  expect(shown.html.getContent()).toContain('<h1 id="title">Sổ Điểm</h1>');
});

test('new Date() inside the add-on reads the virtual clock', () => {
  const { runtime, workbookId } = school;
  runtime.clock.set(new Date('2027-01-15T02:00:00Z'));
  const admin = runtime.as(SAMPLE_PEOPLE.admin);
  admin.open(workbookId);
  admin.chooseMenuItem(workbookId, 'menuInstall');
  const stored = JSON.parse(runtime.spreadsheets.get(workbookId)!.documentProperties['sodiem.installation']);
  expect(stored.installedAt).toBe('2027-01-15T02:00:00.000Z');
});
