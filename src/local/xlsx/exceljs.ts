/**
 * exceljs is CommonJS. Bundled (esbuild) or compiled to CommonJS (jest/swc) its exports are
 * the namespace itself; loaded from an ES module by Node they sit on `default`. Take either.
 */
import * as ExcelJSNamespace from 'exceljs';

const ExcelJSRuntime: typeof ExcelJSNamespace =
  (ExcelJSNamespace as unknown as { default?: typeof ExcelJSNamespace }).default ?? ExcelJSNamespace;

export function newExcelWorkbook(): ExcelJSNamespace.Workbook {
  return new ExcelJSRuntime.Workbook();
}
