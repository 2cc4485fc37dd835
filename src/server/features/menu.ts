import type { Env } from '../gas/env';
import { MENU } from './messages';

/**
 * The add-on menu. onOpen may run in AuthMode.NONE (add-on installed but not yet used in this
 * file), where nothing but the menu may be touched, so the menu is the same for everyone and
 * each item checks the caller's role on the server when chosen.
 */
export function buildMenu(env: Env): void {
  env.spreadsheetApp
    .getUi()
    .createAddonMenu()
    .addItem(MENU.status, 'menuShowStatus')
    .addSeparator()
    .addItem(MENU.install, 'menuInstall')
    .addToUi();
}
