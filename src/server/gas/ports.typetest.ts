/**
 * Compile-time proof that the real Apps Script types satisfy the ports (checked by
 * `tsc --noEmit`). If a port grows a method the real API does not have, or with an
 * incompatible signature, the type check fails here.
 */
import type * as P from './ports';
import type { GasGlobals } from './env';

type Satisfies<Real extends Port, Port> = Real;

export type Checks = [
  Satisfies<GoogleAppsScript.Base.User, P.UserPort>,
  Satisfies<GoogleAppsScript.Base.Session, P.SessionPort>,
  Satisfies<GoogleAppsScript.Spreadsheet.DataValidation, P.DataValidationPort>,
  Satisfies<GoogleAppsScript.Spreadsheet.DataValidationBuilder, P.DataValidationBuilderPort>,
  Satisfies<GoogleAppsScript.Spreadsheet.Range, P.RangePort>,
  Satisfies<GoogleAppsScript.Spreadsheet.Protection, P.ProtectionPort>,
  Satisfies<GoogleAppsScript.Spreadsheet.Sheet, P.SheetPort>,
  Satisfies<GoogleAppsScript.Spreadsheet.Spreadsheet, P.SpreadsheetPort>,
  Satisfies<GoogleAppsScript.Spreadsheet.SpreadsheetApp, P.SpreadsheetAppPort>,
  Satisfies<GoogleAppsScript.Base.Menu, P.MenuPort>,
  Satisfies<GoogleAppsScript.Base.Ui, P.UiPort>,
  Satisfies<NonNullable<typeof Sheets>, P.SheetsApiPort>,
  Satisfies<GoogleAppsScript.Properties.Properties, P.PropertiesPort>,
  Satisfies<GoogleAppsScript.Properties.PropertiesService, P.PropertiesServicePort>,
  Satisfies<GoogleAppsScript.Cache.Cache, P.CachePort>,
  Satisfies<GoogleAppsScript.Cache.CacheService, P.CacheServicePort>,
  Satisfies<GoogleAppsScript.Lock.Lock, P.LockPort>,
  Satisfies<GoogleAppsScript.Lock.LockService, P.LockServicePort>,
  Satisfies<GoogleAppsScript.Script.Trigger, P.TriggerPort>,
  Satisfies<GoogleAppsScript.Script.SpreadsheetTriggerBuilder, P.SpreadsheetTriggerBuilderPort>,
  Satisfies<GoogleAppsScript.Script.ClockTriggerBuilder, P.ClockTriggerBuilderPort>,
  Satisfies<GoogleAppsScript.Script.TriggerBuilder, P.TriggerBuilderPort>,
  Satisfies<GoogleAppsScript.Script.ScriptApp, P.ScriptAppPort>,
  Satisfies<GoogleAppsScript.Base.Blob, P.BlobPort>,
  Satisfies<GoogleAppsScript.Utilities.Utilities, P.UtilitiesPort>,
  Satisfies<GoogleAppsScript.Drive.FileIterator, P.FileIteratorPort>,
  Satisfies<GoogleAppsScript.Drive.FolderIterator, P.FolderIteratorPort>,
  Satisfies<GoogleAppsScript.Drive.File, P.DriveFilePort>,
  Satisfies<GoogleAppsScript.Drive.Folder, P.FolderPort>,
  Satisfies<GoogleAppsScript.Drive.DriveApp, P.DriveAppPort>,
  Satisfies<NonNullable<typeof Drive>, P.DriveApiPort>,
  Satisfies<GoogleAppsScript.HTML.HtmlOutput, P.HtmlOutputPort>,
  Satisfies<GoogleAppsScript.HTML.HtmlService, P.HtmlServicePort>,
  Satisfies<
    {
      SpreadsheetApp: typeof SpreadsheetApp;
      Sheets: NonNullable<typeof Sheets>;
      Session: typeof Session;
      PropertiesService: typeof PropertiesService;
      CacheService: typeof CacheService;
      LockService: typeof LockService;
      ScriptApp: typeof ScriptApp;
      Utilities: typeof Utilities;
      DriveApp: typeof DriveApp;
      Drive: NonNullable<typeof Drive>;
      HtmlService: typeof HtmlService;
    },
    GasGlobals
  >,
];
