/**
 * Property tests explore new random cases on every local run; CI runs them from one fixed seed,
 * so a landing never depends on the luck of the draw (a failure found locally prints its seed).
 */
import fc from 'fast-check';

if (process.env.CI) fc.configureGlobal({ seed: 20261122 });
