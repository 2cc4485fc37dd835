import type {
  CacheServicePort,
  DriveApiPort,
  DriveAppPort,
  HtmlServicePort,
  LockServicePort,
  PropertiesServicePort,
  ScriptAppPort,
  SessionPort,
  SheetsApiPort,
  SpreadsheetAppPort,
  UtilitiesPort,
} from './ports';

/** The clock is a port too, so the local runtime can move time for windows and triggers. */
export interface ClockPort {
  now(): Date;
}

/**
 * Everything a feature may touch outside pure code. Features receive an Env; only
 * src/server/index.ts builds one from the real globals.
 */
export interface Env {
  spreadsheetApp: SpreadsheetAppPort;
  sheetsApi: SheetsApiPort;
  session: SessionPort;
  properties: PropertiesServicePort;
  cache: CacheServicePort;
  lock: LockServicePort;
  scriptApp: ScriptAppPort;
  utilities: UtilitiesPort;
  drive: DriveAppPort;
  /** The advanced Drive service (v3): `{}` when the project does not enable it. */
  driveApi: DriveApiPort;
  html: HtmlServicePort;
  clock: ClockPort;
}

/** The global services of an Apps Script execution (real, or the local runtime's). */
export interface GasGlobals {
  SpreadsheetApp: SpreadsheetAppPort;
  Sheets?: SheetsApiPort;
  Session: SessionPort;
  PropertiesService: PropertiesServicePort;
  CacheService: CacheServicePort;
  LockService: LockServicePort;
  ScriptApp: ScriptAppPort;
  Utilities: UtilitiesPort;
  DriveApp: DriveAppPort;
  Drive?: DriveApiPort;
  HtmlService: HtmlServicePort;
}

export function envFromGlobals(g: GasGlobals, clock: ClockPort = { now: () => new Date() }): Env {
  return {
    spreadsheetApp: g.SpreadsheetApp,
    // The advanced service is a global only when enabled in the manifest.
    sheetsApi: g.Sheets ?? {},
    session: g.Session,
    properties: g.PropertiesService,
    cache: g.CacheService,
    lock: g.LockService,
    scriptApp: g.ScriptApp,
    utilities: g.Utilities,
    drive: g.DriveApp,
    driveApi: g.Drive ?? {},
    html: g.HtmlService,
    clock,
  };
}

/**
 * The Env of the current execution, read from the global scope. In Apps Script these are
 * the real services; the local runtime installs its own under the same names. The clock
 * is `Date`, which the local runtime also replaces in the execution's global scope.
 */
export function gasEnv(): Env {
  const g = globalThis as unknown as GasGlobals;
  return envFromGlobals(g);
}
