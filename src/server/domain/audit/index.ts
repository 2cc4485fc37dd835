export * from './entry';
export * from './chain';
export * from './cells';
export * from './verify';
export { AUDIT_TEXT, LIVE_SHEET_PLACE } from './messages';
export * from './checkpoint';
export * from './checkpoint-check';
export { continuation, type Continuation } from './continuation';
export { CHECKPOINT_TEXT, TAIL_TEXT } from './checkpoint-messages';
