/**
 * Entry points only: Apps Script calls these by name (the build generates a top-level stub
 * for every export). Each one builds the Env from the real globals and hands over to a feature.
 */
import { gasEnv, type Env } from './gas/env';
import { buildMenu } from './features/menu';
import { installAsAdmin } from './features/installation';
import { readStatus, type StatusView } from './features/status';
import { createConfigSheets } from './features/config-templates';
import { importRoster } from './features/roster-import';
import { runSetup } from './features/setup';
import { applyCalendar } from './features/windows/apply-calendar';
import { entryProgress } from './features/progress';
import { guardEdit, type EditEventLike } from './features/guard/guard';
import { installTriggers } from './features/guard/install';
import { healthLines, recordGuardFailure } from './features/health';
import { PENDING_TEXT, decidePendingChange, decisionFromText, listPendingChanges, type DecisionResult, type PendingList } from './features/guard/pending-changes';
import { guardStructure, type ChangeEventLike } from './features/structure/on-change';
import { runHourly } from './features/guard/hourly';
import { reconcileNow } from './features/guard/sweep';
import { verifyBook } from './features/verify-book';
import { checkMyCheckpoints, checkWitnessCheckpoint } from './features/checkpoints';
import { WITNESS_CANCELLED, WITNESS_PROMPT } from './features/messages';
import { boardLists, classification, confirmResults, decideLists, proposeLists, saveTraining, type ActionResult, type BoardClass } from './features/results/api';
import type { ClassificationView } from './features/results/view';
import { requestCorrection, type CorrectionResult } from './features/corrections/request';
import { decideCorrection } from './features/corrections/decide';
import { boardCorrections, myCorrections, type CorrectionView } from './features/corrections/list';
import { correctionCountsFor } from './features/corrections/counts';
import { exportDocuments, exportOne, type ExportProgress, type ExportResult } from './features/documents/export';
import { documentsView, type DocumentsView } from './features/documents/panel-view';
import { signOffPack } from './features/documents/signoff-request';
import { packStatus, type PackStatus } from './features/documents/signoff-status';
import type { CorrectionCounts } from './domain/corrections/counts';
import { selectBlock, selectedCell, teacherBlocks, type SelectedCell, type TeacherBlocksView } from './features/corrections/teacher-blocks';
import { problemReports, reportProblem, resolveProblemReport, type ProblemReport, type ReportResult } from './features/reports';

export function onOpen(e?: { authMode?: unknown }): void {
  buildMenu(gasEnv(), e?.authMode);
}

export function onInstall(e?: { authMode?: unknown }): void {
  onOpen(e);
}

/** Runs a menu action and shows its Vietnamese lines, or its refusal, in an alert. */
function alertLines(action: (env: Env) => string[]): void {
  const env = gasEnv();
  const ui = env.spreadsheetApp.getUi();
  try {
    ui.alert(action(env).join('\n'));
  } catch (err) {
    ui.alert(err instanceof Error ? err.message : String(err));
  }
}

/** Menu: Quản trị › Cài đặt cho trường. */
export function menuInstall(): void {
  alertLines((env) => installAsAdmin(env).lines);
}

/** Menu: Quản trị › Tạo các trang cấu hình (THCS). */
export function menuCreateConfigThcs(): void {
  alertLines((env) => createConfigSheets(env, 'THCS'));
}

/** Menu: Quản trị › Tạo các trang cấu hình (THPT). */
export function menuCreateConfigThpt(): void {
  alertLines((env) => createConfigSheets(env, 'THPT'));
}

/** Menu: Quản trị › Nhập danh sách học sinh. */
export function menuImportRoster(): void {
  alertLines((env) => importRoster(env).lines);
}

/** Menu: Quản trị › Thiết lập / cập nhật sổ điểm. */
export function menuSetup(): void {
  alertLines((env) => runSetup(env).lines);
}

/** Menu: Ban giám hiệu › Áp dụng lịch nhập điểm. */
export function menuApplyCalendar(): void {
  alertLines((env) => applyCalendar(env));
}

