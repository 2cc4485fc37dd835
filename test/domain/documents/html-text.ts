/** Reading a document's HTML as a person would: its text, and its signature table's cells. */

/** The page as text, tags dropped and entities decoded, to read it as a person would. */
export function textOf(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<br>/g, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/[ \t]+/g, ' ');
}

/** The signature table's rows, each a list of its cells' text. */
export function signatureRows(html: string): string[][] {
  const table = /<table class="signatures">([\s\S]*?)<\/table>/.exec(html)![1];
  return [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) => textOf(cell[1]).replace(/\s+/g, ' ').trim()),
  );
}
