/**
 * Fail loudly: calling an Apps Script method the local runtime does not implement throws an
 * Error naming it ("Local Apps Script runtime: Range.getRichTextValue() is not implemented."),
 * never a silent default nor "x is not a function". The names come from the real API's types
 * (gas-api-names.json, written by scripts/gen-gas-api-names.ts).
 *
 * Classes get the stubs on their prototype once, at module load; plain-object facades get a
 * prototype of stubs. Either way an implemented method is found first and costs nothing more.
 */
import GAS_API_NAMES from './gas-api-names.json';

export type GasClassName = keyof typeof GAS_API_NAMES;

export const NOT_IMPLEMENTED_PREFIX = 'Local Apps Script runtime:';

export function notImplemented(what: string): Error {
  return new Error(`${NOT_IMPLEMENTED_PREFIX} ${what} is not implemented.`);
}

/** The real API's method names of `cls` (for the Sheets request list: its request kinds). */
export function gasApiNames(cls: GasClassName): readonly string[] {
  return GAS_API_NAMES[cls];
}

function defineStub(target: object, cls: string, name: string): void {
  Object.defineProperty(target, name, {
    value: function notImplementedStub(): never {
      throw notImplemented(`${cls}.${name}()`);
    },
    writable: true,
    configurable: true,
    enumerable: false,
  });
}

/** Adds a throwing stub to a class prototype for each method of `cls` it lacks. */
export function stubMissingMethods(prototype: object, cls: GasClassName): void {
  for (const name of GAS_API_NAMES[cls]) if (!(name in prototype)) defineStub(prototype, cls, name);
}

const STUB_PROTOTYPES = new Map<GasClassName, object>();

/**
 * `facade` with a prototype whose every method of `cls` throws: its own (implemented)
 * methods shadow them. For the plain-object services (SpreadsheetApp, Session, LockService…).
 */
export function withStubs<T extends object>(cls: GasClassName, facade: T): T {
  let proto = STUB_PROTOTYPES.get(cls);
  if (!proto) {
    proto = {};
    stubMissingMethods(proto, cls);
    STUB_PROTOTYPES.set(cls, proto);
  }
  return Object.setPrototypeOf(facade, proto) as T;
}