/** Menu: Ban giám hiệu › Xem trước lịch (14 ngày). */
export function menuPreviewCalendar(): void {
  alertLines((env) => applyCalendar(env, { preview: true }));
}

/** Menu: Ban giám hiệu › Khóa toàn bộ ngay. */
export function menuLockAll(): void {
  alertLines((env) => applyCalendar(env, { lockAll: true }));
}

/** Menu: Ban giám hiệu › Tiến độ nhập điểm (the board and the department heads). */
export function menuEntryProgress(): void {
  alertLines((env) => entryProgress(env));
}

/** Menu: Quản trị › Cài đặt trình kiểm soát. */
export function menuInstallTriggers(): void {
  alertLines((env) => installTriggers(env));
}

/** Menu: Ban giám hiệu › Kiểm tra nhật ký: the chain, then every guarded cell against what the log says. */
export function menuVerifyAudit(): void {
  // Then the checkpoints this person holds: the owner cannot write them.
  alertLines((env) => [...verifyBook(env).lines, ...checkMyCheckpoints(env)]);
}

/** Menu: Ban giám hiệu › Kiểm tra mốc của đơn vị bên ngoài (a checkpoint the district office holds). */
export function menuCheckWitnessCheckpoint(): void {
  alertLines((env) => {
    const response = env.spreadsheetApp.getUi().prompt(WITNESS_PROMPT);
    return String(response.getSelectedButton()) === 'OK' ? [checkWitnessCheckpoint(env, response.getResponseText())] : [WITNESS_CANCELLED];
  });
}

/** The admin's installable onEdit trigger: the edit guard. */
export function onEditGuard(e: EditEventLike): void {
  watched(e, (env) => guardEdit(env, e));
}

/** The admin's installable onChange trigger: structural changes logged and put right. */
export function onChangeGuard(e: ChangeEventLike): void {
  watched(e, (env) => guardStructure(env, e));
}

/**
 * A trigger run whose failure is recorded for the status card, then rethrown (Google reports it
 * to the owner). The handlers are global functions a sidebar's google.script.run could also call,
 * but google.script.run carries no objects with methods: a real event's range or source has them.
 */
function watched(e: { range?: unknown; source?: unknown } | null | undefined, run: (env: Env) => unknown): void {
  const fromSheets = (x: unknown) => typeof (x as { getSheet?: unknown; getId?: unknown } | undefined)?.getSheet === 'function' || typeof (x as { getId?: unknown } | undefined)?.getId === 'function';
  if (!e || !(fromSheets(e.range) || fromSheets(e.source))) return;
  const env = gasEnv();
  try {
    run(env);
  } catch (err) {
    recordGuardFailure(env, err);
    throw err;
  }
}

/** Menu: Ban giám hiệu › Thay đổi chờ quyết định (changes no trigger saw, listed by reconcile). */
export function menuPendingChanges(): void {
  alertLines((env) => listPendingChanges(env).lines);
}

/** Menu: Ban giám hiệu › Quyết định thay đổi chờ: "mã; chấp nhận|hoàn tác; lý do" in a prompt. */
export function menuDecidePendingChange(): void {
  alertLines((env) => {
    const response = env.spreadsheetApp.getUi().prompt(PENDING_TEXT.prompt);
    if (String(response.getSelectedButton()) !== 'OK') return [PENDING_TEXT.cancelled];
    return [decidePendingChange(env, decisionFromText(response.getResponseText())).message];
  });
}

/** Sidebar API: the pending changes the board decides on. */
export function apiListPendingChanges(): PendingList {
  return listPendingChanges(gasEnv());
}

/** Sidebar API: a board member's decision on one pending change (checked on the server). */
export function apiDecidePendingChange(input: unknown): DecisionResult {
  return decidePendingChange(gasEnv(), input);
}

