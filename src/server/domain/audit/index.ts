export * from './entry';
export * from './chain';
export * from './cells';
export * from './verify';
export { AUDIT_TEXT, LIVE_SHEET_PLACE } from './messages';
