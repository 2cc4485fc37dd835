/**
 * Narrow ports over the Apps Script services Sổ Điểm uses.
 *
 * Each port is a structural subset of the real `GoogleAppsScript.*` type, so the real
 * globals satisfy it without casts (see ports.typetest.ts), and the local runtime
 * (src/local) implements the same interfaces. Add a method here only when code needs it.
 */

/** What `Range.getValues()` yields: '' for an empty cell. */
export type CellValue = string | number | boolean | Date;

// Apps Script enums are opaque objects at run time; code only compares them with the
// members of the service's own enum (e.g. `SpreadsheetApp.ProtectionType.SHEET`).
export type GasEnum = unknown;

// ---------------------------------------------------------------- identity

export interface UserPort {
  getEmail(): string;
}

export interface SessionPort {
  getActiveUser(): UserPort;
  getEffectiveUser(): UserPort;
  getScriptTimeZone(): string;
  getTemporaryActiveUserKey(): string;
}

// ---------------------------------------------------------------- spreadsheet

export interface DataValidationPort {
  getAllowInvalid(): boolean;
  getCriteriaType(): GasEnum;
  getCriteriaValues(): unknown[];
  getHelpText(): string | null;
  copy(): DataValidationBuilderPort;
}

export interface DataValidationBuilderPort {
  build(): DataValidationPort;
  requireNumberBetween(start: number, end: number): DataValidationBuilderPort;
  requireValueInList(values: string[], showDropdown: boolean): DataValidationBuilderPort;
  requireFormulaSatisfied(formula: string): DataValidationBuilderPort;
  setAllowInvalid(allowInvalidData: boolean): DataValidationBuilderPort;
  setHelpText(helpText: string): DataValidationBuilderPort;
}

export interface RangePort {
  getA1Notation(): string;
  getRow(): number;
  getColumn(): number;
  getLastRow(): number;
  getLastColumn(): number;
  getNumRows(): number;
  getNumColumns(): number;
  getSheet(): SheetPort;
  getValue(): any;
  getValues(): any[][];
  getDisplayValues(): string[][];
  getFormulas(): string[][];
  getNumberFormats(): string[][];
  getNotes(): string[][];
  getDataValidations(): (DataValidationPort | null)[][];
  getBackgrounds(): string[][];
  setValue(value: any): RangePort;
  setValues(values: any[][]): RangePort;
  setNumberFormat(numberFormat: string): RangePort;
  setNumberFormats(numberFormats: string[][]): RangePort;
  setNote(note: string | null): RangePort;
  setNotes(notes: (string | null)[][]): RangePort;
  setDataValidation(rule: DataValidationPort | null): RangePort;
  setDataValidations(rules: (DataValidationPort | null)[][]): RangePort;
  setBackground(color: string | null): RangePort;
  setBackgrounds(color: (string | null)[][]): RangePort;
  setFontWeight(fontWeight: string | null): RangePort;
  setFontWeights(fontWeights: (string | null)[][]): RangePort;
  clearContent(): RangePort;
  offset(rowOffset: number, columnOffset: number): RangePort;
  offset(rowOffset: number, columnOffset: number, numRows: number): RangePort;
  offset(rowOffset: number, columnOffset: number, numRows: number, numColumns: number): RangePort;
  protect(): ProtectionPort;
  shiftColumnGroupDepth(delta: number): RangePort;
  /** Selects the range for the person whose window the call came from (a sidebar's button). */
  activate(): RangePort;
}

export interface ProtectionPort {
  addEditor(emailAddress: string): ProtectionPort;
  addEditors(emailAddresses: string[]): ProtectionPort;
  canDomainEdit(): boolean;
  canEdit(): boolean;
  getDescription(): string;
  getEditors(): UserPort[];
  getProtectionType(): GasEnum;
  getRange(): RangePort;
  getUnprotectedRanges(): RangePort[];
  isWarningOnly(): boolean;
  remove(): void;
  removeEditor(emailAddress: string): ProtectionPort;
  removeEditors(emailAddresses: string[]): ProtectionPort;
  setDescription(description: string): ProtectionPort;
  setDomainEdit(editable: boolean): ProtectionPort;
  setUnprotectedRanges(ranges: RangePort[]): ProtectionPort;
  setWarningOnly(warningOnly: boolean): ProtectionPort;
}

