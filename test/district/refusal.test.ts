/**
 * What a failed request tells the retry loop: Google's refusals by status (429/5xx retried with
 * Retry-After honoured), a broken connection (retried), a sign-in the token endpoint refuses and
 * an error before any request (neither retried) — and a refused sign-in stops the district run
 * after the first school instead of spending the quota on every other.
 */
import { refusalOf, type SheetsReader } from '../../src/local/sheets-client/client';
import { GaveUp, withRetries, type RetryStats } from '../../src/local/sheets-client/retry';
import { VirtualClock } from '../../src/local/sheets-client/clock';
import { runDistrict } from '../../src/local/district/district';
import { idFor } from './schools';

const gaxios = (status: number, data: unknown, headers: Record<string, string> = {}) => Object.assign(new Error('Request failed'), { response: { status, data, headers: new Headers(headers) } });

test('refusals: status, Retry-After, sign-in, connection, before any request', () => {
  expect(refusalOf(gaxios(429, { error: { message: 'Quota exceeded' } }, { 'retry-after': '12' }))).toEqual({ status: 429, message: 'Quota exceeded', retryAfterSeconds: 12 });
  expect(refusalOf(gaxios(400, { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' }))).toEqual({ status: 400, auth: true, message: 'invalid_grant: Token has been expired or revoked.' });
  expect(refusalOf(Object.assign(new Error('fetch failed'), { cause: { code: 'ECONNRESET' } }))).toEqual({ status: 0, message: 'fetch failed' });
  expect(refusalOf(new Error('error:1E08010C:DECODER routines::unsupported'))).toEqual({ status: -1, message: 'error:1E08010C:DECODER routines::unsupported' });
});

test('a refused sign-in is not retried; a broken connection is, with backoff', async () => {
  const clock = new VirtualClock(0);
  const policy = { attempts: 3, baseMs: 1000, capMs: 8000, random: () => 1 };
  const stats: RetryStats = { retries: 0, waits: [] };
  await expect(withRetries(() => Promise.reject(gaxios(400, { error: 'invalid_grant' })), refusalOf, policy, clock, stats)).rejects.toBeInstanceOf(GaveUp);
  expect(stats.retries).toBe(0);
  const broken = Object.assign(new Error('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
  await expect(withRetries(() => Promise.reject(broken), refusalOf, policy, clock, stats)).rejects.toMatchObject({ attempts: 3 });
  expect(stats.waits).toEqual([1000, 2000]);
});

test('a refused sign-in stops the district run: the other schools are not asked for, and each says why', async () => {
  let calls = 0;
  const reader = {
    stats: { requests: 0, retries: 0, waits: [], perSpreadsheet: new Map() },
    batchGet: async () => {
      calls++;
      throw new GaveUp({ status: 400, auth: true, message: 'invalid_grant' }, 1);
    },
    metadata: async () => ({}),
  } as unknown as SheetsReader;
  const ids = ['một', 'hai', 'ba'].map(idFor);
  const result = await runDistrict(reader, ids, { by: 'phòng', schools: new Map(), problems: [] }, { concurrency: 1, now: () => new Date(0) });
  expect(calls).toBe(1);
  expect(result.unread.map((u) => u.reason)).toEqual(Array(3).fill('Google không nhận thông tin đăng nhập của phòng/sở (invalid_grant): kiểm tra tệp khoá hoặc chạy lại npx sodiem login.'));
});
