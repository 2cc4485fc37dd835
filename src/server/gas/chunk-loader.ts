/**
 * Loads a cold chunk of the add-on (scripts/server-chunks.cjs): the rarely used features live
 * in the project as inert HTML files, dist/chunk-<name>.html, so that Code.js, which Apps Script
 * parses at the start of every execution (every teacher's edit runs the admin's trigger), stays
 * small. The build replaces each import of such a feature by a function that calls this.
 *
 * The file's raw text comes from HtmlTemplate.getRawContent ("the unprocessed content of this
 * template", Apps Script reference) and is evaluated with new Function (V8 allows it; public
 * Apps Script projects evaluate library code kept in .html files the same way). A chunk is
 * loaded at most once per execution: its modules are kept on the global object, which Apps
 * Script makes afresh for every execution.
 */

import type { HtmlServicePort } from './ports';

declare const __SODIEM_BUILD_STAMP__: string;

/** Global where an execution's loaded chunks are kept (chunk name → its modules). */
const LOADED = '__sodiemLoadedChunks';
/** What a chunk's script defines when evaluated (scripts/server-chunks.cjs CHUNK_GLOBAL). */
const CHUNK_GLOBAL = '__SoDiemChunk';

interface LoadedChunk {
  stamp?: unknown;
  modules?: unknown;
}

export const CHUNK_TEXT = {
  mismatch: (name: string) =>
    `Mã của Sổ Điểm trên dự án Apps Script không đồng bộ: tệp chunk-${name} thuộc một bản dựng khác với Code.js. Quản trị hãy đẩy lại toàn bộ thư mục dist (npm run deploy:prod).`,
  broken: (name: string) => `Tệp chunk-${name} của Sổ Điểm không đọc được (thiếu hoặc hỏng). Quản trị hãy đẩy lại toàn bộ thư mục dist (npm run deploy:prod).`,
} as const;

/** The `index`-th module of chunk `name`, loaded on first use in this execution. */
export function coldModule(name: string, index: number): Record<string, (...args: unknown[]) => unknown> {
  const g = globalThis as unknown as Record<string, unknown>;
  const loaded = (g[LOADED] ??= {}) as Record<string, unknown[]>;
  let modules = loaded[name];
  if (!modules) {
    const html = g.HtmlService as HtmlServicePort;
    let chunk: LoadedChunk | undefined;
    try {
      const text = html.createTemplateFromFile(`chunk-${name}`).getRawContent();
      chunk = new Function(`${text}\n;return typeof ${CHUNK_GLOBAL} === 'undefined' ? undefined : ${CHUNK_GLOBAL};`)() as LoadedChunk | undefined;
    } catch (err) {
      // A file missing or cut short by a half-finished push: say so, not a bare SyntaxError.
      throw new Error(`${CHUNK_TEXT.broken(name)} (${err instanceof Error ? err.message : String(err)})`);
    }
    if (!chunk || !Array.isArray(chunk.modules)) throw new Error(CHUNK_TEXT.broken(name));
    if (chunk.stamp !== __SODIEM_BUILD_STAMP__) throw new Error(CHUNK_TEXT.mismatch(name));
    modules = loaded[name] = chunk.modules;
  }
  const module = modules[index];
  if (!module) throw new Error(CHUNK_TEXT.broken(name));
  return module as Record<string, (...args: unknown[]) => unknown>;
}