export interface SheetPort {
  getName(): string;
  setName(name: string): SheetPort;
  getSheetId(): number;
  getIndex(): number;
  getParent(): SpreadsheetPort;
  getMaxRows(): number;
  getMaxColumns(): number;
  getLastRow(): number;
  getLastColumn(): number;
  getRange(row: number, column: number): RangePort;
  getRange(row: number, column: number, numRows: number): RangePort;
  getRange(row: number, column: number, numRows: number, numColumns: number): RangePort;
  getRange(a1Notation: string): RangePort;
  getDataRange(): RangePort;
  appendRow(rowContents: any[]): SheetPort;
  insertRowsAfter(afterPosition: number, howMany: number): SheetPort;
  insertRowsBefore(beforePosition: number, howMany: number): SheetPort;
  deleteRows(rowPosition: number, howMany: number): void;
  insertColumnsAfter(afterPosition: number, howMany: number): SheetPort;
  deleteColumns(columnPosition: number, howMany: number): void;
  hideSheet(): SheetPort;
  showSheet(): SheetPort;
  isSheetHidden(): boolean;
  hideRows(rowIndex: number): void;
  hideRows(rowIndex: number, numRows: number): void;
  showRows(rowIndex: number): void;
  showRows(rowIndex: number, numRows: number): void;
  isRowHiddenByUser(rowPosition: number): boolean;
  setColumnWidth(columnPosition: number, width: number): SheetPort;
  setColumnWidths(startColumn: number, numColumns: number, width: number): SheetPort;
  getColumnWidth(columnPosition: number): number;
  setFrozenRows(rows: number): void;
  setFrozenColumns(columns: number): void;
  getFrozenRows(): number;
  getFrozenColumns(): number;
  protect(): ProtectionPort;
  getProtections(type: GasEnum): ProtectionPort[];
  clear(): SheetPort;
}

export interface MenuPort {
  addItem(caption: string, functionName: string): MenuPort;
  addSeparator(): MenuPort;
  addSubMenu(menu: MenuPort): MenuPort;
  addToUi(): void;
}

/** What the person typed into a prompt and which button they pressed (String(button) is 'OK', 'CANCEL', 'CLOSE'). */
export interface PromptResponsePort {
  getResponseText(): string;
  getSelectedButton(): GasEnum;
}

export interface UiPort {
  createAddonMenu(): MenuPort;
  createMenu(caption: string): MenuPort;
  alert(prompt: string): GasEnum;
  prompt(prompt: string): PromptResponsePort;
  showSidebar(userInterface: HtmlOutputPort): void;
  showModalDialog(userInterface: HtmlOutputPort, title: string): void;
}

export interface SpreadsheetPort {
  getId(): string;
  /** Shares the file read-only (the rollover archives, for every board member to verify). */
  addViewers(emailAddresses: string[]): SpreadsheetPort;
  /** Sharing of the class profile files (workbook/profile-files.ts). */
  addEditors(emailAddresses: string[]): SpreadsheetPort;
  removeEditor(emailAddress: string): SpreadsheetPort;
  getViewers(): UserPort[];
  removeViewer(emailAddress: string): SpreadsheetPort;
  getName(): string;
  getOwner(): UserPort | null;
  getEditors(): UserPort[];
  getSpreadsheetTimeZone(): string;
  getSheets(): SheetPort[];
  getSheetByName(name: string): SheetPort | null;
  insertSheet(sheetName: string): SheetPort;
  insertSheet(sheetName: string, sheetIndex: number): SheetPort;
  deleteSheet(sheet: SheetPort): void;
  getRangeByName(name: string): RangePort | null;
  setNamedRange(name: string, range: RangePort): void;
  getProtections(type: GasEnum): ProtectionPort[];
  /** The highlighted cell of the person's selection (a sidebar call runs in their window). */
  getCurrentCell(): RangePort | null;
}

export interface SpreadsheetAppPort {
  ProtectionType: { RANGE: GasEnum; SHEET: GasEnum };
  getActiveSpreadsheet(): SpreadsheetPort;
  getActive(): SpreadsheetPort;
  openById(id: string): SpreadsheetPort;
  create(name: string): SpreadsheetPort;
  getUi(): UiPort;
  newDataValidation(): DataValidationBuilderPort;
  flush(): void;
}

