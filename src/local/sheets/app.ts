/**
 * SpreadsheetApp of one execution, and the Ui it records into a UiLog (menus, sidebars,
 * dialogs, alerts) so tests and the dev server can see what a user would see.
 */
import type {
  HtmlOutputPort,
  MenuPort,
  PromptResponsePort,
  SpreadsheetAppPort,
  UiPort,
} from '../../server/gas/ports';
import type { ExecutionContext } from '../core';
import type { GridRange } from './model';
import type { SpreadsheetStore } from './store';
import { Facade, type FacadeObjects } from './context';
import { MSG, SCOPE_SPREADSHEETS, gasError } from './errors';
import { Button, ProtectionType, type GasEnumValue } from './enums';
import { LocalDataValidation, LocalDataValidationBuilder, DataValidationCriteria } from './validation';
import { LocalSpreadsheet } from './spreadsheet';
import { LocalSheet } from './sheet';
import { LocalRange } from './range';
import { LocalProtection } from './protection';
import { notImplemented, stubMissingMethods, withStubs } from '../unimplemented';

/** The wiring: every facade object reaches the others through these constructors. */
const OBJECTS: FacadeObjects = {
  spreadsheet: (f, spreadsheetId) => new LocalSpreadsheet(f, spreadsheetId),
  sheet: (f, spreadsheetId, sheetId) => new LocalSheet(f, spreadsheetId, sheetId),
  range: (f, spreadsheetId, sheetId, rect) => new LocalRange(f, spreadsheetId, sheetId, rect),
  isRange: (x): x is LocalRange => x instanceof LocalRange,
};

export interface UiLog {
  menus: { caption: string; items: { caption: string; functionName: string }[] }[];
  sidebars: { user: string; html: HtmlOutputPort }[];
  dialogs: { user: string; html: HtmlOutputPort; title: string }[];
  alerts: { user: string; text: string }[];
  prompts: { user: string; text: string }[];
  /** What the person types into the next prompts, in order; none left: they press Cancel. */
  promptAnswers: string[];
}

export function newUiLog(): UiLog {
  return { menus: [], sidebars: [], dialogs: [], alerts: [], prompts: [], promptAnswers: [] };
}

export interface SpreadsheetAppOptions {
  /** Caption of the add-on menu (createAddonMenu): the add-on's name. */
  addonName?: string;
}

type MenuItem = { caption: string; functionName: string };

export class LocalMenu implements MenuPort {
  readonly items: MenuItem[] = [];

  constructor(
    private readonly f: Facade,
    private readonly ui: UiLog,
    readonly caption: string,
  ) {}

  addItem(caption: string, functionName: string): LocalMenu {
    this.f.calls.record('Menu.addItem');
    this.items.push({ caption, functionName });
    return this;
  }

  addSeparator(): LocalMenu {
    this.f.calls.record('Menu.addSeparator');
    return this;
  }

  /** Sub-menu items are flattened as "Sub-menu › Item". */
  addSubMenu(menu: MenuPort): LocalMenu {
    this.f.calls.record('Menu.addSubMenu');
    if (!(menu instanceof LocalMenu)) throw gasError(MSG.invalidArgument('menu'));
    for (const item of menu.items) this.items.push({ caption: `${menu.caption} › ${item.caption}`, functionName: item.functionName });
    return this;
  }

  addToUi(): void {
    this.f.calls.record('Menu.addToUi');
    // Re-adding a menu with the same caption replaces it, as reopening the document would.
    const i = this.ui.menus.findIndex((m) => m.caption === this.caption);
    const entry = { caption: this.caption, items: [...this.items] };
    if (i >= 0) this.ui.menus[i] = entry;
    else this.ui.menus.push(entry);
  }
}

export class LocalUi implements UiPort {
  constructor(
    private readonly f: Facade,
    private readonly ui: UiLog,
    private readonly addonName: string,
  ) {}

  private get person(): string {
    return this.f.ctx.activeUser || this.f.ctx.effectiveUser;
  }

  createAddonMenu(): LocalMenu {
    this.f.calls.record('Ui.createAddonMenu');
    return new LocalMenu(this.f, this.ui, this.addonName);
  }

  createMenu(caption: string): LocalMenu {
    this.f.calls.record('Ui.createMenu');
    return new LocalMenu(this.f, this.ui, caption);
  }

  /** Records the alert; the local user always presses OK. */
  alert(prompt: string): GasEnumValue {
    this.f.calls.record('Ui.alert');
    this.ui.alerts.push({ user: this.person, text: prompt });
    return Button.OK;
  }

  /** Records the prompt; the answer comes from `promptAnswers` (OK), or the person cancels. */
  prompt(prompt: string): PromptResponsePort {
    this.f.calls.record('Ui.prompt');
    this.ui.prompts.push({ user: this.person, text: prompt });
    const answer = this.ui.promptAnswers.shift();
    return {
      getResponseText: () => answer ?? '',
      getSelectedButton: () => (answer === undefined ? Button.CANCEL : Button.OK),
    };
  }

  showSidebar(userInterface: HtmlOutputPort): void {
    this.f.calls.record('Ui.showSidebar');
    this.ui.sidebars.push({ user: this.person, html: userInterface });
  }

  showModalDialog(userInterface: HtmlOutputPort, title: string): void {
    this.f.calls.record('Ui.showModalDialog');
    this.ui.dialogs.push({ user: this.person, html: userInterface, title });
  }
}

