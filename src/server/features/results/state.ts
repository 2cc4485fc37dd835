/**
 * Where a class stands in its classification, kept in document properties (only the add-on's
 * code writes them; the admin's run, after logging): each period's confirmation by the homeroom
 * teacher, and the end-of-year lists proposed to and decided by the board.
 */
import * as z from 'zod/mini';
import type { Env } from '../../gas/env';

const PREFIX = 'sodiem.results.';

const confirmation = z.object({ by: z.string(), at: z.string(), digest: z.string() });
const lists = z.object({
  state: z.enum(['proposed', 'approved', 'returned']),
  digest: z.string(),
  proposedBy: z.string(),
  proposedAt: z.string(),
  decidedBy: z.optional(z.string()),
  decidedAt: z.optional(z.string()),
  reason: z.optional(z.string()),
});
const classState = z.object({
  hk1: z.optional(confirmation),
  hk2: z.optional(confirmation),
  year: z.optional(confirmation),
  lists: z.optional(lists),
  /** Why the last request was not applied (results changed since), for the sidebar. */
  notice: z.optional(z.string()),
});

export type Confirmation = z.infer<typeof confirmation>;
export type ListsState = z.infer<typeof lists>;
export type ClassState = z.infer<typeof classState>;

export function readClassState(env: Env, classCode: string): ClassState {
  const text = env.properties.getDocumentProperties()?.getProperty(PREFIX + classCode);
  const parsed = text ? classState.safeParse(JSON.parse(text)) : null;
  return parsed?.success ? parsed.data : {};
}

/** Every class's state in one call (the board's overview). */
export function readAllClassStates(env: Env): Map<string, ClassState> {
  const out = new Map<string, ClassState>();
  for (const [key, text] of Object.entries(env.properties.getDocumentProperties()?.getProperties() ?? {})) {
    if (!key.startsWith(PREFIX)) continue;
    const parsed = classState.safeParse(JSON.parse(text));
    if (parsed.success) out.set(key.slice(PREFIX.length), parsed.data);
  }
  return out;
}

export function writeClassState(env: Env, classCode: string, state: ClassState): void {
  env.properties.getDocumentProperties()?.setProperty(PREFIX + classCode, JSON.stringify(state));
}

/** After the board approved the lists, the year's results change only through a correction. */
export const isLocked = (state: ClassState): boolean => state.lists?.state === 'approved';
