import type { Env } from '../gas/env';
import { readInstallation, requireCaller } from './installation';

/** What the status sidebar shows. Plain JSON: google.script.run cannot carry Dates. */
export interface StatusView {
  spreadsheetName: string;
  caller: string;
  installed: boolean;
  admin: string | null;
  installedAt: string | null;
  version: string | null;
  callerIsAdmin: boolean;
}

export function readStatus(env: Env): StatusView {
  const caller = requireCaller(env);
  const installation = readInstallation(env);
  return {
    spreadsheetName: env.spreadsheetApp.getActiveSpreadsheet().getName(),
    caller,
    installed: installation !== null,
    admin: installation?.admin ?? null,
    installedAt: installation?.installedAt ?? null,
    version: installation?.version ?? null,
    callerIsAdmin: installation?.admin === caller,
  };
}