/** Menu: Ban giám hiệu › Tình trạng trình kiểm soát. */
export function menuGuardHealth(): void {
  alertLines((env) => healthLines(env));
}

/** The admin's hourly trigger (a time-driven trigger: no document; see hourly.ts). */
export function onHourly(e: { triggerUid?: string }): void {
  runHourly(gasEnv(), String(e?.triggerUid ?? ''));
}

/** Menu: Quản trị › Đối chiếu sổ điểm ngay. */
export function menuReconcile(): void {
  alertLines((env) => reconcileNow(env));
}

/** Menu: Trạng thái Sổ Điểm. */
export function menuShowStatus(): void {
  showSidebar('status', 'Sổ Điểm');
}

/** Menu: Xếp loại (the homeroom teacher's classification panel; the board and admins see every class). */
export function menuShowClassification(): void {
  showSidebar('classify', 'Xếp loại');
}

/** Menu: Ban giám hiệu › Duyệt danh sách cuối năm. */
export function menuShowBoard(): void {
  showSidebar('board', 'Duyệt danh sách');
}

/** Menu: Điểm của tôi (a teacher's blocks, their columns' windows, correction requests). */
export function menuShowTeacher(): void {
  showSidebar('teacher', 'Điểm của tôi');
}

/** Menu: Ban giám hiệu › Duyệt sửa điểm. */
export function menuShowCorrections(): void {
  showSidebar('corrections', 'Duyệt sửa điểm');
}

/** Menu: Xuất tài liệu (học bạ, sổ theo dõi…): the board, admins and homeroom teachers. */
export function menuShowDocuments(): void {
  showSidebar('documents', 'Xuất tài liệu');
}

/** Menu: Quản trị › Báo lỗi từ người dùng. */
export function menuShowReports(): void {
  showSidebar('reports', 'Báo lỗi từ người dùng');
}

function showSidebar(file: string, title: string): void {
  const env = gasEnv();
  env.spreadsheetApp.getUi().showSidebar(env.html.createHtmlOutputFromFile(file).setTitle(title).setWidth(300));
}

/** Sidebar API: a class's classification for a period ({ classCode?, period? }). */
export function apiClassification(input: unknown): ClassificationView {
  return classification(gasEnv(), input);
}

/** Sidebar API: the homeroom teacher confirms a period's results ({ classCode, period, digest }). */
export function apiConfirmResults(input: unknown): ActionResult {
  return confirmResults(gasEnv(), input);
}

/** Sidebar API: the homeroom teacher enters a semester's conduct ({ classCode, semester, values }). */
export function apiSaveTraining(input: unknown): ActionResult {
  return saveTraining(gasEnv(), input);
}

/** Sidebar API: the homeroom teacher proposes the end-of-year lists ({ classCode, digest }). */
export function apiProposeLists(input: unknown): ActionResult {
  return proposeLists(gasEnv(), input);
}

/** Sidebar API: every class's lists, for the board. */
export function apiBoardLists(): BoardClass[] {
  return boardLists(gasEnv());
}

/** Sidebar API: a board member approves or sends back a class's lists ({ classCode, decision, digest, reason }). */
export function apiDecideLists(input: unknown): ActionResult {
  return decideLists(gasEnv(), input);
}

/** Sidebar API: a teacher asks to correct a locked score ({ classCode, studentCode, key, newValue, reason }). */
export function apiRequestCorrection(input: unknown): CorrectionResult {
  return requestCorrection(gasEnv(), input);
}

/** Sidebar API: the signed-in teacher's correction requests. */
export function apiMyCorrections(): CorrectionView[] {
  return myCorrections(gasEnv());
}

/** Sidebar API: correction requests for the board (pending first). */
export function apiBoardCorrections(): CorrectionView[] {
  return boardCorrections(gasEnv());
}

/** Sidebar API: a board member approves ({ id, decision: 'approve', witnesses }) or rejects ({ id, decision: 'reject', reason }). */
export function apiDecideCorrection(input: unknown): CorrectionResult {
  return decideCorrection(gasEnv(), input);
}

