export { AUDIT_HEADER, AUDIT_SHEET, AUDIT_SHEET_SPEC, auditDigest, ensureAuditSheet, prepareAuditSheet } from './sheet';
export { appendAudit, type AuditInput } from './append';
export { readAudit, readAuditRows, readLedger, verifyAudit, type AuditVerdict, type Ledger } from './read';
export { DEFAULT_MAX_AUDIT_ROWS, archiveName, rolloverIfNeeded, type RolloverOptions } from './rollover';
export { ARCHIVE_METADATA_KEY, AUDIT_ARCHIVES_KEY, archiveSchema, AUDIT_HEAD_KEY, readArchives, readHead, type AuditArchive } from './ledger-properties';
