/**
 * CacheService: document, script and user caches that live across executions and expire
 * on the VirtualClock.
 *
 * Documented limits: keys up to 250 characters, values up to 100 KB, expiration from 1 s
 * to 21600 s (6 h), default 600 s, and a cap of 1,000 items per cache.
 * Choices where Google does not document the behaviour (stricter than Google, never looser):
 * - oversized key/value throw "Argument too large: key" / "Argument too large: value";
 * - expiration outside 1..21600 throws "Argument out of range: expirationInSeconds";
 * - putAll with more than 1,000 entries throws "Argument too large: values";
 * - past 1,000 items the cache keeps the 900 farthest from expiry (Google evicts; how is
 *   not documented, so code must treat any get() as possibly null anyway).
 */
import type { CachePort, CacheServicePort } from '../../server/gas/ports';
import type { VirtualClock } from '../core';
import { utf8Length, type FacadeDeps } from './common';

export const CACHE_KEY_MAX_CHARS = 250;
export const CACHE_VALUE_MAX_BYTES = 100 * 1024;
export const CACHE_DEFAULT_SECONDS = 600;
export const CACHE_MAX_SECONDS = 21600;
export const CACHE_MAX_ITEMS = 1000;
const CACHE_ITEMS_AFTER_EVICTION = 900;

interface CacheEntry {
  value: string;
  expiresAtMs: number;
}

/** The data of one cache (script, one user's, or one document's). */
export class CacheData {
  readonly entries = new Map<string, CacheEntry>();

  read(key: string, nowMs: number): string | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.expiresAtMs <= nowMs) {
      this.entries.delete(key);
      return null;
    }
    return entry.value;
  }

  write(key: string, value: string, expiresAtMs: number, nowMs: number): void {
    this.entries.set(key, { value, expiresAtMs });
    if (this.entries.size > CACHE_MAX_ITEMS) this.evict(nowMs);
  }

  private evict(nowMs: number): void {
    for (const [k, e] of this.entries) if (e.expiresAtMs <= nowMs) this.entries.delete(k);
    if (this.entries.size <= CACHE_MAX_ITEMS) return;
    const byExpiry = [...this.entries.entries()].sort(([, a], [, b]) => b.expiresAtMs - a.expiresAtMs);
    this.entries.clear();
    for (const [k, e] of byExpiry.slice(0, CACHE_ITEMS_AFTER_EVICTION)) this.entries.set(k, e);
  }
}

/** Every cache of the script, owned by the runtime. */
export class CacheStores {
  readonly script = new CacheData();
  private readonly users = new Map<string, CacheData>();
  private readonly documents = new Map<string, CacheData>();

  forUser(email: string): CacheData {
    return getOrCreate(this.users, email.toLowerCase());
  }

  forDocument(documentId: string): CacheData {
    return getOrCreate(this.documents, documentId);
  }
}

function getOrCreate(map: Map<string, CacheData>, key: string): CacheData {
  let data = map.get(key);
  if (!data) {
    data = new CacheData();
    map.set(key, data);
  }
  return data;
}

function checkKey(key: string): string {
  const k = String(key);
  if (k.length > CACHE_KEY_MAX_CHARS) throw new Error('Argument too large: key');
  return k;
}

function checkValue(value: string): string {
  const v = String(value);
  if (utf8Length(v) > CACHE_VALUE_MAX_BYTES) throw new Error('Argument too large: value');
  return v;
}

function checkExpiration(seconds: number | undefined): number {
  if (seconds === undefined) return CACHE_DEFAULT_SECONDS;
  const s = Math.floor(Number(seconds));
  if (!(s >= 1 && s <= CACHE_MAX_SECONDS)) throw new Error('Argument out of range: expirationInSeconds');
  return s;
}

export class LocalCache implements CachePort {
  constructor(
    private readonly calls: FacadeDeps['calls'],
    private readonly clock: VirtualClock,
    private readonly data: CacheData,
  ) {}

  get(key: string): string | null {
    this.calls.record('Cache.get');
    return this.data.read(checkKey(key), this.clock.nowMs());
  }

  getAll(keys: string[]): { [key: string]: string } {
    this.calls.record('Cache.getAll');
    const out: { [key: string]: string } = {};
    for (const key of keys) {
      const value = this.data.read(checkKey(key), this.clock.nowMs());
      if (value !== null) out[key] = value;
    }
    return out;
  }

  put(key: string, value: string, expirationInSeconds?: number): void {
    this.calls.record('Cache.put');
    const k = checkKey(key);
    const v = checkValue(value);
    const seconds = checkExpiration(expirationInSeconds);
    const now = this.clock.nowMs();
    this.data.write(k, v, now + seconds * 1000, now);
  }

  putAll(values: { [key: string]: string }, expirationInSeconds?: number): void {
    this.calls.record('Cache.putAll');
    const entries = Object.entries(values);
    if (entries.length > CACHE_MAX_ITEMS) throw new Error('Argument too large: values');
    // Validate everything first so a bad entry leaves the cache unchanged.
    const checked = entries.map(([k, v]) => [checkKey(k), checkValue(v)] as const);
    const seconds = checkExpiration(expirationInSeconds);
    const now = this.clock.nowMs();
    for (const [k, v] of checked) this.data.write(k, v, now + seconds * 1000, now);
  }

  remove(key: string): void {
    this.calls.record('Cache.remove');
    this.data.entries.delete(checkKey(key));
  }

  removeAll(keys: string[]): void {
    this.calls.record('Cache.removeAll');
    for (const key of keys) this.data.entries.delete(checkKey(key));
  }
}

export interface CacheServiceDeps extends FacadeDeps {
  caches: CacheStores;
}

export interface LocalCacheService extends CacheServicePort {
  getDocumentCache(): LocalCache | null;
  getScriptCache(): LocalCache;
  getUserCache(): LocalCache;
}

export function createCacheService(deps: CacheServiceDeps): LocalCacheService {
  const { calls, clock, ctx, caches } = deps;
  return {
    getDocumentCache(): LocalCache | null {
      calls.record('CacheService.getDocumentCache');
      // Null outside a document (documented).
      return ctx.documentId === undefined ? null : new LocalCache(calls, clock, caches.forDocument(ctx.documentId));
    },
    getScriptCache(): LocalCache {
      calls.record('CacheService.getScriptCache');
      return new LocalCache(calls, clock, caches.script);
    },
    getUserCache(): LocalCache {
      calls.record('CacheService.getUserCache');
      return new LocalCache(calls, clock, caches.forUser(ctx.effectiveUser));
    },
  };
}
