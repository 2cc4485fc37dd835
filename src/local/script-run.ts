/**
 * google.script.run's rules on what crosses between a sidebar and the server: primitives,
 * null, and plain objects and arrays of them. Dates, functions and class instances make the
 * call fail on Google; here they throw, so a sidebar API that returns a Date is caught in
 * tests instead of in a school.
 */
export function checkScriptRunValue(value: unknown, where: string, seen = new Set<unknown>()): void {
  if (value === null || value === undefined) return;
  const t = typeof value;
  if (t === 'string' || t === 'boolean') return;
  if (t === 'number') return;
  if (t === 'function' || t === 'symbol' || t === 'bigint') throw new Error(`google.script.run cannot carry a ${t} (${where}).`);
  // Realm-independent checks: the bundle runs in its own node:vm context.
  if (Object.prototype.toString.call(value) === '[object Date]') throw new Error(`google.script.run cannot carry a Date (${where}); send an ISO string.`);
  if (seen.has(value)) throw new Error(`google.script.run cannot carry a circular structure (${where}).`);
  seen.add(value);
  if (Array.isArray(value)) {
    value.forEach((v, i) => checkScriptRunValue(v, `${where}[${i}]`, seen));
  } else {
    const proto = Object.getPrototypeOf(value);
    const plain = proto === null || Object.getPrototypeOf(proto) === null;
    if (!plain) throw new Error(`google.script.run cannot carry a ${proto?.constructor?.name ?? 'class'} instance (${where}).`);
    for (const [k, v] of Object.entries(value as object)) checkScriptRunValue(v, `${where}.${k}`, seen);
  }
  seen.delete(value);
}
