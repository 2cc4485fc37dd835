/**
 * A typed promise client over google.script.run. Only server exports named `api…` are
 * callable, and their argument and result types come from src/server/index.ts itself.
 * google.script.run cannot carry Date objects: the server sends ISO strings.
 */
import type * as Server from '../../server/index';

type ApiName = Extract<keyof typeof Server, `api${string}`>;
type Api = typeof Server;

interface ScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: Error) => void): ScriptRun;
  [name: string]: unknown;
}

declare const google: { script: { run: ScriptRun } };

export function callServer<K extends ApiName>(name: K, ...args: Parameters<Api[K]>): Promise<ReturnType<Api[K]>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as ReturnType<Api[K]>))
      .withFailureHandler((error) => reject(error));
    (runner[name] as (...a: unknown[]) => void)(...args);
  });
}

/**
 * The message to show for a failed call: the server's Vietnamese sentence, never a stack, and
 * without the "Error: " / "Exception: " a thrown error's text may arrive with.
 */
export function errorText(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error) return String((error as Error).message).replace(/^(?:\w*Error|Exception): /, '');
  return 'Đã có lỗi xảy ra. Vui lòng thử lại.';
}
