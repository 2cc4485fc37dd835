/** The build stamp a chunk shares with Code.js: the 16 hex digits both carry (scripts/server-chunks.cjs). */
export function sharedStamps(chunkText: string, code: string): Set<string> {
  return new Set([...chunkText.matchAll(/"([0-9a-f]{16})"/g)].map((m) => m[1]).filter((s) => code.includes(`"${s}"`)));
}
