/**
 * What `archive` and `district` share: the account they read as (--key-file, --oauth-client,
 * --token, --api-root for a local test server), the quota budget (--per-minute, default Google's
 * 60 reads a minute per user) and the retry policy. Tests inject a virtual clock and a seeded random.
 */
import { AuthProblem, authSource, sheetsAuth, type AuthOptions } from '../sheets-client/auth';
import { openSheetsReader, type SheetsReader } from '../sheets-client/client';
import { realClock, type Clock } from '../sheets-client/clock';
import { QuotaBudget, READS_PER_MINUTE_PER_USER } from '../sheets-client/quota';
import { DEFAULT_RETRY, type RetryPolicy } from '../sheets-client/retry';
import { option } from './option';
export { spreadsheetIdOf } from '../sheets-client/ledger';

export interface ApiDeps {
  clock?: Clock;
  random?: () => number;
  env?: NodeJS.ProcessEnv;
  /** Where lines go (stdout / stderr by default). */
  out?: (line: string) => void;
  err?: (line: string) => void;
  /** Sees the budget the run uses (tests, the bench). */
  observe?: (quota: QuotaBudget) => void;
}

export const API_OPTIONS_USAGE = [
  '  --key-file <khoá.json>      tệp khoá tài khoản dịch vụ (hoặc biến GOOGLE_APPLICATION_CREDENTIALS)',
  '  --oauth-client <client.json> ứng dụng OAuth "Desktop app"; mã làm mới lưu bằng npx sodiem login',
  `  --per-minute <số>           số yêu cầu đọc tối đa mỗi phút (mặc định ${READS_PER_MINUTE_PER_USER}, hạn mức Google cho mỗi người dùng)`,
].join('\n');

/** Options that take a value, so a command can tell its positional argument from them. */
export const VALUE_OPTIONS = ['--key-file', '--oauth-client', '--token', '--api-root', '--per-minute', '--concurrency', '--out', '--store'];

export function positional(args: string[]): string | undefined {
  return args.find((a, i) => !a.startsWith('--') && !VALUE_OPTIONS.includes(args[i - 1]));
}

/** The command's output lines, and whether it only had to print its usage (--help). */
export function commandIO(args: string[], deps: ApiDeps, usage: string): { out: (l: string) => void; err: (l: string) => void; helped: boolean } {
  const out = deps.out ?? ((l: string) => process.stdout.write(`${l}\n`));
  const err = deps.err ?? ((l: string) => process.stderr.write(`${l}\n`));
  const helped = args.includes('--help');
  if (helped) out(usage);
  return { out, err, helped };
}

export type Opened = { ok: true; reader: SheetsReader; quota: QuotaBudget; describe: string } | { ok: false; message: string };

export async function openReader(args: string[], deps: ApiDeps): Promise<Opened> {
  const auth: AuthOptions = {};
  for (const [flag, key] of [['--api-root', 'apiRoot'], ['--key-file', 'keyFile'], ['--oauth-client', 'oauthClient'], ['--token', 'token']] as const) {
    const v = option(args, flag, '');
    if (v) auth[key] = v;
  }
  const perMinute = Number(option(args, '--per-minute', String(READS_PER_MINUTE_PER_USER)));
  if (!Number.isInteger(perMinute) || perMinute < 1) return { ok: false, message: `--per-minute phải là số nguyên dương. (--per-minute must be a positive integer.)` };
  try {
    const source = authSource(auth, deps.env ?? process.env);
    const clock = deps.clock ?? realClock;
    const quota = new QuotaBudget(perMinute, clock);
    deps.observe?.(quota);
    const retry: RetryPolicy = { ...DEFAULT_RETRY, random: deps.random ?? Math.random };
    const opened = await sheetsAuth(source);
    return { ok: true, reader: await openSheetsReader({ auth: opened, quota, retry, clock }), quota, describe: opened.describe };
  } catch (e) {
    if (e instanceof AuthProblem) return { ok: false, message: e.message };
    throw e;
  }
}
