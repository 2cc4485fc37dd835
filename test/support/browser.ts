import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_OFFLINE_ARGS, chromiumPath } from '../../src/local/chromium';

/** Debian's chromium, never a downloaded browser; flags that keep it off the closed network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: [...CHROMIUM_OFFLINE_ARGS] });
}
