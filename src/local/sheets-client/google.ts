/**
 * googleapis, loaded when a command that reads over the API runs (never at the CLI's start: the
 * package is large). It is CommonJS: from an ES module (the CLI bundle) Node may put it on
 * `default`; compiled to CommonJS (jest) it is the namespace itself. Take either.
 */
import type { GoogleApis } from 'googleapis';

export async function loadGoogle(): Promise<GoogleApis> {
  const mod = (await import('googleapis')) as unknown as { google?: GoogleApis; default?: { google: GoogleApis } };
  return mod.google ?? mod.default!.google;
}
