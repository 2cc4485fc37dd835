/** Conversions between the local cell record and exceljs cell parts. */
import type * as ExcelJS from 'exceljs';
import type { StoredValue, ValidationRule } from '../sheets/model';
import { instantToWall, wallToInstant } from './timezone';

/** Number format given to a date cell that had none, so spreadsheet programs show a date. */
export const DEFAULT_DATE_FORMAT = 'yyyy-mm-dd hh:mm:ss';

export function toExcelValue(v: StoredValue, timeZone: string): string | number | boolean | Date {
  return v instanceof Date ? instantToWall(v, timeZone) : v;
}

export function fromExcelScalar(v: unknown, timeZone: string): StoredValue | undefined {
  if (v instanceof Date) return wallToInstant(v, timeZone);
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    // Cell errors (#N/A, #REF!) become their text, as getDisplayValues would show.
    if (typeof o.error === 'string') return o.error;
    if (Array.isArray(o.richText)) return o.richText.map((t: { text?: string }) => t.text ?? '').join('');
    if ('text' in o) return fromExcelScalar(o.text, timeZone);
  }
  return undefined;
}

/** '#ffcc00' → 'FFFFCC00'; null for colours exceljs cannot take. */
export function toArgb(color: string): string | null {
  let hex = color.trim().replace(/^#/, '');
  if (/^[0-9a-f]{3}$/i.test(hex)) hex = hex.replace(/./g, (ch) => ch + ch);
  return /^[0-9a-f]{6}$/i.test(hex) ? `FF${hex.toUpperCase()}` : null;
}

export function fromFill(fill: ExcelJS.Fill | undefined): string | undefined {
  if (!fill || fill.type !== 'pattern' || fill.pattern !== 'solid') return undefined;
  const argb = fill.fgColor?.argb;
  return argb && /^[0-9a-f]{8}$/i.test(argb) ? `#${argb.slice(2).toLowerCase()}` : undefined;
}

export function noteText(note: unknown): string | undefined {
  if (typeof note === 'string') return note;
  if (note && typeof note === 'object' && Array.isArray((note as { texts?: unknown }).texts)) {
    return (note as { texts: { text?: string }[] }).texts.map((t) => t.text ?? '').join('');
  }
  return undefined;
}

/**
 * The Excel form of a rule, for people opening the file. null when Excel cannot express it
 * (a list over 255 characters or with commas/quotes in a value); the metadata sheet keeps the exact rule.
 */
export function toExcelValidation(rule: ValidationRule): ExcelJS.DataValidation | null {
  const common = {
    allowBlank: true,
    showErrorMessage: !rule.allowInvalid,
    errorStyle: 'stop',
    ...(rule.helpText ? { showInputMessage: true, prompt: rule.helpText } : {}),
  } as const;
  if (rule.kind === 'valueInList') {
    const items = rule.values.map(String);
    const list = items.join(',');
    if (list.length > 255 || items.some((s) => s.includes(',') || s.includes('"'))) return null;
    return { ...common, type: 'list', formulae: [`"${list}"`] };
  }
  if (rule.kind === 'numberBetween') {
    return { ...common, type: 'decimal', operator: 'between', formulae: [rule.values[0], rule.values[1]] };
  }
  const formula = String(rule.values[0] ?? '').replace(/^=/, '');
  return { ...common, type: 'custom', formulae: [formula] };
}

/** Reads the Excel rules Sổ Điểm understands; others (whole, date, list from a range) are dropped. */
export function fromExcelValidation(dv: ExcelJS.DataValidation): ValidationRule | undefined {
  const allowInvalid = dv.showErrorMessage !== true;
  const helpText = dv.showInputMessage && dv.prompt ? { helpText: dv.prompt } : {};
  const formulae = dv.formulae ?? [];
  if (dv.type === 'list') {
    const f = String(formulae[0] ?? '');
    const m = /^"(.*)"$/s.exec(f);
    if (!m) return undefined;
    return { kind: 'valueInList', values: m[1] === '' ? [] : m[1].split(','), allowInvalid, showDropdown: true, ...helpText };
  }
  if (dv.type === 'decimal' && (dv.operator ?? 'between') === 'between' && formulae.length === 2) {
    const [min, max] = formulae.map(Number);
    if (Number.isNaN(min) || Number.isNaN(max)) return undefined;
    return { kind: 'numberBetween', values: [min, max], allowInvalid, ...helpText };
  }
  if (dv.type === 'custom' && formulae.length >= 1) {
    return { kind: 'formula', values: [`=${String(formulae[0])}`], allowInvalid, ...helpText };
  }
  return undefined;
}
