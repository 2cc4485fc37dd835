/** The configuration sheets of Sổ Điểm: definitions, parser, reader and template writer. */
export { CONFIG_SHEETS, SETTING_ITEMS, SHEET_NAMES, KIND_LABELS, YES, NO } from './sheets';
export type { ColumnDef, ConfigSheetDef, ConfigSheetKey, SettingItemDef, SettingKey, ValidationHint } from './sheets';
export type { ConfigIssue } from './issues';
export { parseConfig, type ConfigParseResult } from './parse';
export { readConfig, readExportColumns, configTables, SCHOOL_CONFIG_SHEET_NAMES } from './read';
export { parseExportColumns, type ExportColumnsResult } from './parse-export-columns';
export { writeConfigTemplates, HEADER_BACKGROUND } from './write';
export { configToSheetRows, seedToSheetRows, catalogSubjects, type ConfigSeed } from './rows';
export { ROLE_LABELS, roleLabels } from './roles';
export { LEVEL_GRADES } from './levels';
