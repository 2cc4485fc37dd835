/**
 * The edit guard: the admin's installable onEdit trigger. For the edited rectangle of a class
 * grade book it reads the typed values and the shadow (the last accepted values) in a few
 * block calls, judges every changed cell (valid? window open? this person's column?), puts
 * back what is not allowed, keeps the rest in canonical form, records one audit row per
 * changed cell and updates the shadow — all under the document lock. The number of calls
 * does not depend on the size of the rectangle.
 */
import type { Env } from '../../gas/env';
import type { CellValue } from '../../gas/ports';
import { decide, type ClassRules } from '../../domain/guard/decide';
import type { ClassConfig } from '../../domain/school/model';
import { appendAudit, type AuditInput } from '../../workbook/audit';
import { SHEET_NAMES } from '../../workbook/config';
import { forgetSchoolContext, loadSchoolContext, type SchoolContext } from '../school-context';
import { readEditedBlock, studentPart, validationGrid, type Rect } from './cells';
import { enqueueEdit, takeQueue, type QueuedEdit } from './queue';

const LOCK_WAIT_MS = 10_000;

/** What the trigger hands over (the fields of the onEdit event the guard uses). */
export interface EditEventLike {
  range: { getSheet(): { getName(): string }; getRow(): number; getColumn(): number; getNumRows(): number; getNumColumns(): number };
  user?: { getEmail(): string };
}

export interface GuardReport {
  accepted: number;
  reverted: number;
  queued: boolean;
}

const asText = (v: CellValue): string => (v instanceof Date ? v.toISOString() : v === null || v === undefined ? '' : String(v));

function rulesFor(context: SchoolContext, cls: ClassConfig, nowMs: number): ClassRules {
  const teachers = new Map(context.config.assignments.filter((a) => a.classCode === cls.code).map((a) => [a.subjectCode, a.teachers]));
  return {
    grade: cls.grade,
    classCode: cls.code,
    homeroom: cls.homeroom,
    teachersOf: (s) => teachers.get(s) ?? [],
    windows: context.windows,
    nowMs,
    lockAfterHours: context.config.school.lockAfterHours ?? null,
  };
}

/** Judges and settles one edited rectangle; returns the audit rows to append. */
function settle(env: Env, context: SchoolContext, cls: ClassConfig, rect: Rect, actor: string, at: Date): { inputs: AuditInput[]; accepted: number; reverted: number } {
  const spreadsheet = env.spreadsheetApp.getActiveSpreadsheet();
  const sheet = spreadsheet.getSheetByName(cls.code);
  const part = studentPart(rect);
  if (!sheet || !part) return { inputs: [], accepted: 0, reverted: 0 };
  const block = readEditedBlock(spreadsheet, sheet, cls.code, part);
  if (!block) return { inputs: [], accepted: 0, reverted: 0 };
  const rules = rulesFor(context, cls, at.getTime());
  const effectiveUser = env.session.getEffectiveUser().getEmail();
  const inputs: AuditInput[] = [];
  let rewriteTab = false;
  let rewriteShadow = false;
  let accepted = 0;
  let reverted = 0;
  for (const cell of block.cells) {
    const d = decide(cell.role, cell.typed, cell.formula, cell.previous, actor, rules, cell.acceptedAtMs);
    const i = cell.row - part.row;
    const j = cell.col - part.col;
    if (d.action === 'unchanged') continue;
    const base = { at, actor, effectiveUser, sheet: cls.code, cell: cell.a1, studentCode: cell.studentCode, subjectCode: cell.subjectCode, column: cell.column, reference: '' };
    if (d.action === 'revert') {
      block.typed[i][j] = cell.previous;
      rewriteTab = true;
      reverted++;
      inputs.push({ ...base, oldValue: asText(cell.previous), newValue: asText(cell.typed), outcome: 'reverted', reason: d.reason });
      continue;
    }
    if (d.rewrite) {
      block.typed[i][j] = d.value;
      rewriteTab = true;
    }
    if (asText(d.value) === asText(cell.previous)) continue; // only re-formatted
    block.shadow[i][j] = d.value;
    block.shadowNotes[i][j] = d.value === '' ? '' : at.toISOString();
    rewriteShadow = true;
    accepted++;
    inputs.push({ ...base, oldValue: asText(cell.previous), newValue: asText(d.value), outcome: 'accepted', reason: d.note });
  }
  const range = (s: typeof sheet) => s.getRange(part.row, part.col, part.numRows, part.numCols);
  if (rewriteTab) range(sheet).setValues(block.typed);
  if (rewriteShadow) range(block.shadowSheet).setValues(block.shadow).setNotes(block.shadowNotes);
  // A paste of copied cells replaces the destination's data validation; put the rules back.
  if (part.numRows * part.numCols > 1) range(sheet).setDataValidations(validationGrid(env, block));
  return { inputs, accepted, reverted };
}

export function guardEdit(env: Env, e: EditEventLike): GuardReport {
  const sheetName = e.range.getSheet().getName();
  const nothing: GuardReport = { accepted: 0, reverted: 0, queued: false };
  if ((Object.values(SHEET_NAMES) as string[]).includes(sheetName)) {
    // The admin changed the configuration or the calendar: the next run reads it afresh.
    forgetSchoolContext(env);
    return nothing;
  }
  const actor = (e.user?.getEmail() ?? '').toLowerCase();
  const now = env.clock.now();
  const rect: Rect = { row: e.range.getRow(), col: e.range.getColumn(), numRows: e.range.getNumRows(), numCols: e.range.getNumColumns() };
  const lock = env.lock.getDocumentLock();
  if (!lock || !lock.tryLock(LOCK_WAIT_MS)) {
    enqueueEdit(env, { sheet: sheetName, ...rect, actor, atMs: now.getTime() });
    return { ...nothing, queued: true };
  }
  try {
    return processEdits(env, [...takeQueue(env), { sheet: sheetName, ...rect, actor, atMs: now.getTime() }]);
  } finally {
    lock.releaseLock();
  }
}

/** The hourly job: settles edits still queued (the caller holds the document lock). */
export function settleQueued(env: Env): GuardReport {
  return processEdits(env, takeQueue(env));
}

function processEdits(env: Env, pending: QueuedEdit[]): GuardReport {
  const nothing: GuardReport = { accepted: 0, reverted: 0, queued: false };
  if (pending.length === 0) return nothing;
  const loaded = loadSchoolContext(env);
  if (!loaded.ok) return nothing;
  const context = loaded.context;
  const inputs: AuditInput[] = [];
  let accepted = 0;
  let reverted = 0;
  for (const edit of pending) {
    const cls = context.config.classes.find((c) => c.code === edit.sheet);
    if (!cls) continue;
    // Judged as of when it was typed: a queued edit keeps the window it was made in.
    const done = settle(env, context, cls, edit, edit.actor, new Date(edit.atMs));
    inputs.push(...done.inputs);
    accepted += done.accepted;
    reverted += done.reverted;
  }
  if (inputs.length > 0) appendAudit(env, inputs);
  return { accepted, reverted, queued: false };
}
