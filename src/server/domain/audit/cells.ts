/**
 * An audit entry as the cells of one sheet row (AUDIT_FIELDS order), and back. Every cell is
 * text; the outcome is shown by its Vietnamese label.
 */
import { columnLetters } from '../a1';
import { AUDIT_COLUMN_COUNT, AUDIT_FIELDS, OUTCOME_LABELS, outcomeFromLabel, type AuditEntry } from './entry';
import { AUDIT_TEXT } from './messages';

/** One data row of the audit sheet as read: its 1-based sheet row and its cells. */
export interface AuditRow {
  sheetRow: number;
  cells: readonly unknown[];
}

export type ParsedRow =
  | { kind: 'entry'; entry: AuditEntry }
  | { kind: 'blank' }
  | { kind: 'malformed'; detail: string };

export function auditCells(entry: AuditEntry): string[] {
  return AUDIT_FIELDS.map((field) => {
    if (field === 'seq') return String(entry.seq);
    if (field === 'outcome') return OUTCOME_LABELS[entry.outcome];
    return entry[field];
  });
}

const HEX_64 = /^[0-9a-f]{64}$/;
const SEQ = /^[1-9][0-9]{0,14}$/;

/** A cell's text; numbers are accepted as their JS text (a cell whose '@' format was lost). */
function cellText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (value === null || value === undefined) return '';
  return null;
}

export function parseAuditCells(cells: readonly unknown[]): ParsedRow {
  if (cells.length < AUDIT_COLUMN_COUNT) return { kind: 'malformed', detail: AUDIT_TEXT.missingColumns };
  const texts: string[] = [];
  for (let i = 0; i < AUDIT_COLUMN_COUNT; i++) {
    const text = cellText(cells[i]);
    if (text === null) return { kind: 'malformed', detail: AUDIT_TEXT.notText(columnLetters(i)) };
    texts.push(text);
  }
  if (texts.every((t) => t === '')) return { kind: 'blank' };
  const get = (field: (typeof AUDIT_FIELDS)[number]) => texts[AUDIT_FIELDS.indexOf(field)];
  const seqText = get('seq');
  if (!SEQ.test(seqText)) return { kind: 'malformed', detail: AUDIT_TEXT.badSeq(seqText) };
  const outcome = outcomeFromLabel(get('outcome'));
  if (!outcome) return { kind: 'malformed', detail: AUDIT_TEXT.badOutcome(get('outcome')) };
  for (const field of ['prevHash', 'hash'] as const) {
    if (!HEX_64.test(get(field))) return { kind: 'malformed', detail: AUDIT_TEXT.badHash(columnLetters(AUDIT_FIELDS.indexOf(field))) };
  }
  return {
    kind: 'entry',
    entry: {
      seq: Number(seqText),
      time: get('time'),
      actor: get('actor'),
      effectiveUser: get('effectiveUser'),
      sheet: get('sheet'),
      cell: get('cell'),
      studentCode: get('studentCode'),
      subjectCode: get('subjectCode'),
      column: get('column'),
      oldValue: get('oldValue'),
      newValue: get('newValue'),
      outcome,
      reason: get('reason'),
      reference: get('reference'),
      prevHash: get('prevHash'),
      hash: get('hash'),
    },
  };
}
