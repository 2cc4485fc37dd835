/**
 * The local runtime's HTML to PDF (Blob.getAs) on a class's worth of học bạ: the shared browser
 * (its first batch pays for its start, the next one does not) beside a Chromium started per page,
 * the way the runtime printed before. Wall-clock time: the work is Chromium's, not this process's.
 */
import { hocBaHtml } from '../../src/server/domain/documents/hoc-ba';
import { htmlToPdf, htmlToPdfPerDocument, pdfStats } from '../../src/local/services/pdf';
import { SAMPLE_HOC_BA } from '../../test/domain/documents/fixtures';
import { table, type BenchSection } from './measure';

const PAGES = 10;

export function benchPdf(): BenchSection {
  const encoder = new TextEncoder();
  const pages = Array.from({ length: PAGES }, (_, i) =>
    encoder.encode(hocBaHtml({ ...SAMPLE_HOC_BA, student: { ...SAMPLE_HOC_BA.student, code: `HS06${10 + i}`, name: `${SAMPLE_HOC_BA.student.name} ${i + 1}` } })),
  );
  const timed = (print: (html: Uint8Array) => Uint8Array) => {
    const started = performance.now();
    const bytes = pages.reduce((sum, page) => sum + print(page).length, 0);
    const ms = performance.now() - started;
    return [ms.toFixed(0), (ms / PAGES).toFixed(0), (bytes / PAGES / 1024).toFixed(0)];
  };
  try {
    const cold = timed(htmlToPdf);
    const warm = timed(htmlToPdf);
    const own = timed((page) => htmlToPdfPerDocument(page));
    const stats = pdfStats();
    const how = stats.perDocumentReason ? `per page (${stats.perDocumentReason})` : `one browser, started ${stats.launches}×`;
    return {
      title: `HTML to PDF: ${PAGES} học bạ`,
      lines: table(
        ['conversion', 'total ms', 'ms per page', 'KB per PDF'],
        [
          [`htmlToPdf, first batch: ${how}`, ...cold],
          ['htmlToPdf, next batch', ...warm],
          ['a Chromium per page (before)', ...own],
        ],
      ),
    };
  } catch (err) {
    return { title: `HTML to PDF: ${PAGES} học bạ`, lines: [`not measured: ${(err as Error).message.split('\n')[0]}`] };
  }
}
