import { SAMPLE_PEOPLE, openSampleSchool } from '../school';
import { SAMPLE_YEAR_SEED, runSampleYear } from '../sample-year';
import { mapSchool } from '../sample-entry';
import { startDevServer } from '../dev-server';
import { option } from './option';

const STAGE = { 'not proposed': 'chưa xác nhận cả năm', proposed: 'danh sách chờ Ban giám hiệu duyệt', approved: 'danh sách đã duyệt' } as const;

/**
 * `npx sodiem serve`: the sidebars over the sample school after a whole school year (setup, both
 * semesters, the end of the year), so every panel has data; `--fresh` serves the book as the
 * school has it before installing Sổ Điểm.
 */
export async function serveCommand(args: string[]): Promise<number> {
  const school = await openSampleSchool();
  const { runtime, workbookId } = school;
  const people: string[] = [];
  if (args.includes('--fresh')) {
    runtime.as(SAMPLE_PEOPLE.admin).open(workbookId);
  } else {
    const seed = Number(option(args, '--seed', String(SAMPLE_YEAR_SEED)));
    if (!Number.isSafeInteger(seed)) {
      process.stderr.write('--seed cần một số nguyên.\n');
      return 2;
    }
    const started = Date.now();
    const year = await runSampleYear(school, seed);
    console.log(`Trường mẫu THCS Đại Thắng: đã thiết lập và nhập cả năm học 2026-2027 qua tiện ích (hạt giống ${seed}, ${((Date.now() - started) / 1000).toFixed(1)} giây).`);
    const map = mapSchool(school);
    const taught = map.classes.flatMap((cls) => [...new Set(cls.book.keys.flatMap((k) => /^S\|([^|]+)\|1\|TX1$/.exec(k)?.[1] ?? []))].filter((s) => map.teachersOf(cls.code, s).includes(SAMPLE_PEOPLE.teacher)).map((s) => `${s} ${cls.code}`));
    people.push(`  Quản trị: ${SAMPLE_PEOPLE.admin}`, `  Hiệu trưởng: ${SAMPLE_PEOPLE.principal}`);
    for (const cls of map.classes) people.push(`  GVCN ${cls.code}: ${cls.homeroom} (${STAGE[year.closing.lists[cls.code]]})`);
    people.push(`  Giáo viên bộ môn: ${SAMPLE_PEOPLE.teacher} (${taught.join(', ')})`);
  }
  const server = await startDevServer({ runtime, workbookId, port: Number(option(args, '--port', '8080')) });
  console.log(`Máy chủ thử thanh bên: ${server.url}/ (Ctrl+C để dừng)`);
  if (people.length > 0) console.log(['Người dùng (thêm ?as=<email> vào địa chỉ thanh bên):', ...people].join('\n'));
  await new Promise(() => undefined);
  return 0;
}