// ---------------------------------------------------------------- advanced Sheets service

/** The part of the advanced Sheets service (`Sheets`) the protection planner uses. */
export interface SheetsApiPort {
  Spreadsheets?: {
    batchUpdate(
      resource: GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetRequest,
      spreadsheetId: string,
    ): GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetResponse;
    get(
      spreadsheetId: string,
      optionalArgs?: object,
    ): GoogleAppsScript.Sheets.Schema.Spreadsheet;
    Values?: {
      batchGet(spreadsheetId: string, optionalArgs: object): GoogleAppsScript.Sheets.Schema.BatchGetValuesResponse;
      batchUpdate(
        resource: GoogleAppsScript.Sheets.Schema.BatchUpdateValuesRequest,
        spreadsheetId: string,
      ): GoogleAppsScript.Sheets.Schema.BatchUpdateValuesResponse;
    };
  };
}

// ---------------------------------------------------------------- advanced Drive service

/**
 * The part of the advanced Drive service (`Drive`, v3) the documents use. DriveApp needs the
 * full `drive` scope; the Drive API honours `drive.file` (only what the add-on created), the
 * scope the manifest asks for (docs/scopes.md).
 */
export interface DriveApiPort {
  Files?: {
    list(optionalArgs: Record<string, any>): GoogleAppsScript.Drive_v3.Drive.V3.Schema.FileList;
    create(resource: GoogleAppsScript.Drive_v3.Drive.V3.Schema.File): GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;
    create(
      resource: GoogleAppsScript.Drive_v3.Drive.V3.Schema.File,
      mediaData: BlobPort,
      optionalArgs: Record<string, any>,
    ): GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;
    /** A null mediaData keeps the content (a move: addParents/removeParents in optionalArgs). */
    update(
      resource: GoogleAppsScript.Drive_v3.Drive.V3.Schema.File,
      fileId: string,
      mediaData: BlobPort | null,
      optionalArgs?: Record<string, any>,
    ): GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;
  };
}

// ---------------------------------------------------------------- properties, cache, lock

export interface PropertiesPort {
  getProperty(key: string): string | null;
  getProperties(): { [key: string]: string };
  getKeys(): string[];
  setProperty(key: string, value: string): PropertiesPort;
  setProperties(properties: { [key: string]: string }): PropertiesPort;
  deleteProperty(key: string): PropertiesPort;
  deleteAllProperties(): PropertiesPort;
}

export interface PropertiesServicePort {
  getDocumentProperties(): PropertiesPort | null;
  getScriptProperties(): PropertiesPort;
  getUserProperties(): PropertiesPort;
}

export interface CachePort {
  get(key: string): string | null;
  getAll(keys: string[]): { [key: string]: string };
  put(key: string, value: string): void;
  put(key: string, value: string, expirationInSeconds: number): void;
  putAll(values: { [key: string]: string }): void;
  putAll(values: { [key: string]: string }, expirationInSeconds: number): void;
  remove(key: string): void;
  removeAll(keys: string[]): void;
}

export interface CacheServicePort {
  getDocumentCache(): CachePort | null;
  getScriptCache(): CachePort;
  getUserCache(): CachePort;
}

export interface LockPort {
  tryLock(timeoutInMillis: number): boolean;
  waitLock(timeoutInMillis: number): void;
  hasLock(): boolean;
  releaseLock(): void;
}

export interface LockServicePort {
  getDocumentLock(): LockPort | null;
  getScriptLock(): LockPort;
  getUserLock(): LockPort;
}

// ---------------------------------------------------------------- triggers

export interface TriggerPort {
  getEventType(): GasEnum;
  getHandlerFunction(): string;
  getTriggerSource(): GasEnum;
  getTriggerSourceId(): string;
  getUniqueId(): string;
}

export interface SpreadsheetTriggerBuilderPort {
  create(): TriggerPort;
  onChange(): SpreadsheetTriggerBuilderPort;
  onEdit(): SpreadsheetTriggerBuilderPort;
  onOpen(): SpreadsheetTriggerBuilderPort;
}

