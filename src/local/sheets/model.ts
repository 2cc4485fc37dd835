/**
 * The in-memory data of a local spreadsheet. Plain data on purpose: the Spreadsheet
 * service facade (sheets/), the advanced Sheets service (sheets-api) and the .xlsx
 * load/save (xlsx) all read and write these same records.
 *
 * Coordinates are 0-based; ranges are half-open like the Sheets API's GridRange.
 */

export type StoredValue = string | number | boolean | Date;

export interface ValidationRule {
  /** numberBetween: values [min, max]; valueInList: the allowed strings; formula: [formula]. */
  kind: 'numberBetween' | 'valueInList' | 'formula';
  values: (string | number)[];
  allowInvalid: boolean;
  showDropdown?: boolean;
  helpText?: string;
}

export interface CellData {
  /** The value; absent for an empty cell. */
  v?: StoredValue;
  /** A formula in the en_US form, e.g. '=SUM(A1:A3)'; reads compute it (formula.ts), `v` is only a cache from .xlsx. */
  f?: string;
  /** Number format pattern, e.g. '0.0' or '@' (plain text). */
  nf?: string;
  note?: string;
  dv?: ValidationRule;
  bg?: string;
  bold?: boolean;
}

export interface GridRange {
  sheetId: number;
  startRow: number;
  endRow: number;
  startCol: number;
  endCol: number;
}

export interface ProtectionData {
  /** protectedRangeId in the Sheets API. */
  id: number;
  sheetId: number;
  /** null protects the whole sheet (a sheet protection); otherwise a range protection. */
  range: GridRange | null;
  description: string;
  warningOnly: boolean;
  /** Lower-case emails allowed to edit (the owner always can, whether listed or not). */
  editors: string[];
  /** Everyone in the owner's Workspace domain may edit. */
  domainEdit: boolean;
  /** Holes in a sheet protection: open to every editor of the file. */
  unprotected: GridRange[];
}

export interface ColumnGroup {
  startCol: number;
  endCol: number;
  depth: number;
  collapsed: boolean;
}

export interface SheetData {
  id: number;
  name: string;
  maxRows: number;
  maxCols: number;
  hidden: boolean;
  frozenRows: number;
  frozenCols: number;
  /** rows[r][c]; sparse: a missing row or cell is empty. */
  rows: (CellData | undefined)[][];
  columnGroups: ColumnGroup[];
  columnWidths: Record<number, number>;
  /** Rows hidden by the user (0-based, sorted); absent when none. */
  hiddenRows?: number[];
  /** Columns hidden by the user (0-based, sorted); absent when none. */
  hiddenColumns?: number[];
}

export interface NamedRangeData {
  name: string;
  range: GridRange;
}

export interface DeveloperMetadataData {
  id: number;
  key: string;
  value: string;
  /** 'DOCUMENT' or a sheet id. */
  location: 'DOCUMENT' | number;
  visibility: 'DOCUMENT' | 'PROJECT';
}

export interface WorkbookData {
  id: string;
  name: string;
  /** Lower-case email of the owner, who bypasses every protection. */
  owner: string;
  /** File-level editors (besides the owner). Protection editors must also be file editors to edit. */
  editors: string[];
  viewers: string[];
  timeZone: string;
  locale: string;
  /** In sheet-tab order. */
  sheets: SheetData[];
  protections: ProtectionData[];
  namedRanges: NamedRangeData[];
  developerMetadata: DeveloperMetadataData[];
  /** Document properties of the add-on (PropertiesService.getDocumentProperties()). */
  documentProperties: Record<string, string>;
  /**
   * The file as Drive sees it, for a spreadsheet the add-on made (SpreadsheetApp.create): the
   * advanced Drive service lists and moves it under drive.file (services/drive-api.ts).
   */
  drive?: SpreadsheetDriveFile;
  nextSheetId: number;
  nextProtectionId: number;
  nextMetadataId: number;
}

export interface SpreadsheetDriveFile {
  /** Its folder; null is the owner's My Drive. */
  parentId: string | null;
  createdMs: number;
  /** Drive's sharing switches: false, only the owner shares; true, readers cannot download, print or copy. */
  writersCanShare: boolean;
  copyRequiresWriterPermission: boolean;
}

export function newWorkbookData(id: string, name: string, owner: string): WorkbookData {
  return {
    id,
    name,
    owner: owner.toLowerCase(),
    editors: [],
    viewers: [],
    timeZone: 'Asia/Ho_Chi_Minh',
    locale: 'vi_VN',
    sheets: [],
    protections: [],
    namedRanges: [],
    developerMetadata: [],
    documentProperties: {},
    nextSheetId: 1,
    nextProtectionId: 1,
    nextMetadataId: 1,
  };
}

export function newSheetData(id: number, name: string, maxRows = 1000, maxCols = 26): SheetData {
  return {
    id,
    name,
    maxRows,
    maxCols,
    hidden: false,
    frozenRows: 0,
    frozenCols: 0,
    rows: [],
    columnGroups: [],
    columnWidths: {},
  };
}

/** Sheet ids (gid) look random in Sheets; derive large deterministic ones so nobody relies on index == id. */
export function allocateSheetId(wb: WorkbookData): number {
  let id: number;
  do {
    id = (wb.nextSheetId++ * 2654435761) % 2147483647;
  } while (wb.sheets.some((s) => s.id === id));
  return id;
}
