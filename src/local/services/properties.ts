/**
 * PropertiesService: document properties live in the active workbook's data (so they
 * survive .xlsx save/load); script and user properties live in stores the runtime owns.
 *
 * Limits (quotas page): 9 KB per value, 500 KB per store. Measured behaviour is looser
 * (tanaikech, 2023: a single value may reach ~512 KB); we enforce the documented limits,
 * which is the safe direction: code that fits locally fits on Google.
 * - value > 9 KB (UTF-8 bytes of the value) -> "Argument too large: value" (wording used by
 *   Apps Script for oversized arguments; not confirmed for this exact case).
 * - store > 500 KB (UTF-8 bytes of all keys + values) -> "You have exceeded the property
 *   storage quota. Please remove some properties and try again." (confirmed wording).
 * In AuthMode.NONE every store throws (docs: properties do not work in AuthMode.NONE).
 */
import type { PropertiesPort, PropertiesServicePort } from '../../server/gas/ports';
import type { WorkbookData } from '../sheets/model';
import { requireAuth, utf8Length, type FacadeDeps } from './common';

export const PROPERTY_VALUE_MAX_BYTES = 9 * 1024;
export const PROPERTY_STORE_MAX_BYTES = 500 * 1024;
export const PROPERTY_QUOTA_MESSAGE =
  'You have exceeded the property storage quota. Please remove some properties and try again.';

/** Script properties: one record for the whole script. */
export type ScriptPropertyStore = Record<string, string>;

/** User properties: one record per effective user (lower-case email). */
export class UserPropertyStores {
  private readonly byUser = new Map<string, Record<string, string>>();

  forUser(email: string): Record<string, string> {
    const key = email.toLowerCase();
    let record = this.byUser.get(key);
    if (!record) {
      record = {};
      this.byUser.set(key, record);
    }
    return record;
  }
}

function storeBytes(record: Record<string, string>): number {
  let total = 0;
  for (const [k, v] of Object.entries(record)) total += utf8Length(k) + utf8Length(v);
  return total;
}

/** A Properties object over a live record; every write checks the limits before changing it. */
export class LocalProperties implements PropertiesPort {
  constructor(
    private readonly deps: FacadeDeps,
    private readonly record: Record<string, string>,
  ) {}

  private log(method: string): void {
    this.deps.calls.record(`Properties.${method}`);
  }

  /** Applies `next` as the new content if it respects the limits; otherwise throws and changes nothing. */
  private commit(next: Record<string, string>, changed: string[]): void {
    for (const key of changed) {
      if (utf8Length(next[key]) > PROPERTY_VALUE_MAX_BYTES) throw new Error('Argument too large: value');
    }
    if (storeBytes(next) > PROPERTY_STORE_MAX_BYTES) throw new Error(PROPERTY_QUOTA_MESSAGE);
    for (const key of Object.keys(this.record)) if (!(key in next)) delete this.record[key];
    Object.assign(this.record, next);
  }

  getProperty(key: string): string | null {
    this.log('getProperty');
    const k = String(key);
    return Object.prototype.hasOwnProperty.call(this.record, k) ? this.record[k] : null;
  }

  /** A copy, not a live view (as documented). */
  getProperties(): { [key: string]: string } {
    this.log('getProperties');
    return { ...this.record };
  }

  getKeys(): string[] {
    this.log('getKeys');
    return Object.keys(this.record);
  }

  setProperty(key: string, value: string): LocalProperties {
    this.log('setProperty');
    const k = String(key);
    // Apps Script stores every value as a string: setProperty('n', 42) stores "42".
    this.commit({ ...this.record, [k]: String(value) }, [k]);
    return this;
  }

  setProperties(properties: { [key: string]: string }, deleteAllOthers = false): LocalProperties {
    this.log('setProperties');
    const incoming: Record<string, string> = {};
    for (const [k, v] of Object.entries(properties)) incoming[k] = String(v);
    const base = deleteAllOthers ? {} : { ...this.record };
    this.commit({ ...base, ...incoming }, Object.keys(incoming));
    return this;
  }

  deleteProperty(key: string): LocalProperties {
    this.log('deleteProperty');
    delete this.record[String(key)];
    return this;
  }

  deleteAllProperties(): LocalProperties {
    this.log('deleteAllProperties');
    for (const key of Object.keys(this.record)) delete this.record[key];
    return this;
  }
}

export interface PropertiesServiceDeps extends FacadeDeps {
  findWorkbook: (id: string) => WorkbookData | undefined;
  scriptProps: ScriptPropertyStore;
  userProps: UserPropertyStores;
}

export interface LocalPropertiesService extends PropertiesServicePort {
  getDocumentProperties(): LocalProperties | null;
  getScriptProperties(): LocalProperties;
  getUserProperties(): LocalProperties;
}

export function createPropertiesService(deps: PropertiesServiceDeps): LocalPropertiesService {
  const { calls, ctx } = deps;
  return {
    getDocumentProperties(): LocalProperties | null {
      calls.record('PropertiesService.getDocumentProperties');
      requireAuth(ctx, 'PropertiesService.getDocumentProperties', 'LIMITED');
      const workbook = ctx.documentId === undefined ? undefined : deps.findWorkbook(ctx.documentId);
      // Null when the script runs outside a document (documented).
      return workbook ? new LocalProperties(deps, workbook.documentProperties) : null;
    },
    getScriptProperties(): LocalProperties {
      calls.record('PropertiesService.getScriptProperties');
      requireAuth(ctx, 'PropertiesService.getScriptProperties', 'LIMITED');
      return new LocalProperties(deps, deps.scriptProps);
    },
    getUserProperties(): LocalProperties {
      calls.record('PropertiesService.getUserProperties');
      requireAuth(ctx, 'PropertiesService.getUserProperties', 'LIMITED');
      return new LocalProperties(deps, deps.userProps.forUser(ctx.effectiveUser));
    },
  };
}
