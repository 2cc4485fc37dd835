/**
 * The status sidebar in real Chromium, served by the dev server over the sample school:
 * google.script.run goes through the local runtime as the person in ?as=.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startDevServer, type DevServer } from '../../src/local/dev-server';
import { SAMPLE_PEOPLE, openSampleSchool, type SampleSchool } from '../../src/local/school';
import { launchChromium } from '../support/browser';

let browser: Browser;
let school: SampleSchool;
let server: DevServer;

beforeAll(async () => {
  school = await openSampleSchool({ driveRoot: join(process.cwd(), 'out/test-drive/e2e') });
  server = await startDevServer({ runtime: school.runtime, workbookId: school.workbookId });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('before installation a teacher is told the add-on is not installed yet', async () => {
  const page = await browser.newPage({ viewport: { width: 300, height: 600 } });
  await page.goto(`${server.url}/sidebar/status?as=${encodeURIComponent(SAMPLE_PEOPLE.teacher)}`);
  await expect(page.getByRole('alert').textContent()).resolves.toContain('chưa được cài đặt');
  await expect(page.locator('#caller').textContent()).resolves.toBe(SAMPLE_PEOPLE.teacher);
  await page.close();
});

test('after the admin installs, the sidebar says so and names the admin; Reload refetches', async () => {
  const admin = school.runtime.as(SAMPLE_PEOPLE.admin);
  admin.open(school.workbookId);
  admin.installAddOn(school.workbookId);
  admin.chooseMenuItem(school.workbookId, 'menuInstall');

  const page = await browser.newPage({ viewport: { width: 300, height: 600 } });
  await page.goto(`${server.url}/sidebar/status?as=${encodeURIComponent(SAMPLE_PEOPLE.admin)}`);
  const alert = page.getByRole('alert');
  // Installed, but the triggers are not: the card says what needs attention.
  await expect(alert.textContent()).resolves.toContain('có điều cần chú ý');
  await expect(page.locator('#warnings').textContent()).resolves.toContain('Trình kiểm soát chưa được cài đặt');
  await expect(page.locator('#admin').textContent()).resolves.toBe(SAMPLE_PEOPLE.admin);
  // The virtual clock starts at 2026-09-05 01:00 UTC: 08:00 in Hà Nội, written the Vietnamese way.
  await expect(page.locator('#installedAt').textContent()).resolves.toBe('05/09/2026 08:00');

  const before = school.runtime.calls.count('Session.getActiveUser');
  await Promise.all([page.waitForResponse((r) => r.url().endsWith('/rpc')), page.getByRole('button', { name: 'Tải lại' }).click()]);
  expect(school.runtime.calls.count('Session.getActiveUser')).toBeGreaterThan(before);

  mkdirSync(join(process.cwd(), 'out/screenshots'), { recursive: true });
  await page.screenshot({ path: join(process.cwd(), 'out/screenshots/status-sidebar.png') });
  await page.close();
});

test('a server error reaches the failure handler as a Vietnamese sentence', async () => {
  const page = await browser.newPage({ viewport: { width: 300, height: 600 } });
  // Nobody of that name works at the school: the dev server refuses like an unknown account would be refused.
  await page.goto(`${server.url}/sidebar/status?as=nguoi.la@example.com`);
  const alert = page.getByRole('alert');
  await expect(alert.textContent()).resolves.toContain('Không có người dùng');
  await expect(alert.getAttribute('class')).resolves.toContain('err');
  await page.close();
});
