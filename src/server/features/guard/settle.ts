/**
 * Settling blocks of class grade books: every changed cell judged (judge.ts), the audit rows
 * appended FIRST, then what is not allowed put back and the rest kept in the shadow. Appending
 * first means an accepted value never exists without its audit row: if a later write fails, the
 * reconcile finds the difference and settles it again. Shared by the edit guard and the hourly
 * reconcile.
 */
import type { Env } from '../../gas/env';
import type { CellValue } from '../../gas/ports';
import { afterApplied } from '../corrections/apply';
import type { ClassConfig } from '../../domain/school/model';
import { stageAudit } from '../../workbook/audit/append';
import type { SchoolContext } from '../school-context';
import { repairStructure } from '../structure/repair';
import { CODE_COL, missingValidation, planEditedBlock, readPlannedBlocks, studentPart, validationGrid, type Rect } from './cells';
import { judgeBlock, SETTLE_TEXT, type SettleOptions } from './judge';
import type { GuardedTab } from '../../workbook/layout';
import { writeAccepted } from '../results/accepted-rows';

export interface Settled {
  accepted: number;
  reverted: number;
  /** The tab's structure no longer matches its shadow: nothing was judged. */
  structureChanged: boolean;
}

/** Writes single cells in one call; values are numbers or text exactly as kept ('RAW': no parsing). */
export function writeCells(env: Env, spreadsheetId: string, data: { range: string; values: CellValue[][] }[]): void {
  const values = env.sheetsApi.Spreadsheets?.Values;
  if (!values) throw new Error('Sổ Điểm cần dịch vụ nâng cao Google Sheets API (Sheets) đã bật trong dự án Apps Script.');
  values.batchUpdate({ valueInputOption: 'RAW', data: data.map((d) => ({ range: d.range, values: d.values.map((r) => r.map((v) => (v instanceof Date ? v.toISOString() : v))) })) }, spreadsheetId);
}

/** One rectangle to settle: `tab` is the grade book, or the class's attendance tab (same judgement, its own shadow and keys). */
export interface BlockEdit {
  cls: ClassConfig;
  rect: Rect;
  options: SettleOptions;
  tab: GuardedTab;
}

/**
 * Several rectangles settled together, in the order given: one read of all their blocks and the
 * log's tail, one batch with every log row, shadow and average, one head, one values.batchUpdate
 * — where one at a time costs all of that per rectangle (a queue of edits from many classes).
 * Rectangles sharing a row of a tab go in separate rounds: each writes the shadow's whole rows.
 */
export function settleBlocks(env: Env, context: SchoolContext, edits: readonly BlockEdit[]): Settled[] {
  return roundsOf(edits).flatMap((round) => settleRound(env, context, round));
}

/** Consecutive edits, a new round wherever one touches a row of a tab an earlier one of the round touched. */
function roundsOf(edits: readonly BlockEdit[]): BlockEdit[][] {
  const rounds: BlockEdit[][] = [];
  let rows = new Set<string>();
  for (const edit of edits) {
    const name = edit.tab.sheetName(edit.cls.code);
    const mine = Array.from({ length: edit.rect.numRows }, (_, i) => `${name}\n${edit.rect.row + i}`);
    if (rounds.length === 0 || mine.some((r) => rows.has(r))) {
      rounds.push([]);
      rows = new Set();
    }
    rounds[rounds.length - 1].push(edit);
    mine.forEach((r) => rows.add(r));
  }
  return rounds;
}

const NONE: Settled = { accepted: 0, reverted: 0, structureChanged: false };

