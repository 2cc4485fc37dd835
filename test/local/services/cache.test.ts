import { CacheStores, createCacheService, type CacheServiceDeps } from '../../../src/local/services/cache';
import { basics, TEACHER } from './helpers';

function setup() {
  const caches = new CacheStores();
  const first = basics();
  const make = (overrides = {}): CacheServiceDeps => ({ ...basics(overrides), clock: first.clock, caches });
  return { clock: first.clock, make };
}

describe('CacheService', () => {
  test('entries expire after 600 s by default, on the virtual clock', () => {
    const { clock, make } = setup();
    const cache = createCacheService(make()).getScriptCache();
    cache.put('k', 'v');
    clock.advance(599_999);
    expect(cache.get('k')).toBe('v');
    clock.advance(1);
    expect(cache.get('k')).toBeNull();
  });

  test('explicit expiration, up to 6 hours', () => {
    const { clock, make } = setup();
    const cache = createCacheService(make()).getScriptCache();
    cache.put('short', 'v', 5);
    cache.put('long', 'v', 21600);
    clock.advance(5000);
    expect(cache.get('short')).toBeNull();
    clock.advance(21600_000 - 5000 - 1);
    expect(cache.get('long')).toBe('v');
    clock.advance(1);
    expect(cache.get('long')).toBeNull();
    expect(() => cache.put('x', 'v', 21601)).toThrow('Argument out of range: expirationInSeconds');
    expect(() => cache.put('x', 'v', 0)).toThrow('Argument out of range: expirationInSeconds');
  });

  test('keys up to 250 characters, values up to 100 KB', () => {
    const { make } = setup();
    const cache = createCacheService(make()).getScriptCache();
    cache.put('k'.repeat(250), 'v');
    expect(() => cache.put('k'.repeat(251), 'v')).toThrow('Argument too large: key');
    cache.put('big', 'x'.repeat(100 * 1024));
    expect(() => cache.put('big2', 'x'.repeat(100 * 1024 + 1))).toThrow('Argument too large: value');
    expect(cache.get('big2')).toBeNull();
  });

  test('putAll takes at most 1000 entries and is validated before writing', () => {
    const { make } = setup();
    const cache = createCacheService(make()).getScriptCache();
    const thousand: Record<string, string> = {};
    for (let i = 0; i < 1000; i++) thousand[`k${i}`] = String(i);
    cache.putAll(thousand);
    expect(cache.get('k999')).toBe('999');
    expect(() => cache.putAll({ ...thousand, k1000: 'x' })).toThrow('Argument too large: values');
    expect(() => cache.putAll({ fresh: 'a', bad: 'x'.repeat(100 * 1024 + 1) })).toThrow('Argument too large: value');
    expect(cache.get('fresh')).toBeNull();
    expect(cache.getAll(['k1', 'missing', 'k2'])).toEqual({ k1: '1', k2: '2' });
  });

  test('past 1000 items the cache keeps the 900 farthest from expiry', () => {
    const { make } = setup();
    const cache = createCacheService(make()).getScriptCache();
    for (let i = 0; i < 1000; i++) cache.put(`k${i}`, 'v', 1000 + i);
    cache.put('newest', 'v', 20000);
    expect(cache.get('newest')).toBe('v');
    expect(cache.get('k0')).toBeNull();
    expect(cache.get('k999')).toBe('v');
    const kept = Object.keys(cache.getAll(Array.from({ length: 1000 }, (_, i) => `k${i}`)));
    expect(kept).toHaveLength(899);
  });

  test('user caches are per effective user; document caches per document and null outside one', () => {
    const { make } = setup();
    createCacheService(make()).getUserCache().put('k', 'admin');
    expect(createCacheService(make({ effectiveUser: TEACHER })).getUserCache().get('k')).toBeNull();
    expect(createCacheService(make()).getUserCache().get('k')).toBe('admin');
    createCacheService(make({ documentId: 'doc-a' })).getDocumentCache()!.put('k', 'a');
    expect(createCacheService(make({ documentId: 'doc-b' })).getDocumentCache()!.get('k')).toBeNull();
    expect(createCacheService(make({ documentId: 'doc-a' })).getDocumentCache()!.get('k')).toBe('a');
    expect(createCacheService(make({ documentId: undefined })).getDocumentCache()).toBeNull();
  });

  test('remove, removeAll and the call log', () => {
    const { make } = setup();
    const deps = make();
    const cache = createCacheService(deps).getScriptCache();
    cache.putAll({ a: '1', b: '2', c: '3' });
    cache.remove('a');
    cache.removeAll(['b']);
    expect(cache.getAll(['a', 'b', 'c'])).toEqual({ c: '3' });
    expect(deps.calls.snapshot()).toEqual({
      'Cache.getAll': 1,
      'Cache.putAll': 1,
      'Cache.remove': 1,
      'Cache.removeAll': 1,
      'CacheService.getScriptCache': 1,
    });
  });
});
