/**
 * Protection: a facade over one ProtectionData record (looked up by id on every call).
 *
 * Apps Script rules enforced here:
 * - only users who can edit the protection may read or change its editors, description,
 *   unprotected ranges or remove it (others get an exception);
 * - removeEditor(s) never removes the spreadsheet owner nor the current (effective) user;
 * - addEditor does not grant access to the file itself;
 * - domain edit needs a Workspace owner.
 */
import type { ProtectionPort, RangePort, UserPort } from '../../server/gas/ports';
import type { GridRange, ProtectionData, WorkbookData } from './model';
import type { Facade } from './context';
import { canEditProtection, protectionAllows } from './access';
import { MSG, gasError } from './errors';
import { ProtectionType, type GasEnumValue } from './enums';
import { localUser } from './users';

/** A new protection record; its editors mirror the file's permissions at creation. */
export function createProtection(wb: WorkbookData, user: string, sheetId: number, range: GridRange | null): ProtectionData {
  const editors = [...new Set([wb.owner, user.toLowerCase(), ...wb.editors].filter((e) => e !== ''))];
  const p: ProtectionData = {
    id: wb.nextProtectionId++,
    sheetId,
    range: range ? { ...range } : null,
    description: '',
    warningOnly: false,
    editors,
    domainEdit: false,
    unprotected: [],
  };
  wb.protections.push(p);
  return p;
}

function emailOf(x: string | UserPort): string {
  return (typeof x === 'string' ? x : x.getEmail()).trim().toLowerCase();
}

export class LocalProtection implements ProtectionPort {
  constructor(
    private readonly f: Facade,
    readonly spreadsheetId: string,
    readonly protectionId: number,
  ) {}

  private data(kind: string): { wb: WorkbookData; p: ProtectionData } {
    this.f.call(`Protection.${kind}`);
    const wb = this.f.workbook(this.spreadsheetId);
    this.f.requireView(wb);
    const p = wb.protections.find((x) => x.id === this.protectionId);
    // assumed wording: the protection was removed (by this or another execution).
    if (!p) throw gasError('The protection has been removed.');
    return { wb, p };
  }

  /** Calls that need permission to edit the protection. */
  private manage(kind: string): { wb: WorkbookData; p: ProtectionData } {
    const d = this.data(kind);
    if (!canEditProtection(d.wb, d.p, this.f.user, this.f.directory)) throw gasError(MSG.noPermission);
    return d;
  }

  addEditor(emailAddress: string | UserPort): LocalProtection {
    return this.addEditorsAs('addEditor', [emailAddress]);
  }

  addEditors(emailAddresses: (string | UserPort)[]): LocalProtection {
    return this.addEditorsAs('addEditors', emailAddresses);
  }

  private addEditorsAs(kind: string, users: (string | UserPort)[]): LocalProtection {
    const { p } = this.manage(kind);
    for (const u of users) {
      const e = emailOf(u);
      if (e && !p.editors.includes(e)) p.editors.push(e);
    }
    return this;
  }

  removeEditor(emailAddress: string | UserPort): LocalProtection {
    return this.removeEditorsAs('removeEditor', [emailAddress]);
  }

  removeEditors(emailAddresses: (string | UserPort)[]): LocalProtection {
    return this.removeEditorsAs('removeEditors', emailAddresses);
  }

  /** "Neither the owner of the spreadsheet nor the current user can be removed." */
  private removeEditorsAs(kind: string, users: (string | UserPort)[]): LocalProtection {
    const { wb, p } = this.manage(kind);
    const keep = new Set([wb.owner, this.f.user]);
    const drop = new Set(users.map(emailOf).filter((e) => !keep.has(e)));
    p.editors = p.editors.filter((e) => !drop.has(e));
    return this;
  }

  getEditors(): UserPort[] {
    const { wb, p } = this.manage('getEditors');
    const emails = [wb.owner, ...p.editors.filter((e) => e !== wb.owner)];
    return emails.map((e) => localUser(e));
  }

  canDomainEdit(): boolean {
    const { wb, p } = this.data('canDomainEdit');
    return p.domainEdit && this.f.directory.domainOf(wb.owner) !== null;
  }

  setDomainEdit(editable: boolean): LocalProtection {
    const { wb, p } = this.manage('setDomainEdit');
    if (this.f.directory.domainOf(wb.owner) === null) throw gasError(MSG.domainEditConsumer);
    p.domainEdit = editable;
    return this;
  }

  canEdit(): boolean {
    const { wb, p } = this.data('canEdit');
    if (p.warningOnly) return canEditProtection(wb, p, this.f.user, this.f.directory);
    return canEditProtection(wb, p, this.f.user, this.f.directory) && protectionAllows(wb, p, this.f.user, this.f.directory);
  }

  getDescription(): string {
    return this.data('getDescription').p.description;
  }

  setDescription(description: string): LocalProtection {
    this.manage('setDescription').p.description = description;
    return this;
  }

  getProtectionType(): GasEnumValue {
    return this.data('getProtectionType').p.range ? ProtectionType.RANGE : ProtectionType.SHEET;
  }

  /** The protected range; for a sheet protection, the whole sheet. */
  getRange(): RangePort {
    const { wb, p } = this.data('getRange');
    const sheet = this.f.sheet(wb, p.sheetId);
    const rect = p.range ?? { startRow: 0, endRow: sheet.maxRows, startCol: 0, endCol: sheet.maxCols };
    return this.f.objects.range(this.f, this.spreadsheetId, p.sheetId, {
      startRow: rect.startRow,
      endRow: rect.endRow,
      startCol: rect.startCol,
      endCol: rect.endCol,
    });
  }

  /** Empty for a range protection, as in Apps Script. */
  getUnprotectedRanges(): RangePort[] {
    const { p } = this.data('getUnprotectedRanges');
    if (p.range) return [];
    return p.unprotected.map(
      (h) => this.f.objects.range(this.f, this.spreadsheetId, p.sheetId, { startRow: h.startRow, endRow: h.endRow, startCol: h.startCol, endCol: h.endCol }),
    );
  }

  setUnprotectedRanges(ranges: RangePort[]): LocalProtection {
    const { p } = this.manage('setUnprotectedRanges');
    // assumed: Apps Script refuses holes in a range protection; failing loudly is the safe side.
    if (p.range) throw gasError(MSG.unprotectedOnRange);
    const holes: GridRange[] = ranges.map((r) => {
      if (!this.f.objects.isRange(r)) throw gasError(MSG.invalidArgument('ranges'));
      if (r.spreadsheetId !== this.spreadsheetId || r.sheetId !== p.sheetId) throw gasError(MSG.unprotectedOtherSheet);
      return r.gridRange();
    });
    p.unprotected = holes;
    return this;
  }

  isWarningOnly(): boolean {
    return this.data('isWarningOnly').p.warningOnly;
  }

  setWarningOnly(warningOnly: boolean): LocalProtection {
    this.manage('setWarningOnly').p.warningOnly = warningOnly;
    return this;
  }

  remove(): void {
    const { wb } = this.manage('remove');
    wb.protections = wb.protections.filter((x) => x.id !== this.protectionId);
  }
}
