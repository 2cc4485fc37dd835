import type { Env } from '../gas/env';
import { readInstallation, requireCaller } from './installation';
import { readHealth } from './health';
import { recordCheckpoint } from '../workbook/audit/checkpoints';
import { documentProperties, readHead } from '../workbook/audit/ledger-properties';

/** What the status sidebar shows. Plain JSON: google.script.run cannot carry Dates. */
export interface StatusView {
  spreadsheetName: string;
  caller: string;
  installed: boolean;
  admin: string | null;
  installedAt: string | null;
  version: string | null;
  callerIsAdmin: boolean;
  /** What needs attention (guard missing or failing, hourly job stopped), as Vietnamese sentences. */
  warnings: string[];
}

export function readStatus(env: Env): StatusView {
  const caller = requireCaller(env);
  const installation = readInstallation(env);
  // The head this person now saw becomes their checkpoint (one property read; no sheet read, so
  // only the installing admin is skipped: knowing the configured admins would cost the context).
  if (installation) {
    try {
      recordCheckpoint(env, readHead(documentProperties(env)), [installation.admin.toLowerCase()], caller);
    } catch {
      // A full user store must not take the status card down with it.
    }
  }
  const spreadsheet = env.spreadsheetApp.getActiveSpreadsheet();
  const zone = spreadsheet.getSpreadsheetTimeZone();
  const warnings = installation ? readHealth(env, (iso) => env.utilities.formatDate(new Date(iso), zone, 'dd/MM/yyyy HH:mm'), { installation }).warnings : [];
  return {
    spreadsheetName: spreadsheet.getName(),
    caller,
    installed: installation !== null,
    admin: installation?.admin ?? null,
    installedAt: installation?.installedAt ?? null,
    version: installation?.version ?? null,
    callerIsAdmin: installation?.admin === caller,
    warnings,
  };
}
