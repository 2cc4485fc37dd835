import type { Env } from '../gas/env';
import { MENU } from './messages';
import { loadSchoolContext } from './school-context';
import { isAdmin, isBoard } from './results/access';

/** What the person's menu shows; everything when their roles cannot be read yet. */
interface MenuRoles {
  admin: boolean;
  /** Assigned to teach a subject somewhere ('Phân công'). */
  teacher: boolean;
  board: boolean;
  homeroom: boolean;
  departmentHead: boolean;
}

const EVERYTHING: MenuRoles = { admin: true, teacher: true, board: true, homeroom: true, departmentHead: true };

/**
 * The person's roles, when onOpen may read them. In AuthMode.NONE (installed, not yet used in
 * this file) nothing but the menu may be touched, and before setup there is no configuration:
 * then the whole menu is shown. Either way each item checks the caller's role on the server.
 */
function rolesOf(env: Env, authMode: unknown): MenuRoles {
  if (authMode === undefined || String(authMode) === 'NONE') return EVERYTHING;
  try {
    const email = env.session.getActiveUser().getEmail().toLowerCase();
    const loaded = loadSchoolContext(env);
    if (!loaded.ok || email === '') return EVERYTHING;
    const { context } = loaded;
    const user = context.config.users.find((u) => u.email === email);
    return {
      admin: isAdmin(context, email),
      teacher: context.config.assignments.some((a) => a.teachers.some((t) => t.toLowerCase() === email)),
      board: isBoard(context, email),
      homeroom: context.config.classes.some((c) => c.homeroom === email),
      departmentHead: Boolean(user?.roles.includes('department-head')),
    };
  } catch {
    return EVERYTHING;
  }
}

type MenuPort = ReturnType<ReturnType<Env['spreadsheetApp']['getUi']>['createMenu']>;

/** Items in order; null is a separator. */
function withItems(menu: MenuPort, items: readonly ([caption: string, functionName: string] | null)[]): MenuPort {
  for (const item of items) {
    if (item) menu.addItem(item[0], item[1]);
    else menu.addSeparator();
  }
  return menu;
}

/**
 * The add-on menu, by role: a teacher's own blocks and corrections, the homeroom teacher's
 * classification and documents (the board and admins see them too; a subject teacher the
 * documents, to sign their page of the print pack), the board's menu, the
 * admins' menu.
 */
export function buildMenu(env: Env, authMode?: unknown): void {
  const roles = rolesOf(env, authMode);
  const ui = env.spreadsheetApp.getUi();
  const menu = ui.createAddonMenu().addItem(MENU.status, 'menuShowStatus');
  if (roles.teacher) menu.addItem(MENU.teacher, 'menuShowTeacher');
  if (roles.homeroom || roles.board || roles.admin) menu.addItem(MENU.classify, 'menuShowClassification');
  // A subject teacher too: they sign their page of the class's print pack there.
  if (roles.homeroom || roles.board || roles.admin || roles.teacher) menu.addItem(MENU.documents, 'menuShowDocuments');
  if (roles.departmentHead && !roles.board && !roles.admin) menu.addItem(MENU.entryProgress, 'menuEntryProgress');
  if (roles.board || roles.admin) {
    const board = withItems(ui.createMenu(MENU.board), [
      [MENU.boardLists, 'menuShowBoard'],
      [MENU.corrections, 'menuShowCorrections'],
      [MENU.applyCalendar, 'menuApplyCalendar'],
      [MENU.previewCalendar, 'menuPreviewCalendar'],
      [MENU.lockAll, 'menuLockAll'],
      null,
      [MENU.entryProgress, 'menuEntryProgress'],
      [MENU.verifyAudit, 'menuVerifyAudit'],
      [MENU.pendingChanges, 'menuPendingChanges'],
      [MENU.decidePending, 'menuDecidePendingChange'],
      [MENU.witnessCheckpoint, 'menuCheckWitnessCheckpoint'],
      [MENU.guardHealth, 'menuGuardHealth'],
    ]);
    menu.addSeparator().addSubMenu(board);
  }
  if (roles.admin) {
    const admin = withItems(ui.createMenu(MENU.admin), [
      [MENU.install, 'menuInstall'],
      [MENU.configThcs, 'menuCreateConfigThcs'],
      [MENU.configThpt, 'menuCreateConfigThpt'],
      null,
      [MENU.importRoster, 'menuImportRoster'],
      [MENU.setup, 'menuSetup'],
      [MENU.installTriggers, 'menuInstallTriggers'],
      [MENU.reconcile, 'menuReconcile'],
      null,
      [MENU.reports, 'menuShowReports'],
    ]);
    if (!roles.board) menu.addSeparator();
    menu.addSubMenu(admin);
  }
  menu.addToUi();
}