/** Sidebar API: corrections after lock counted from the log ({ classCode? }): the board and admins, or a class's homeroom teacher. */
export function apiCorrectionCounts(input: unknown): CorrectionCounts {
  return correctionCountsFor(gasEnv(), input);
}

/** Sidebar API: the signed-in teacher's (class, subject) blocks, each column open or locked, missing scores. */
export function apiTeacherBlocks(): TeacherBlocksView {
  return teacherBlocks(gasEnv());
}

/** Sidebar API: selects a block in the sheet for the teacher ({ classCode, subjectCode, semester }). */
export function apiSelectBlock(input: unknown): CorrectionResult {
  return selectBlock(gasEnv(), input);
}

/** Sidebar API: the cell the person has selected, for the correction form. */
export function apiSelectedCell(): SelectedCell {
  return selectedCell(gasEnv());
}

/** Sidebar API: a problem report from a panel ({ panel, text }). */
export function apiReportProblem(input: unknown): ReportResult {
  return reportProblem(gasEnv(), input);
}

/** Sidebar API: the problem reports, for the admins. */
export function apiProblemReports(): ProblemReport[] {
  return problemReports(gasEnv());
}

/** Sidebar API: an admin marks a report handled ({ id }). */
export function apiResolveProblemReport(input: unknown): ReportResult {
  return resolveProblemReport(gasEnv(), input);
}

/** Sidebar API: what the "Xuất tài liệu" panel offers this person (kinds, classes, periods), or why nothing. */
export function apiDocumentsView(): DocumentsView | { ok: false; message: string } {
  return documentsView(gasEnv());
}

/**
 * Sidebar API: one chunk of an export to Drive ({ kind: 'hoc-ba' | 'pack' | 'roll-call' |
 * 'register' | 'results', classCode?, period?, from?, batch? }); the panel calls again with `from: next` until `next`
 * is null. Each kind checks who may export it.
 */
export function apiExportDocuments(input: unknown): ExportProgress {
  return exportDocuments(gasEnv(), input);
}

/** Sidebar API: the class print pack of a period as a PDF in Drive ({ classCode, period }): the board, admins, the class's homeroom teacher. */
export function apiExportPrintPack(input: unknown): ExportResult {
  return exportOne(gasEnv(), 'pack', input);
}

/**
 * Sidebar API: "ký xác nhận" of a print pack ({ classCode, period, subjectCode?, documentSha256 }):
 * a subject teacher their subject's page (subjectCode), the homeroom teacher the summary page, the
 * board the pack; documentSha256 is the one apiExportPrintPack returned. Logged by the admin's run.
 */
export function apiSignOffPack(input: unknown): { ok: boolean; message: string } {
  return signOffPack(gasEnv(), input);
}

/**
 * Sidebar API: the sign-off status of a class's pack ({ classCode, period }) for the documents
 * panel: each page's state, the print to sign (its SHA-256) and which pages the caller may sign
 * now. The board, admins, the homeroom teacher and the class's subject teachers.
 */
export function apiPackStatus(input: unknown): PackStatus {
  return packStatus(gasEnv(), input);
}

/** Sidebar API: a class's results for the education database as .xlsx in Drive ({ classCode }): the board and admins. */
export function apiExportResults(input: unknown): ExportResult {
  return exportOne(gasEnv(), 'results', input);
}

/** Sidebar API: the school's register (sổ đăng bộ) as a PDF in Drive: the board and admins. */
export function apiExportRegister(): ExportResult {
  return exportOne(gasEnv(), 'register', undefined);
}

/** Sidebar API: a class's roll-call list as a PDF in Drive ({ classCode }): its homeroom teacher, the board, admins. */
export function apiExportRollCall(input: unknown): ExportResult {
  return exportOne(gasEnv(), 'roll-call', input);
}

/** Sidebar API: the status card. */
export function apiStatus(): StatusView {
  return readStatus(gasEnv());
}
