/**
 * Debian's Chromium, never a downloaded browser: where it is and the flags that keep it off
 * the network. Used by the browser tests (playwright-core) and by the runtime's HTML-to-PDF.
 */

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** CHROMIUM_PATH, else Debian's /usr/bin/chromium. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM;
}

/** No sandbox, no GPU, nothing that reaches the network. */
export const CHROMIUM_OFFLINE_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
