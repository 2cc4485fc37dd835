/**
 * Document properties read once per execution. Every Properties call is a round trip to Google
 * and is charged to the admin's daily Properties quota; the edit guard reads the queue flag, the
 * log's head, the sweep times, the school context and approved corrections on every teacher's
 * edit. Behind this port the first read fetches them all (one getProperties) and every later
 * read is answered from that copy; writes go through at once, in the order the caller makes
 * them (the log's head must be recorded before and after its rows), and update the copy.
 *
 * Use it only for an execution that holds the document lock before its first read: the copy
 * is then as fresh as a read made at that moment (an edit queued by a run that missed the lock
 * afterwards is seen by the next run, as before).
 */
import type { Env } from './env';
import type { PropertiesPort } from './ports';

const RELOAD = Symbol('reload');
type SnapshotPort = PropertiesPort & { [RELOAD]?: () => void };

/**
 * Makes the next read of `props` fetch every property again, when it is a snapshot: for the
 * values that runs which do not take the lock write meanwhile (the queue of edits).
 */
export function readAfresh(props: PropertiesPort): PropertiesPort {
  (props as SnapshotPort)[RELOAD]?.();
  return props;
}

export function snapshotProperties(inner: PropertiesPort): PropertiesPort {
  let copy: Record<string, string> | null = null;
  const all = () => (copy ??= { ...inner.getProperties() });
  const port: SnapshotPort = {
    [RELOAD]: () => {
      copy = null;
    },
    getProperty: (key) => (Object.prototype.hasOwnProperty.call(all(), key) ? all()[key] : null),
    getProperties: () => ({ ...all() }),
    getKeys: () => Object.keys(all()),
    setProperty(key, value) {
      inner.setProperty(key, value);
      if (copy) copy[key] = String(value);
      return port;
    },
    setProperties(values) {
      inner.setProperties(values);
      if (copy) for (const [k, v] of Object.entries(values)) copy[k] = String(v);
      return port;
    },
    deleteProperty(key) {
      inner.deleteProperty(key);
      if (copy) delete copy[key];
      return port;
    },
    deleteAllProperties() {
      inner.deleteAllProperties();
      copy = {};
      return port;
    },
  };
  return port;
}

/** `env` whose document properties are read once (see above); script and user properties as they are. */
export function withPropertiesSnapshot(env: Env): Env {
  const inner = env.properties.getDocumentProperties();
  if (!inner) return env;
  const document = snapshotProperties(inner);
  const service = env.properties;
  return {
    ...env,
    properties: {
      getDocumentProperties: () => document,
      getScriptProperties: () => service.getScriptProperties(),
      getUserProperties: () => service.getUserProperties(),
    },
  };
}
