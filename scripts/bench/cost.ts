/**
 * `npm run bench -- cost`: the guard's typed score and paste (measured by guard.ts, on the same
 * 40-class school) priced by the cost model (cost-model.ts), and a 40-class school's busiest day
 * against the admin's daily trigger-runtime and Properties quotas, beside the naive guard and
 * the guard before issue 14.
 */
import { LATENCY, QUOTAS, TRIGGER_START, latencyRows, modelledMs, propertiesCalls } from './cost-model';
import { guardRuns } from './guard';
import { table, type BenchSection } from './measure';
import type { Trips } from './round-trips';

/**
 * The CK deadline day of a 40-class THCS school (assumed, not measured): every CK score typed one
 * by one — 40 classes × 45 students × 10 subjects with a scored CK (THCS has 8–10; 10 is the
 * high end) = 18,000 typed scores — plus each teacher pasting one block per class and subject
 * (400 pastes, each priced as the bench's 45×6 paste). Every edit is one execution of the
 * admin's installable edit trigger, charged to the admin's quotas.
 */
const DAY = { classes: 40, students: 45, subjects: 10 };
const TYPED = DAY.classes * DAY.students * DAY.subjects;
const PASTES = DAY.classes * DAY.subjects;

interface PerEdit {
  typedMs: number;
  pasteMs: number;
  typedProps: number;
  pasteProps: number;
  typedTrips: number;
  pasteTrips: number;
}

/**
 * The guard as it stood when the cost model was added (d41f107, before any of issue 14's guard
 * work), measured by this section then: the "before" column, kept so it stays comparable after
 * the guard changes.
 */
const BEFORE_ISSUE_14: PerEdit = { typedMs: 1334, pasteMs: 2304, typedProps: 5, pasteProps: 6, typedTrips: 16, pasteTrips: 20 };

const perEdit = (single: Trips<unknown>, paste: Trips<unknown>): PerEdit => ({
  typedMs: modelledMs(single),
  pasteMs: modelledMs(paste),
  typedProps: propertiesCalls(single),
  pasteProps: propertiesCalls(paste),
  typedTrips: single.trips,
  pasteTrips: paste.trips,
});

/** The day's need of one guard and its headroom (quota / need) on each kind of account. */
function day(p: PerEdit) {
  const start = TRIGGER_START.ms;
  const triggerMs = TYPED * (start + p.typedMs) + PASTES * (start + p.pasteMs);
  const properties = TYPED * p.typedProps + PASTES * p.pasteProps;
  const headroom = (quota: { triggerMs: number; properties: number }) => ({
    runtime: quota.triggerMs / triggerMs,
    properties: properties > 0 ? quota.properties / properties : Infinity,
  });
  // Typed scores a day one admin's quotas allow, if every edit were a typed score.
  const sustain = (quota: { triggerMs: number; properties: number }) =>
    Math.floor(Math.min(quota.triggerMs / (start + p.typedMs), p.typedProps > 0 ? quota.properties / p.typedProps : Infinity));
  return { triggerMs, properties, workspace: headroom(QUOTAS.workspace), consumer: headroom(QUOTAS.consumer), sustainConsumer: sustain(QUOTAS.consumer), sustainWorkspace: sustain(QUOTAS.workspace) };
}

const x = (n: number) => (n === Infinity ? '∞' : `${n.toFixed(2)}×`);
const hours = (ms: number) => `${(ms / 3_600_000).toFixed(1)} h`;

