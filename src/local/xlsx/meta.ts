/**
 * The workbook facts an .xlsx file cannot hold (owner, sharing, protections with their
 * editors, add-on metadata, ids) travel in a very-hidden sheet as JSON split into cells.
 */
import * as z from 'zod';

export const META_SHEET_NAME = '_sodiem_meta';
export const META_MARKER = 'sodiem-workbook-meta/1';
/** Excel allows 32,767 characters per cell; stay below it. */
const CHUNK_CHARS = 30000;

const gridRange = z.object({
  sheetId: z.number().int(),
  startRow: z.number().int().min(0),
  endRow: z.number().int().min(0),
  startCol: z.number().int().min(0),
  endCol: z.number().int().min(0),
});

const validationRule = z.object({
  kind: z.enum(['numberBetween', 'valueInList', 'formula']),
  values: z.array(z.union([z.string(), z.number()])),
  allowInvalid: z.boolean(),
  showDropdown: z.boolean().optional(),
  helpText: z.string().optional(),
});

const sheetMeta = z.object({
  /** The worksheet's name inside the .xlsx (Excel limits names to 31 characters). */
  xlsxName: z.string(),
  id: z.number().int(),
  name: z.string(),
  maxRows: z.number().int().min(0),
  maxCols: z.number().int().min(0),
  columnGroups: z.array(
    z.object({ startCol: z.number().int(), endCol: z.number().int(), depth: z.number().int(), collapsed: z.boolean() }),
  ),
  hiddenColumns: z.array(z.number().int()),
  hiddenRows: z.array(z.number().int()).default([]),
  /** Exact pixel widths (Excel widths are characters, and exceljs gives grouped columns a default width). */
  columnWidths: z.record(z.string(), z.number()),
  /** Distinct validation rules, and runs [row, startCol, endCol (exclusive), rule index]. */
  validationRules: z.array(validationRule),
  validationRuns: z.array(z.tuple([z.number().int(), z.number().int(), z.number().int(), z.number().int()])),
  /** Date cells that had no number format: the save added one so Excel shows a date. */
  autoDateFormats: z.array(z.tuple([z.number().int(), z.number().int()])),
});

export const workbookMetaSchema = z.object({
  format: z.literal(META_MARKER),
  id: z.string(),
  name: z.string(),
  owner: z.string(),
  editors: z.array(z.string()),
  viewers: z.array(z.string()),
  timeZone: z.string(),
  locale: z.string(),
  protections: z.array(
    z.object({
      id: z.number().int(),
      sheetId: z.number().int(),
      range: gridRange.nullable(),
      description: z.string(),
      warningOnly: z.boolean(),
      editors: z.array(z.string()),
      domainEdit: z.boolean(),
      unprotected: z.array(gridRange),
    }),
  ),
  namedRanges: z.array(z.object({ name: z.string(), range: gridRange })),
  developerMetadata: z.array(
    z.object({
      id: z.number().int(),
      key: z.string(),
      value: z.string(),
      location: z.union([z.literal('DOCUMENT'), z.number().int()]),
      visibility: z.enum(['DOCUMENT', 'PROJECT']),
    }),
  ),
  documentProperties: z.record(z.string(), z.string()),
  nextSheetId: z.number().int(),
  nextProtectionId: z.number().int(),
  nextMetadataId: z.number().int(),
  sheets: z.array(sheetMeta),
});

export type WorkbookMeta = z.infer<typeof workbookMetaSchema>;
export type SheetMeta = z.infer<typeof sheetMeta>;

/** JSON text cut into cell-sized pieces; never splits a surrogate pair. */
export function splitIntoChunks(text: string): string[] {
  const chunks: string[] = [];
  let i = 0;
  while (i < text.length) {
    let end = Math.min(i + CHUNK_CHARS, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    chunks.push(text.slice(i, end));
    i = end;
  }
  return chunks;
}

/** Parses and checks the joined chunks; the message names the sheet (user-facing, Vietnamese). */
export function parseMeta(text: string): WorkbookMeta {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`Trang ${META_SHEET_NAME} của tệp .xlsx bị hỏng: không đọc được dữ liệu JSON.`);
  }
  const result = workbookMetaSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(
      `Trang ${META_SHEET_NAME} của tệp .xlsx bị hỏng: trường "${issue.path.join('.')}" không hợp lệ (${issue.message}).`,
    );
  }
  return result.data;
}
