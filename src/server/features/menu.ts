import type { Env } from '../gas/env';
import { MENU } from './messages';

/**
 * The add-on menu. onOpen may run in AuthMode.NONE (add-on installed but not yet used in this
 * file), where nothing but the menu may be touched, so the menu is the same for everyone and
 * each item checks the caller's role on the server when chosen.
 */
export function buildMenu(env: Env): void {
  const ui = env.spreadsheetApp.getUi();
  const admin = ui
    .createMenu(MENU.admin)
    .addItem(MENU.install, 'menuInstall')
    .addItem(MENU.configThcs, 'menuCreateConfigThcs')
    .addItem(MENU.configThpt, 'menuCreateConfigThpt')
    .addSeparator()
    .addItem(MENU.importRoster, 'menuImportRoster')
    .addItem(MENU.setup, 'menuSetup')
    .addItem(MENU.installTriggers, 'menuInstallTriggers')
    .addItem(MENU.reconcile, 'menuReconcile');
  const board = ui
    .createMenu(MENU.board)
    .addItem(MENU.applyCalendar, 'menuApplyCalendar')
    .addItem(MENU.previewCalendar, 'menuPreviewCalendar')
    .addItem(MENU.lockAll, 'menuLockAll')
    .addSeparator()
    .addItem(MENU.entryProgress, 'menuEntryProgress')
    .addItem(MENU.verifyAudit, 'menuVerifyAudit')
    .addItem(MENU.pendingChanges, 'menuPendingChanges')
    .addItem(MENU.decidePending, 'menuDecidePendingChange')
    .addItem(MENU.witnessCheckpoint, 'menuCheckWitnessCheckpoint')
    .addItem(MENU.guardHealth, 'menuGuardHealth');
  ui.createAddonMenu().addItem(MENU.status, 'menuShowStatus').addSeparator().addSubMenu(board).addSubMenu(admin).addToUi();
}
