/** A correction request's state as both panels show it: the server's words, a badge colour. */
import { STATE_LABELS } from '../../server/features/corrections/states';
import type { StateLabels } from './card-list';

type State = keyof typeof STATE_LABELS;

const KINDS: Record<State, string> = { requested: 'warn', approved: 'info', rejected: 'err', applied: 'ok', expired: '' };

export const CORRECTION_STATES = Object.fromEntries((Object.keys(STATE_LABELS) as State[]).map((s) => [s, { label: STATE_LABELS[s], kind: KINDS[s] }])) as StateLabels<State>;
