/**
 * addProtectedRange, updateProtectedRange, deleteProtectedRange.
 *
 * Editors: the spreadsheet owner and the requesting user are always kept as editors of a
 * protection they write. Apps Script documents this for Protection.removeEditor ("Neither
 * the owner of the spreadsheet nor the current user can be removed") and the Sheets UI
 * behaves the same; we assume the API does too, the safer assumption for a grade book
 * (code must not rely on a principal losing access by a batchUpdate they sent).
 */
import type { ProtectionData, WorkbookData } from '../sheets/model';
import { canEditProtection, protectionAllows } from '../sheets/access';
import type { Directory } from '../core';
import { type Draft, draftView, requireSheet } from './draft';
import { MSG, RequestError, unsupported } from './errors';
import { maskedPaths } from './fields';
import { apiSheetId, isUnbounded, toApiGridRange, toModelRange, wholeSheetApiRange } from './grid-range';

type ApiProtectedRange = GoogleAppsScript.Sheets.Schema.ProtectedRange;
type ApiResponse = GoogleAppsScript.Sheets.Schema.Response;

const PROTECTED_RANGE_FIELDS = [
  'range',
  'description',
  'warningOnly',
  'editors.users',
  'editors.domainUsersCanEdit',
  'unprotectedRanges',
] as const;

/** From the directory when it knows the owner, else by the address (gmail.com is consumer). */
function ownerIsConsumer(draft: Draft): boolean {
  const known = draft.directory?.get(draft.wb.owner);
  if (known) return known.consumer;
  const domain = draft.wb.owner.split('@')[1] ?? '';
  return domain === '' || domain === 'gmail.com' || domain === 'googlemail.com';
}

function setRange(draft: Draft, p: ProtectionData, range: GoogleAppsScript.Sheets.Schema.GridRange | undefined): void {
  if (!range) throw new RequestError('A protected range must have a range.');
  const sheet = requireSheet(draft, apiSheetId(range));
  p.sheetId = sheet.id;
  p.range = isUnbounded(range) ? null : toModelRange(range, sheet);
}

function setUnprotected(draft: Draft, p: ProtectionData, ranges: GoogleAppsScript.Sheets.Schema.GridRange[]): void {
  p.unprotected = ranges.map((r) => {
    if (apiSheetId(r) !== p.sheetId) throw new RequestError('Unprotected ranges must be on the same sheet as the protected sheet.');
    return toModelRange(r, requireSheet(draft, p.sheetId));
  });
}

function setEditorUsers(draft: Draft, p: ProtectionData, editors: GoogleAppsScript.Sheets.Schema.Editors | undefined): void {
  if (editors?.groups && editors.groups.length > 0) throw unsupported('Google Groups as protection editors');
  const kept = new Set<string>([draft.wb.owner]);
  if (draft.user) kept.add(draft.user);
  for (const u of editors?.users ?? []) {
    const e = u.trim().toLowerCase();
    if (e) kept.add(e);
  }
  p.editors = [...kept];
}

/**
 * The reference says "if this field [warningOnly] is true, then editors are ignored", but the
 * API refuses a warning-only protection whose request names editors (users, groups or the
 * domain); an empty `editors` object is accepted.
 */
function assertNoEditorsWhenWarningOnly(p: ProtectionData, editors: GoogleAppsScript.Sheets.Schema.Editors | undefined): void {
  const named = (editors?.users ?? []).length > 0 || (editors?.groups ?? []).length > 0 || editors?.domainUsersCanEdit === true;
  if (p.warningOnly && named) throw new RequestError(MSG.warningOnlyEditors);
}

function setDomainEdit(draft: Draft, p: ProtectionData, on: boolean): void {
  if (on && ownerIsConsumer(draft)) throw new RequestError(MSG.domainEditConsumer);
  p.domainEdit = on;
}

/** Rules that hold whatever the request: one sheet protection per sheet, holes only in sheet protections. */
function checkProtection(draft: Draft, p: ProtectionData): void {
  if (p.range === null) {
    const other = draft.protections.find((q) => q.id !== p.id && q.sheetId === p.sheetId && q.range === null);
    if (other) throw new RequestError(MSG.sheetAlreadyProtected(requireSheet(draft, p.sheetId).name));
  } else if (p.unprotected.length > 0) {
    throw new RequestError('Unprotected ranges are only supported on protected sheets.');
  }
  if (p.unprotected.some((r) => r.sheetId !== p.sheetId)) {
    throw new RequestError('Unprotected ranges must be on the same sheet as the protected sheet.');
  }
}

function findEditable(draft: Draft, id: number | null | undefined): ProtectionData {
  if (id === undefined || id === null) throw new RequestError('protectedRangeId is required.');
  const p = draft.protections.find((q) => q.id === id);
  if (!p) throw new RequestError(MSG.noProtectedRange(id));
  if (!canEditProtection(draftView(draft), p, draft.user, draft.directory)) throw new RequestError(MSG.protectedObject);
  return p;
}