export function benchCost(): BenchSection {
  const { single, paste, naiveSingle, naivePaste, contention, withSweep } = guardRuns();
  const variants: [string, PerEdit][] = [
    ['guard now', perEdit(single, paste)],
    ['naive guard (cell by cell)', perEdit(naiveSingle, naivePaste)],
    ['guard before issue 14 (d41f107)', BEFORE_ISSUE_14],
  ];
  const perEditRows = variants.map(([name, p]) => [name, p.typedTrips, Math.round(p.typedMs + TRIGGER_START.ms), p.typedProps, p.pasteTrips, Math.round(p.pasteMs + TRIGGER_START.ms), p.pasteProps]);
  const days = variants.map(([name, p]) => [name, day(p)] as const);
  const dayRows = days.map(([name, d]) => [name, hours(d.triggerMs), x(d.workspace.runtime), x(d.consumer.runtime), d.properties, x(d.workspace.properties), x(d.consumer.properties)]);
  const now = days[0][1];
  const fmt = (n: number) => n.toLocaleString('en-US');
  return {
    title: 'Cost model: modelled Apps Script time per edit and a 40-class school\'s busiest day against the daily quotas',
    lines: [
      'Latency per call kind (cost-model.ts, which has the longer notes; each a published measurement with its source, or "assumed"). Modelled ms = Σ trips × latency; lookups 0; buffered writes as the batch they go out in.',
      ...table(['call kind', 'ms', 'measured', 'source'], latencyRows([single.calls, paste.calls, naiveSingle.calls, naivePaste.calls])),
      `Daily quotas per user (${QUOTAS.source}): trigger total runtime 90 min (consumer) / 6 h (Workspace); Properties read/write 50,000 / 500,000.`,
      '',
      `Per edit: one execution of the admin's edit trigger, its start-up (${TRIGGER_START.ms} ms, assumed) included.`,
      ...table(['guard', 'typed: trips', 'typed: modelled ms', 'typed: Properties', '45×6 paste: trips', 'paste: modelled ms', 'paste: Properties'], perEditRows),
      '',
      `Busiest day (assumed): CK deadline of ${DAY.classes} classes × ${DAY.students} students × ${DAY.subjects} scored subjects = ${fmt(TYPED)} scores typed one by one, plus ${fmt(PASTES)} pastes (one per class and subject, each priced as the 45×6 paste).`,
      ...table(['guard', 'trigger runtime', 'headroom Workspace (6 h)', 'headroom consumer (90 min)', 'Properties calls', 'headroom Workspace (500k)', 'headroom consumer (50k)'], dayRows),
      `A consumer-account admin's quotas carry about ${fmt(now.sustainConsumer)} typed scores a day with the guard now (Workspace: ${fmt(now.sustainWorkspace)}); ` +
        `the busiest day needs ${fmt(TYPED)} plus the pastes. Write batches at ${LATENCY['write batch'].ms} ms are the optimistic end of the published range.`,
      sweepLine(now.triggerMs, modelledMs(withSweep) - modelledMs(single)),
      // The issue's target, stated against what the model says is reachable at all.
      `Target 3× on Workspace: ${now.workspace.runtime >= 3 ? 'met' : `NOT met (${x(now.workspace.runtime)})`}. Every edit is one execution of the admin's trigger: ` +
        `its start-up alone (${TRIGGER_START.ms} ms, assumed) is ${hours(TYPED * TRIGGER_START.ms)} of the day, so even a guard costing nothing would reach ${x(QUOTAS.workspace.triggerMs / (TYPED * TRIGGER_START.ms + PASTES * TRIGGER_START.ms))}; ` +
        `3× needs ${Math.round(QUOTAS.workspace.triggerMs / 3 / (TYPED + PASTES) - TRIGGER_START.ms)} ms per edit after start-up, where one document-lock, one properties read and one sheet read already cost ${LATENCY['Lock.tryLock'].ms + LATENCY['Properties.getProperties'].ms + LATENCY['Sheets.Spreadsheets.get'].ms} ms. ` +
        'Reaching it takes fewer admin executions with work in them, not fewer calls: the options (teacher-recorded edits settled in batches, a book per grade guarded by its own account) and their figures are in docs/proposals/busiest-day.md, a decision of the trust design.',
      ...contentionLines(contention),
    ],
  };
}

/**
 * The guard's hourly sweep (one class per run once its hour has passed, and the configuration
 * re-read every 10 minutes) is part of the day too: one per class per hour of a school day of
 * SCHOOL_HOURS (assumed), each priced as measured — a typed score an hour on, less the score.
 */
const SCHOOL_HOURS = 10;

function sweepLine(dayMs: number, sweepMs: number): string {
  const sweeps = DAY.classes * SCHOOL_HOURS;
  const total = dayMs + sweeps * sweepMs;
  return `With the hourly sweeps (one per class per hour of a ${SCHOOL_HOURS}-hour day: ${sweeps}, each ${Math.round(sweepMs)} ms measured beyond its edit): the day ${hours(total)}, ${x(QUOTAS.workspace.triggerMs / total)} on Workspace.`;
}

/**
 * Measured under contention (guard.ts queuedAndSettled), and what those figures say of batched
 * settling — option B of docs/proposals/busiest-day.md, which is not built: a projection.
 */
function contentionLines({ queued, settle, k }: { queued: Trips<unknown>; settle: Trips<unknown>; k: number }): string[] {
  const edits = k + 1;
  const settleMs = modelledMs(settle);
  const deletes = settle.calls['Properties.deleteProperty'] ?? 0;
  const dayAt = (settle: number) => TYPED * (TRIGGER_START.ms + settle / edits) + PASTES * (TRIGGER_START.ms + modelledMs(guardRuns().paste));
  const withDeletes = dayAt(settleMs);
  const withMark = dayAt(settleMs - deletes * LATENCY['Properties.deleteProperty'].ms);
  return [
    '',
    `Under contention (measured): a run that finds the document lock held queues its edit in ${queued.trips} round trips (${Math.round(modelledMs(queued) + TRIGGER_START.ms)} ms with start-up); ` +
      `one run then settles ${edits} typed scores of ${edits} classes in ${settle.trips} round trips (${Math.round(settleMs + TRIGGER_START.ms)} ms), ${deletes} of them deleting the queued records one by one (PropertiesService has no batch delete).`,
    `Projection, not built (option B of docs/proposals/busiest-day.md): the teacher's own run queues, the admin's settles every ${edits}th typed score and returns at once otherwise — ` +
      `the day ${hours(withDeletes)}, ${x(QUOTAS.workspace.triggerMs / withDeletes)} on Workspace with these deletes; ${hours(withMark)}, ${x(QUOTAS.workspace.triggerMs / withMark)} with a settled-up-to mark instead of them.`,
  ];
}
