/**
 * The main job's sign-off chain of a class's year print pack ("ký xác nhận", apiSignOffPack): each
 * subject teacher confirms their subject's page against the SHA-256 of the PDF they were given,
 * the homeroom teacher the summary page, then the principal the whole pack — the wrong signers
 * refused first; the admin's run logs each confirmation; the pack's status then shows every page
 * confirmed, and "Kiểm tra nhật ký" will name any cell changed after it was signed.
 */
import type { ExportResult } from '../server/features/documents/export';
import type { PackStatus } from '../server/features/documents/signoff-status';
import { CLASS_PAGE, WHOLE_PACK } from '../server/domain/documents/signoff';
import { adminRun, call, type ActionResult } from './sample-panels';
import { mapSchool } from './sample-entry';
import { sampleOf, type SampleSchool } from './school';

/** The chain for `classCode`'s year pack; the lines to print. */
export function signOffYearPack(school: SampleSchool, classCode: string): string[] {
  const map = mapSchool(school);
  const cls = map.classes.find((c) => c.code === classCode)!;
  const pack = { classCode, period: 'year' };
  const { principal } = sampleOf(school).people;
  // The file exported a moment ago, unchanged: its SHA-256 is what every signer is shown.
  const exported = call<ExportResult>(map, principal, 'apiExportPrintPack', pack);
  if (!exported.ok || !exported.sha256) throw new Error(exported.message);
  const documentSha256 = exported.sha256;
  const sign = (who: string, subjectCode?: string) => call<ActionResult>(map, who, 'apiSignOffPack', { ...pack, documentSha256, ...(subjectCode && { subjectCode }) });
  const status = () => call<PackStatus>(map, principal, 'apiPackStatus', pack);
  const subjects = status().pages!.map((p) => p.page).filter((p) => p !== CLASS_PAGE && p !== WHOLE_PACK);
  const lines = [`  Sổ theo dõi cả năm lớp ${classCode}, SHA-256 ${documentSha256.slice(0, 16)}…: ${subjects.length} trang môn, trang tổng hợp, cả sổ.`];

  const [math] = map.teachersOf(classCode, 'TOAN');
  const [literature] = map.teachersOf(classCode, 'VAN');
  const refusals = [sign(literature, 'TOAN'), sign(principal)];
  for (const r of refusals) {
    if (r.ok) throw new Error(`Ký xác nhận lẽ ra bị từ chối: ${r.message}`);
    lines.push(`  Bị từ chối: ${r.message}`);
  }
  for (const subject of subjects) {
    const done = sign(map.teachersOf(classCode, subject)[0], subject);
    if (!done.ok) throw new Error(`${subject}: ${done.message}`);
  }
  const summary = sign(cls.homeroom);
  if (!summary.ok) throw new Error(summary.message);
  adminRun(map);
  const board = sign(principal);
  if (!board.ok) throw new Error(board.message);
  adminRun(map);
  lines.push(`  ${subjects.length} giáo viên bộ môn (${math} trang Toán, …) và GVCN ${cls.homeroom} ký; trình kiểm soát ghi nhật ký; Hiệu trưởng ký cả sổ.`);
  const pages = status().pages!;
  const confirmed = pages.filter((p) => p.state === 'confirmed').length;
  lines.push(`  Trạng thái: ${confirmed}/${pages.length} trang đã xác nhận. ${pages.find((p) => p.page === WHOLE_PACK)!.line}`);
  return lines;
}