export function addProtectedRange(draft: Draft, body: GoogleAppsScript.Sheets.Schema.AddProtectedRangeRequest): ApiResponse {
  const pr = body.protectedRange;
  if (!pr) throw new RequestError('protectedRange is required.');
  if (pr.namedRangeId) throw unsupported('protected ranges backed by a named range (namedRangeId)');
  let id = draft.nextProtectionId;
  if (pr.protectedRangeId !== undefined && pr.protectedRangeId !== null) {
    id = pr.protectedRangeId;
    if (draft.protections.some((q) => q.id === id)) throw new RequestError(`A protected range with id ${id} already exists.`);
  }
  const p: ProtectionData = { id, sheetId: 0, range: null, description: pr.description ?? '', warningOnly: pr.warningOnly === true, editors: [], domainEdit: false, unprotected: [] };
  setRange(draft, p, pr.range);
  setUnprotected(draft, p, pr.unprotectedRanges ?? []);
  assertNoEditorsWhenWarningOnly(p, pr.editors);
  if (!p.warningOnly) {
    setEditorUsers(draft, p, pr.editors);
    setDomainEdit(draft, p, pr.editors?.domainUsersCanEdit === true);
  }
  checkProtection(draft, p);
  draft.protections.push(p);
  draft.nextProtectionId = Math.max(draft.nextProtectionId, id + 1);
  return { addProtectedRange: { protectedRange: toApiProtectedRange(draftView(draft), p, draft.user, draft.directory) } };
}

export function updateProtectedRange(draft: Draft, body: GoogleAppsScript.Sheets.Schema.UpdateProtectedRangeRequest): ApiResponse {
  const pr = body.protectedRange ?? {};
  const p = findEditable(draft, pr.protectedRangeId);
  const fields = maskedPaths(body.fields, PROTECTED_RANGE_FIELDS);
  const wasWarningOnly = p.warningOnly;
  if (fields.has('range')) setRange(draft, p, pr.range);
  if (fields.has('description')) p.description = pr.description ?? '';
  if (fields.has('warningOnly')) p.warningOnly = pr.warningOnly === true;
  if (fields.has('unprotectedRanges')) setUnprotected(draft, p, pr.unprotectedRanges ?? []);
  const editorsInMask = fields.has('editors.users') || fields.has('editors.domainUsersCanEdit');
  if (editorsInMask) {
    const users = fields.has('editors.users') ? pr.editors?.users : undefined;
    const domainUsersCanEdit = fields.has('editors.domainUsersCanEdit') && pr.editors?.domainUsersCanEdit;
    assertNoEditorsWhenWarningOnly(p, { users, domainUsersCanEdit });
  }
  if (p.warningOnly) {
    p.editors = [];
    p.domainEdit = false;
  } else if (editorsInMask) {
    if (fields.has('editors.users')) setEditorUsers(draft, p, pr.editors);
    if (fields.has('editors.domainUsersCanEdit')) setDomainEdit(draft, p, pr.editors?.domainUsersCanEdit === true);
  } else if (wasWarningOnly) {
    // "if this field is changed from true to false and the editors field is not set (nor included
    // in the field mask), then the editors will be set to all the editors in the document."
    setEditorUsers(draft, p, { users: draft.wb.editors });
  }
  checkProtection(draft, p);
  return {};
}

export function deleteProtectedRange(draft: Draft, body: GoogleAppsScript.Sheets.Schema.DeleteProtectedRangeRequest): ApiResponse {
  const p = findEditable(draft, body.protectedRangeId);
  draft.protections = draft.protections.filter((q) => q !== p);
  return {};
}

/**
 * A sheet protection also guards the sheet's structure (rename, hide, resize, group, delete)
 * against users it does not allow. Assumption: the API enforces what the Sheets UI does.
 */
export function assertSheetStructureEditable(draft: Draft, sheetId: number): void {
  const view = draftView(draft);
  for (const p of draft.protections) {
    if (p.sheetId === sheetId && p.range === null && !p.warningOnly && !protectionAllows(view, p, draft.user, draft.directory)) {
      throw new RequestError(MSG.protectedObject);
    }
  }
}

/**
 * The API form. Zero/false/empty fields are left out like the real JSON; editors are shown
 * only to users who can edit the protection ("only visible to users with edit access").
 */
export function toApiProtectedRange(wb: WorkbookData, p: ProtectionData, user: string, directory?: Directory): ApiProtectedRange {
  const out: ApiProtectedRange = {
    protectedRangeId: p.id,
    range: p.range ? toApiGridRange(p.range) : wholeSheetApiRange(p.sheetId),
  };
  if (p.description) out.description = p.description;
  if (p.warningOnly) out.warningOnly = true;
  const canEdit = canEditProtection(wb, p, user, directory);
  if (canEdit) out.requestingUserCanEdit = true;
  if (p.unprotected.length > 0) out.unprotectedRanges = p.unprotected.map(toApiGridRange);
  if (canEdit && !p.warningOnly) out.editors = p.domainEdit ? { users: [...p.editors], domainUsersCanEdit: true } : { users: [...p.editors] };
  return out;
}
