/**
 * `npm run bench -- district`: the office's `district` command on 200 schools against the local
 * Sheets API server (src/local/sheets-http), through the real googleapis client: requests per
 * school on a first read (the classes come from "Lớp": two requests) and on a repeat read (one),
 * with some schools answering 429 or 503 first, and the wall time of the local work. Google's
 * published read quotas (https://developers.google.com/workspace/sheets/api/limits: 60 read
 * requests per minute per user per project, 300 per project) make the real run take longer: the
 * budget runs on a virtual clock here, so the modelled minutes are what the quota alone imposes
 * (Google's own latency would add to it; no figure for a batchGet of this size is published).
 * Beside it, the naive reader of district-naive.ts: one values.get per range, one school at a time.
 *
 * Every school serves the same workbook under its own id (200 copies of a 20-class school would
 * not fit in memory): a THCS school of 20 classes of 45 students, set up by the add-on, each
 * student's results block filled (HK I, HK II, Cả năm: learning and training) and a log of
 * 2,000 rows sealed by the domain.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EMPTY_HEAD, auditCells, sealEntries, type AuditDraft } from '../../src/server/domain/audit';
import { sha256Hex } from '../../src/server/domain/audit/sha256';
import { runSetup } from '../../src/server/features/setup';
import { AUDIT_HEADER, AUDIT_SHEET } from '../../src/server/workbook/audit/sheet';
import { CLASS_BOOK_HEADER_ROWS } from '../../src/server/workbook/layout';
import type { WorkbookData } from '../../src/local/sheets/model';
import { startSheetsServer } from '../../src/local/sheets-http/server';
import { districtCommand } from '../../src/local/cli/district';
import { VirtualClock } from '../../src/local/sheets-client/clock';
import { QuotaBudget, READS_PER_MINUTE_PER_PROJECT, READS_PER_MINUTE_PER_USER, busiestMinute, modelledMinutes } from '../../src/local/sheets-client/quota';
import { lcg } from '../../src/local/seeded';
import { table, type BenchSection } from './measure';
import { schoolRuntime } from './setup';
import { naiveDistrictRuns } from './district-naive';

const SCHOOLS = 200;
/** The naive reader runs on this many schools (one at a time, 23 requests each) and is scaled to SCHOOLS. */
const NAIVE_SCHOOLS = 20;
const CLASSES = 20;
const LOG_ROWS = 2000;
const LEVELS = ['Tốt', 'Khá', 'Đạt', 'Chưa đạt'];

/** A set-up school whose homeroom teachers have confirmed every period, and whose log has LOG_ROWS rows. */
function benchSchool(): WorkbookData {
  const { runtime, env } = schoolRuntime(CLASSES);
  const setup = runSetup(env);
  if (!setup.ok) throw new Error(setup.lines.join('\n'));
  const wb = runtime.spreadsheets.all()[0];
  const random = lcg(16);
  for (const sheet of wb.sheets) {
    const keys = (sheet.rows[CLASS_BOOK_HEADER_ROWS - 1] ?? []).map((c) => String(c?.v ?? ''));
    const code = keys.indexOf('P|CODE');
    if (code < 0 || sheet.name.includes('(')) continue;
    const cols = keys.flatMap((k, c) => (/^R\|[12Y]\|(HT|RL)$/.test(k) ? [c] : []));
    for (let r = CLASS_BOOK_HEADER_ROWS; r < sheet.rows.length; r++) {
      if (!sheet.rows[r]?.[code]?.v) continue;
      for (const c of cols) sheet.rows[r][c] = { v: LEVELS[Math.floor(random() * LEVELS.length)] };
    }
  }
  const drafts: AuditDraft[] = Array.from({ length: LOG_ROWS }, (_, i) => ({
    time: new Date(Date.UTC(2026, 8, 7) + i * 60_000).toISOString(),
    actor: 'gv1@truong.edu.vn',
    effectiveUser: 'qtht@truong.edu.vn',
    sheet: '6A1',
    cell: `K${6 + (i % 45)}`,
    studentCode: `HS0_${i % 45}`,
    subjectCode: 'TOAN',
    column: `HK I · TX${1 + (Math.floor(i / 45) % 4)}`,
    oldValue: '',
    newValue: String(5 + (i % 5)),
    outcome: 'accepted',
    reason: '',
    reference: '',
  }));
  const log = wb.sheets.find((s) => s.name === AUDIT_SHEET);
  if (!log) throw new Error(`no "${AUDIT_SHEET}" sheet after setup`);
  const rows = [AUDIT_HEADER, ...sealEntries(EMPTY_HEAD, drafts, sha256Hex).map(auditCells)];
  log.rows = rows.map((r) => r.map((v) => ({ v, nf: '@' })));
  log.maxRows = Math.max(log.maxRows, rows.length);
  return wb;
}

