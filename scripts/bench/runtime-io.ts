/**
 * Reading and writing one class grade grid (45 students × 150 columns) through the local
 * runtime: one block call versus a cell-by-cell loop, the pattern the design forbids. Shows
 * the service calls each costs; on Google each call is a round trip (~tens of ms).
 */
import { LocalRuntime } from '../../src/local/runtime';
import { measure, table, type BenchSection } from './measure';

const ROWS = 45;
const COLS = 150;

export function benchRuntimeIo(): BenchSection {
  const runtime = new LocalRuntime();
  const admin = runtime.addUser('qtht@truong.edu.vn');
  const id = runtime.spreadsheets.create('Bench', admin).id;
  const env = runtime.envFor(runtime.contextFor(admin, id));
  const sheet = env.spreadsheetApp.getActiveSpreadsheet().insertSheet('6A');
  // A new sheet has 26 columns, as in Sheets; the grade book needs more.
  sheet.insertColumnsAfter(sheet.getMaxColumns(), COLS);
  const grid = Array.from({ length: ROWS }, (_, r) => Array.from({ length: COLS }, (_, c) => ((r * 7 + c * 3) % 101) / 10));

  const run = (fn: () => void) => {
    runtime.calls.reset();
    const m = measure(fn);
    return { calls: runtime.calls.count(), cpuMs: m.cpuMs.toFixed(1), heapKb: m.heapDeltaKb };
  };
  const blockWrite = run(() => void sheet.getRange(2, 5, ROWS, COLS).setValues(grid));
  const naiveWrite = run(() => {
    for (let r = 0; r < ROWS; r++) for (let c = 0; c < COLS; c++) sheet.getRange(2 + r, 5 + c).setValue(grid[r][c]);
  });
  const blockRead = run(() => void sheet.getRange(2, 5, ROWS, COLS).getValues());
  const naiveRead = run(() => {
    for (let r = 0; r < ROWS; r++) for (let c = 0; c < COLS; c++) sheet.getRange(2 + r, 5 + c).getValue();
  });
  return {
    title: `Local runtime: one class grid ${ROWS}×${COLS} (${ROWS * COLS} cells)`,
    lines: table(
      ['operation', 'service calls', 'CPU ms', 'heap Δ KB'],
      [
        ['write, one setValues', blockWrite.calls, blockWrite.cpuMs, blockWrite.heapKb],
        ['write, setValue per cell (naive)', naiveWrite.calls, naiveWrite.cpuMs, naiveWrite.heapKb],
        ['read, one getValues', blockRead.calls, blockRead.cpuMs, blockRead.heapKb],
        ['read, getValue per cell (naive)', naiveRead.calls, naiveRead.cpuMs, naiveRead.heapKb],
      ],
    ),
  };
}