function settleRound(env: Env, context: SchoolContext, edits: readonly BlockEdit[]): Settled[] {
  const spreadsheet = env.spreadsheetApp.getActiveSpreadsheet();
  const prepared = edits.map((edit) => {
    const sheetName = edit.tab.sheetName(edit.cls.code);
    const sheet = spreadsheet.getSheetByName(sheetName);
    const part = studentPart(edit.rect, edit.tab);
    const plan = sheet && part ? planEditedBlock(spreadsheet, sheet, edit.cls.code, part, edit.tab) : null;
    return { edit, sheet, sheetName, part, plan };
  });
  const planned = prepared.flatMap((p) => (p.plan && !('changed' in p.plan) ? [p.plan] : []));
  const withRules = edits.some((e) => !e.options.rulesIntact);
  const { blocks: read, auditTail } = readPlannedBlocks(env, spreadsheet, planned, { withRules, withAuditTail: planned.length > 0 });
  let k = 0;
  const blocks = prepared.map((p) => (p.plan && !('changed' in p.plan) ? read[k++] : p.plan));
  if (edits.length > 1 && blocks.some((b) => b && 'changed' in b)) {
    // A tab out of shape is rebuilt from its shadow, which may change what the others read:
    // settled one by one (reads only so far, nothing written).
    return edits.map((edit) => settleRound(env, context, [edit])[0]);
  }
  const effectiveUser = env.session.getEffectiveUser().getEmail();
  // Approved corrections are read only when the guard is about to put a teacher's value back.
  let properties: Record<string, string> | null = null;
  const all = () => (properties ??= env.properties.getDocumentProperties()?.getProperties() ?? {});
  const judged = prepared.map((p, i) => {
    const block = blocks[i];
    if (!p.sheet || !p.part || !block) return null;
    if ('changed' in block) {
      // Rows sorted, codes changed, the tab grown by a paste: the tab no longer matches its shadow.
      // It is rebuilt from the shadow at once, so the guard never stops judging this class. One
      // typed value outside the codes cannot reshape a tab: the change came before it, unseen (a
      // script), and its author is unknown — the person typing only revealed it.
      const { options } = p.edit;
      const revealedOnly = options.rulesIntact === true && !(p.part.col <= CODE_COL && CODE_COL < p.part.col + p.part.numCols);
      const what = revealedOnly ? SETTLE_TEXT.revealedBy(options.actor) : SETTLE_TEXT.seenByGuard;
      repairStructure(env, context, { actor: revealedOnly ? '' : options.actor, what, force: [p.edit.cls.code] });
      return 'changed' as const;
    }
    const base = { at: p.edit.options.at, actor: p.edit.options.actor, effectiveUser, sheet: p.sheetName, reference: '' };
    return { p, block, sheet: p.sheet, part: p.part, ...judgeBlock(context, p.edit, block, p.part, base, all) };
  });
  const done = judged.flatMap((j) => (j && j !== 'changed' ? [j] : []));
  // The log's rows, the accepted values with their averages and the rules restored go out as
  // ONE batch, the log's rows first; then the log's head is recorded.
  const staged = stageAudit(env, done.flatMap((j) => j.inputs), auditTail);
  const logged = staged.entries;
  for (const j of done) {
    if (j.touched.size > 0) writeAccepted(j.sheet, j.block, { cls: j.p.edit.cls, config: context.config, tab: j.p.edit.tab, subjects: j.touched });
    // A paste of copied cells replaces the destination's data validation; put the rules back.
    if (!j.p.edit.options.rulesIntact && j.block.cells.length > 0 && missingValidation(j.sheet, j.block)) j.sheet.getRange(j.part.row, j.part.col, j.part.numRows, j.part.numCols).setDataValidations(validationGrid(env, j.block));
  }
  staged.commit();
  // The cells put back or re-formatted, after the log: one values.batchUpdate, a range per cell
  // (a teacher typing elsewhere in the rectangle meanwhile is not overwritten), RAW.
  const tabWrites = done.flatMap((j) => j.tabWrites.map((w) => ({ range: `'${j.p.sheetName.replace(/'/g, "''")}'!${w.a1}`, values: [[w.value]] })));
  if (tabWrites.length > 0) writeCells(env, spreadsheet.getId(), tabWrites);
  // Each applied correction: its request closed, and its cell locked again at once.
  const applied = done.flatMap((j) => j.applied);
  if (applied.length > 0) afterApplied(env, context, applied.map((a) => ({ ...a, seq: logged.find((e) => e.outcome === 'correction' && e.reference === a.request.id)?.seq ?? 0 })));
  return judged.map((j) => (j === null ? NONE : j === 'changed' ? { ...NONE, structureChanged: true } : { accepted: j.accepted, reverted: j.reverted, structureChanged: false }));
}
