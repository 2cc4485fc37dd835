/** Measuring helpers for `npm run bench`: CPU time and heap of one run. Reports, never asserts. */
export interface Measured<T> {
  result: T;
  cpuMs: number;
  heapDeltaKb: number;
}

export function measure<T>(fn: () => T): Measured<T> {
  if (global.gc) global.gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const cpuBefore = process.cpuUsage();
  const result = fn();
  const cpu = process.cpuUsage(cpuBefore);
  const heapAfter = process.memoryUsage().heapUsed;
  return { result, cpuMs: (cpu.user + cpu.system) / 1000, heapDeltaKb: Math.round((heapAfter - heapBefore) / 1024) };
}

export interface BenchSection {
  title: string;
  lines: string[];
}

/** A fixed-width table: header row then rows, each cell padded to its column. */
export function table(header: string[], rows: (string | number)[][]): string[] {
  const all = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  return all.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));
}
