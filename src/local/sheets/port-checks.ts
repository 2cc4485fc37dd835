/**
 * Compile-time proof that the local Spreadsheet service objects satisfy the ports the
 * server code is written against (checked by `tsc --noEmit`).
 */
import type * as P from '../../server/gas/ports';
import type { LocalMenu, LocalSpreadsheetApp, LocalUi } from './app';
import type { LocalProtection } from './protection';
import type { LocalRange } from './range';
import type { LocalSheet } from './sheet';
import type { LocalSpreadsheet } from './spreadsheet';
import type { LocalDataValidation, LocalDataValidationBuilder } from './validation';

type Satisfies<Local extends Port, Port> = Local;

export type LocalSpreadsheetChecks = [
  Satisfies<LocalSpreadsheetApp, P.SpreadsheetAppPort>,
  Satisfies<LocalSpreadsheet, P.SpreadsheetPort>,
  Satisfies<LocalSheet, P.SheetPort>,
  Satisfies<LocalRange, P.RangePort>,
  Satisfies<LocalProtection, P.ProtectionPort>,
  Satisfies<LocalDataValidation, P.DataValidationPort>,
  Satisfies<LocalDataValidationBuilder, P.DataValidationBuilderPort>,
  Satisfies<LocalUi, P.UiPort>,
  Satisfies<LocalMenu, P.MenuPort>,
];