export interface ClockTriggerBuilderPort {
  create(): TriggerPort;
  after(durationMilliseconds: number): ClockTriggerBuilderPort;
  at(date: Date): ClockTriggerBuilderPort;
  everyHours(n: number): ClockTriggerBuilderPort;
  everyMinutes(n: number): ClockTriggerBuilderPort;
  everyDays(n: number): ClockTriggerBuilderPort;
  atHour(hour: number): ClockTriggerBuilderPort;
  nearMinute(minute: number): ClockTriggerBuilderPort;
  inTimezone(timezone: string): ClockTriggerBuilderPort;
}

export interface TriggerBuilderPort {
  forSpreadsheet(key: string): SpreadsheetTriggerBuilderPort;
  timeBased(): ClockTriggerBuilderPort;
}

export interface ScriptAppPort {
  EventType: { CLOCK: GasEnum; ON_OPEN: GasEnum; ON_EDIT: GasEnum; ON_CHANGE: GasEnum };
  AuthMode: { NONE: GasEnum; LIMITED: GasEnum; FULL: GasEnum };
  newTrigger(functionName: string): TriggerBuilderPort;
  getUserTriggers(spreadsheet: SpreadsheetPort): TriggerPort[];
  getProjectTriggers(): TriggerPort[];
  deleteTrigger(trigger: TriggerPort): void;
  getScriptId(): string;
}

// ---------------------------------------------------------------- utilities

/** Anything that can give its data as a Blob (a Blob, a File, an HtmlOutput). */
export interface BlobSourcePort {
  getBlob(): BlobPort;
  getAs(contentType: string): BlobPort;
}

export interface BlobPort extends BlobSourcePort {
  getBytes(): number[];
  getContentType(): string | null;
  getDataAsString(): string;
  getName(): string | null;
  setName(name: string): BlobPort;
  setContentType(contentType: string | null): BlobPort;
}

export interface UtilitiesPort {
  DigestAlgorithm: { SHA_256: GasEnum };
  Charset: { UTF_8: GasEnum };
  formatDate(date: Date, timeZone: string, format: string): string;
  computeDigest(algorithm: GasEnum, value: string, charset: GasEnum): number[];
  computeDigest(algorithm: GasEnum, value: number[]): number[];
  newBlob(data: string, contentType?: string, name?: string): BlobPort;
  newBlob(data: number[], contentType?: string, name?: string): BlobPort;
  getUuid(): string;
  sleep(milliseconds: number): void;
}

// ---------------------------------------------------------------- drive

export interface FileIteratorPort {
  hasNext(): boolean;
  next(): DriveFilePort;
}

export interface FolderIteratorPort {
  hasNext(): boolean;
  next(): FolderPort;
}

export interface DriveFilePort {
  getId(): string;
  getName(): string;
  getMimeType(): string;
  getSize(): number;
  getBlob(): BlobPort;
  getUrl(): string;
  setContent(content: string): DriveFilePort;
  setTrashed(trashed: boolean): DriveFilePort;
  isTrashed(): boolean;
}

export interface FolderPort {
  getId(): string;
  getName(): string;
  getUrl(): string;
  createFolder(name: string): FolderPort;
  createFile(blob: BlobSourcePort): DriveFilePort;
  createFile(name: string, content: string, mimeType: string): DriveFilePort;
  getFolders(): FolderIteratorPort;
  getFoldersByName(name: string): FolderIteratorPort;
  getFiles(): FileIteratorPort;
  getFilesByName(name: string): FileIteratorPort;
}

export interface DriveAppPort {
  getRootFolder(): FolderPort;
  getFolderById(id: string): FolderPort;
  getFileById(id: string): DriveFilePort;
  createFolder(name: string): FolderPort;
}

// ---------------------------------------------------------------- html

export interface HtmlOutputPort {
  getContent(): string;
  getTitle(): string;
  setTitle(title: string): HtmlOutputPort;
  setWidth(width: number): HtmlOutputPort;
  setHeight(height: number): HtmlOutputPort;
  append(addedContent: string): HtmlOutputPort;
}

export interface HtmlTemplatePort {
  getRawContent(): string;
}

export interface HtmlServicePort {
  createHtmlOutput(html?: string): HtmlOutputPort;
  createHtmlOutputFromFile(filename: string): HtmlOutputPort;
  /** Used by the chunk loader only (gas/chunk-loader.ts), for a file's raw text. */
  createTemplateFromFile(filename: string): HtmlTemplatePort;
}
