/**
 * What a person's session and the triggers it fires need of the runtime that makes them
 * (LocalRuntime implements it; named here so that neither imports the other back).
 */
import type { AuthMode, Directory, ExecutionContext } from './core';
import type { UiLog } from './sheets/app';
import type { SpreadsheetStore } from './sheets/store';
import type { TriggerStore } from './services/trigger-store';

export interface SessionRuntime {
  readonly directory: Directory;
  readonly spreadsheets: SpreadsheetStore;
  readonly ui: UiLog;
  readonly triggers: TriggerStore;
  readonly addOnInUse: Set<string>;
  hasFunction(name: string): boolean;
  contextFor(email: string, documentId: string | undefined, authMode?: AuthMode): ExecutionContext;
  execute(ctx: ExecutionContext, name: string, args?: unknown[]): unknown;
  /** Runs an installable trigger's handler as its owner. */
  runTrigger(ctx: ExecutionContext, handler: string, event: Record<string, unknown>): void;
  authModeEnum(mode: AuthMode): unknown;
}
