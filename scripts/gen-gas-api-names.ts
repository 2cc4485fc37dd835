/**
 * Writes src/local/gas-api-names.json: the method names of each Apps Script class the local
 * runtime implements (some of), read from @types/google-apps-script. The runtime installs a
 * throwing stub for every name it lacks (src/local/unimplemented.ts), so an add-on calling
 * an unimplemented method fails loudly, naming it. Re-run after upgrading the types:
 *   node scripts/run-ts.mjs scripts/gen-gas-api-names.ts
 * (test/local/unimplemented.test.ts fails while the committed list is stale).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Run from the repository's root (as npm scripts and jest are). */
const ROOT = process.cwd();
export const TYPES_DIR = join(ROOT, 'node_modules/@types/google-apps-script');
export const NAMES_FILE = join(ROOT, 'src/local/gas-api-names.json');

/** Local name (as in the error message) → the interface of the types, under GoogleAppsScript. */
export const CLASSES: Record<string, string> = {
  SpreadsheetApp: 'Spreadsheet.SpreadsheetApp',
  Spreadsheet: 'Spreadsheet.Spreadsheet',
  Sheet: 'Spreadsheet.Sheet',
  Range: 'Spreadsheet.Range',
  Protection: 'Spreadsheet.Protection',
  DataValidation: 'Spreadsheet.DataValidation',
  DataValidationBuilder: 'Spreadsheet.DataValidationBuilder',
  Ui: 'Base.Ui',
  Menu: 'Base.Menu',
  Session: 'Base.Session',
  User: 'Base.User',
  Blob: 'Base.Blob',
  PropertiesService: 'Properties.PropertiesService',
  Properties: 'Properties.Properties',
  CacheService: 'Cache.CacheService',
  Cache: 'Cache.Cache',
  LockService: 'Lock.LockService',
  Lock: 'Lock.Lock',
  ScriptApp: 'Script.ScriptApp',
  Trigger: 'Script.Trigger',
  TriggerBuilder: 'Script.TriggerBuilder',
  SpreadsheetTriggerBuilder: 'Script.SpreadsheetTriggerBuilder',
  ClockTriggerBuilder: 'Script.ClockTriggerBuilder',
  Utilities: 'Utilities.Utilities',
  DriveApp: 'Drive.DriveApp',
  File: 'Drive.File',
  Folder: 'Drive.Folder',
  FileIterator: 'Drive.FileIterator',
  FolderIterator: 'Drive.FolderIterator',
  HtmlService: 'HTML.HtmlService',
  HtmlOutput: 'HTML.HtmlOutput',
  HtmlTemplate: 'HTML.HtmlTemplate',
  'Sheets.Spreadsheets': 'Sheets.Collection.SpreadsheetsCollection',
  'Sheets.Spreadsheets.Values': 'Sheets.Collection.Spreadsheets.ValuesCollection',
  'Sheets.Spreadsheets.Sheets': 'Sheets.Collection.Spreadsheets.SheetsCollection',
  'Sheets.Spreadsheets.DeveloperMetadata': 'Sheets.Collection.Spreadsheets.DeveloperMetadataCollection',
  Drive: 'Drive',
  'Drive.Files': 'Drive_v3.Drive.V3.Collection.FilesCollection',
};

/** Interfaces whose property names are listed (not methods): the kinds of a batchUpdate request. */
export const FIELDS: Record<string, string> = {
  'Sheets.Request': 'Sheets.Schema.Request',
  // The advanced Drive service's collections (Files, Permissions, Revisions…).
  'Drive.collections': 'Drive',
};

interface Parsed {
  methods: Set<string>;
  fields: Set<string>;
  extends: string[];
  namespace: string;
}

/**
 * The interfaces of the declaration files, by qualified name. The files are laid out one
 * member a line, four spaces deeper than their interface (as DefinitelyTyped formats them),
 * which is all this reader relies on.
 */
export function readInterfaces(typesDir = TYPES_DIR): Map<string, Parsed> {
  const files = [
    ...readdirSync(typesDir).filter((f) => f.endsWith('.d.ts')).map((f) => join(typesDir, f)),
    ...readdirSync(join(typesDir, 'apis'))
      .filter((f) => f.startsWith('sheets_') || f === 'drive_v3.d.ts')
      .map((f) => join(typesDir, 'apis', f)),
  ];
  const out = new Map<string, Parsed>();
  for (const file of files) {
    const stack: { indent: number; name: string }[] = [];
    let current: { indent: number; parsed: Parsed } | null = null;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const indent = line.length - line.trimStart().length;
      const text = line.trim();
      if (text === '}' ) {
        if (current && indent === current.indent) current = null;
        else if (stack.length > 0 && indent === stack[stack.length - 1].indent) stack.pop();
        continue;
      }
      const ns = /^(?:declare )?namespace ([\w.]+) \{$/.exec(text);
      if (ns && !current) {
        stack.push({ indent, name: ns[1] });
        continue;
      }
      const iface = /^(?:export )?interface (\w+)(?:<[^>]*>)?(?: extends ([^{]+))? \{(\s*\})?$/.exec(text);
      if (iface && !current) {
        const namespace = stack.map((s) => s.name).filter((n) => n !== 'GoogleAppsScript').join('.');
        const parsed: Parsed = { methods: new Set(), fields: new Set(), extends: iface[2] ? iface[2].split(',').map((s) => s.trim()) : [], namespace };
        out.set(namespace === '' ? iface[1] : `${namespace}.${iface[1]}`, parsed);
        if (!iface[3]) current = { indent, parsed };
        continue;
      }
      if (!current || indent !== current.indent + 4) continue;
      const method = /^(\w+)\??\s*(?:<[^>]*>)?\(/.exec(text);
      if (method) current.parsed.methods.add(method[1]);
      const field = /^(\w+)\??:/.exec(text);
      if (field) current.parsed.fields.add(field[1]);
    }
  }
  return out;
}

function methodsOf(all: Map<string, Parsed>, name: string): string[] {
  const p = all.get(name);
  if (!p) throw new Error(`@types/google-apps-script has no interface ${name}`);
  const names = new Set(p.methods);
  for (const base of p.extends) {
    const qualified = base.includes('.') ? base.replace(/^GoogleAppsScript\./, '') : `${p.namespace}.${base}`;
    for (const m of methodsOf(all, qualified)) names.add(m);
  }
  return [...names].sort();
}

export function gasApiNames(typesDir = TYPES_DIR): Record<string, string[]> {
  const all = readInterfaces(typesDir);
  const out: Record<string, string[]> = {};
  for (const [local, name] of Object.entries(CLASSES)) out[local] = methodsOf(all, name);
  for (const [local, name] of Object.entries(FIELDS)) {
    const p = all.get(name);
    if (!p) throw new Error(`@types/google-apps-script has no interface ${name}`);
    out[local] = [...p.fields].sort();
  }
  return out;
}

export function formatNames(names: Record<string, string[]>): string {
  return `${JSON.stringify(names, null, 2)}\n`;
}

export function main(): number {
  writeFileSync(NAMES_FILE, formatNames(gasApiNames()));
  console.log(`wrote ${NAMES_FILE}`);
  return 0;
}
