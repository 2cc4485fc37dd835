/**
 * Entry points only: Apps Script calls these by name (the build generates a top-level stub
 * for every export). Each one builds the Env from the real globals and hands over to a feature.
 */
import { gasEnv } from './gas/env';
import { buildMenu } from './features/menu';
import { installAsAdmin } from './features/installation';
import { readStatus, type StatusView } from './features/status';

export function onOpen(): void {
  buildMenu(gasEnv());
}

export function onInstall(): void {
  onOpen();
}

/** Menu: "Cài đặt cho trường (Quản trị)". */
export function menuInstall(): void {
  const env = gasEnv();
  const ui = env.spreadsheetApp.getUi();
  try {
    ui.alert(installAsAdmin(env).lines.join('\n'));
  } catch (err) {
    ui.alert(err instanceof Error ? err.message : String(err));
  }
}

/** Menu: "Trạng thái Sổ Điểm". */
export function menuShowStatus(): void {
  const env = gasEnv();
  const html = env.html.createHtmlOutputFromFile('status').setTitle('Sổ Điểm').setWidth(300);
  env.spreadsheetApp.getUi().showSidebar(html);
}

/** Sidebar API: the status card. */
export function apiStatus(): StatusView {
  return readStatus(gasEnv());
}