export async function benchDistrict(): Promise<BenchSection> {
  const wb = benchSchool();
  const ids = Array.from({ length: SCHOOLS }, (_, i) => `1bench${String(i).padStart(4, '0')}${'x'.repeat(34)}`);
  const known = new Set(ids);
  const server = await startSheetsServer({ find: (id) => (known.has(id) ? wb : undefined) });
  const dir = mkdtempSync(join(tmpdir(), 'bench-district-'));
  writeFileSync(join(dir, 'ids.txt'), ids.join('\n'));
  const rows: (string | number)[][] = [];
  try {
    for (const run of ['first read', 'repeat read']) {
      // A tenth of the schools answer 429 (Retry-After 10 s) or 503 once before they answer.
      ids.forEach((id, i) => {
        if (i % 10 === 0) server.faults.push(id, i % 20 === 0 ? { kind: 'status', status: 429, retryAfterSeconds: 10 } : { kind: 'status', status: 503 });
      });
      const clock = new VirtualClock(0);
      let quota: QuotaBudget | undefined;
      const before = server.requests.length;
      const lines: string[] = [];
      const start = process.hrtime.bigint();
      const code = await districtCommand([join(dir, 'ids.txt'), '--out', dir, '--api-root', server.rootUrl, '--concurrency', '8'], {
        clock,
        random: lcg(7),
        env: {},
        out: (l) => lines.push(l),
        err: (l) => lines.push(l),
        observe: (q) => (quota = q),
      });
      const wallS = Number(process.hrtime.bigint() - start) / 1e9;
      if (code !== 0) throw new Error(lines.join('\n'));
      const requests = server.requests.length - before;
      const retries = server.requests.slice(before).filter((r) => r.status !== 200).length;
      rows.push([
        run,
        SCHOOLS,
        requests,
        ((requests - retries) / SCHOOLS).toFixed(2),
        retries,
        wallS.toFixed(1),
        busiestMinute(quota!.starts),
        (clock.now() / 60_000).toFixed(1),
        (requests / READS_PER_MINUTE_PER_PROJECT).toFixed(1),
      ]);
    }
    const naive = await naiveDistrictRuns(server.rootUrl, ids.slice(0, NAIVE_SCHOOLS));
    const scale = SCHOOLS / NAIVE_SCHOOLS;
    naive.forEach((n, i) => {
      const requests = n.requests * scale;
      rows.push([
        `naive ${i === 0 ? 'first' : 'repeat'} read, ×${scale}`,
        SCHOOLS,
        requests,
        (n.requests / NAIVE_SCHOOLS).toFixed(2),
        '—',
        (n.wallS * scale).toFixed(1),
        '— (no budget)',
        modelledMinutes(requests, READS_PER_MINUTE_PER_USER).toFixed(1),
        (requests / READS_PER_MINUTE_PER_PROJECT).toFixed(1),
      ]);
    });
  } finally {
    await server.close();
  }
  return {
    title: `District read of ${SCHOOLS} schools over the Sheets API (local server, googleapis client)`,
    lines: [
      `Each school: ${CLASSES} classes of 45 students, results of HK I, HK II and the year confirmed, a log of ${LOG_ROWS} rows; a tenth answer 429 or 503 once.`,
      ...table(
        ['run', 'schools', 'requests', 'req/school', 'retries', 'local wall s', `busiest minute (≤${READS_PER_MINUTE_PER_USER})`, `modelled min at ${READS_PER_MINUTE_PER_USER}/min/user`, `min at ${READS_PER_MINUTE_PER_PROJECT}/min/project`],
        rows,
      ),
      'req/school leaves out the retries. Modelled minutes: the per-minute budget on a virtual clock (the backoff waits included),',
      `so the run with Google's per-user quota (${READS_PER_MINUTE_PER_USER} reads a minute, the one that binds for one office account) takes at least that long;`,
      `the per-project figure (${READS_PER_MINUTE_PER_PROJECT}) is the floor even with several accounts. Google's latency per request is not modelled (no published figure).`,
      `Naive rows: one values.get per range (settings, class list, log, each of the ${CLASSES} class tabs), one school at a time, no budget, no retries (so no faults injected);`,
      `measured on ${NAIVE_SCHOOLS} schools and scaled ×${SCHOOLS / NAIVE_SCHOOLS} (requests and wall time grow linearly with the schools). Their modelled minutes are the reads alone at`,
      `${READS_PER_MINUTE_PER_USER} a minute; without a budget the real run would instead meet 429s once past ${READS_PER_MINUTE_PER_USER} requests in a minute.`,
    ],
  };
}