// Every Apps Script method these classes lack throws, naming it (src/local/unimplemented.ts).
stubMissingMethods(LocalSpreadsheet.prototype, 'Spreadsheet');
stubMissingMethods(LocalSheet.prototype, 'Sheet');
stubMissingMethods(LocalRange.prototype, 'Range');
stubMissingMethods(LocalProtection.prototype, 'Protection');
stubMissingMethods(LocalDataValidation.prototype, 'DataValidation');
stubMissingMethods(LocalDataValidationBuilder.prototype, 'DataValidationBuilder');
stubMissingMethods(LocalUi.prototype, 'Ui');
stubMissingMethods(LocalMenu.prototype, 'Menu');

/** SpreadsheetAppPort, typed with the local classes so tests and tools reach their extra methods. */
export interface LocalSpreadsheetApp extends SpreadsheetAppPort {
  DataValidationCriteria: typeof DataValidationCriteria;
  getActiveSpreadsheet(): LocalSpreadsheet;
  getActive(): LocalSpreadsheet;
  getActiveSheet(): LocalSheet;
  getActiveRange(): LocalRange | null;
  getCurrentCell(): LocalRange | null;
  openById(id: string): LocalSpreadsheet;
  create(name: string): LocalSpreadsheet;
  getUi(): LocalUi;
  newDataValidation(): LocalDataValidationBuilder;
}

export function createSpreadsheetApp(
  store: SpreadsheetStore,
  ctx: ExecutionContext,
  ui: UiLog,
  options: SpreadsheetAppOptions = {},
): LocalSpreadsheetApp {
  const f = new Facade(store, ctx, OBJECTS);
  const addonName = options.addonName ?? 'Sổ Điểm';

  const active = (kind: string): LocalSpreadsheet => {
    f.call(`SpreadsheetApp.${kind}`);
    // No bound document (a standalone execution): Apps Script returns null here.
    if (!ctx.documentId) return null as unknown as LocalSpreadsheet;
    const wb = f.workbook(ctx.documentId);
    f.requireView(wb);
    return new LocalSpreadsheet(f, wb.id);
  };

  /** The document the execution runs in, for the selection shorthands (not a call of its own). */
  const bound = (kind: string): LocalSpreadsheet => {
    if (!ctx.documentId) {
      f.call(`SpreadsheetApp.${kind}`);
      throw notImplemented(`SpreadsheetApp.${kind}() without an active spreadsheet`);
    }
    return new LocalSpreadsheet(f, ctx.documentId);
  };

  return withStubs('SpreadsheetApp', {
    ProtectionType,
    DataValidationCriteria,
    getActiveSpreadsheet: () => active('getActiveSpreadsheet'),
    getActive: () => active('getActive'),
    // Shorthands for the active spreadsheet's: one call each, as in Apps Script.
    getActiveSheet: () => bound('getActiveSheet').activeSheetFor('SpreadsheetApp.getActiveSheet'),
    getActiveRange: () => bound('getActiveRange').activeRangeFor('SpreadsheetApp.getActiveRange'),
    getCurrentCell: () => bound('getCurrentCell').currentCellFor('SpreadsheetApp.getCurrentCell'),
    openById(id: string): LocalSpreadsheet {
      f.call('SpreadsheetApp.openById');
      // LIMITED (an add-on's menu before full authorization, simple triggers) reaches only the bound document.
      if (ctx.authMode === 'LIMITED' && id !== ctx.documentId) {
        throw gasError(MSG.noPermissionToCall('SpreadsheetApp.openById', SCOPE_SPREADSHEETS));
      }
      const wb = f.workbook(id);
      f.requireView(wb);
      return new LocalSpreadsheet(f, wb.id);
    },
    create(name: string): LocalSpreadsheet {
      f.call('SpreadsheetApp.create');
      if (ctx.authMode === 'LIMITED') throw gasError(MSG.noPermissionToCall('SpreadsheetApp.create', SCOPE_SPREADSHEETS));
      const wb = store.create(name, ctx.effectiveUser);
      // Made by the add-on: under drive.file its Drive API sees it (services/drive-api.ts).
      wb.drive = { parentId: null, createdMs: store.clock.nowMs(), writersCanShare: true, copyRequiresWriterPermission: false };
      return new LocalSpreadsheet(f, wb.id);
    },
    /** Works in every auth mode (menus in onOpen), but not from an installable trigger. */
    getUi(): LocalUi {
      store.calls.record('SpreadsheetApp.getUi');
      if (ctx.triggerUid) throw gasError(MSG.uiFromTrigger);
      return new LocalUi(f, ui, addonName);
    },
    newDataValidation(): LocalDataValidationBuilder {
      store.calls.record('SpreadsheetApp.newDataValidation');
      return new LocalDataValidationBuilder(store.calls);
    },
    flush(): void {
      store.calls.record('SpreadsheetApp.flush');
      store.flush(ctx);
    },
  });
}

/** A Range for trigger events (e.range), seen by the execution `ctx`. */
export function rangeFor(
  store: SpreadsheetStore,
  ctx: ExecutionContext,
  spreadsheetId: string,
  sheetId: number,
  gridRange: Pick<GridRange, 'startRow' | 'endRow' | 'startCol' | 'endCol'>,
): LocalRange {
  const { startRow, endRow, startCol, endCol } = gridRange;
  return new LocalRange(new Facade(store, ctx, OBJECTS), spreadsheetId, sheetId, { startRow, endRow, startCol, endCol });
}

/** A Spreadsheet for trigger events (e.source), seen by the execution `ctx`. */
export function spreadsheetFor(store: SpreadsheetStore, ctx: ExecutionContext, id: string): LocalSpreadsheet {
  return new LocalSpreadsheet(new Facade(store, ctx, OBJECTS), id);
}
