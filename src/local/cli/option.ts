/** `--name value` from a command's arguments (its own module: main.ts imports every command). */
export function option(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
}

/** A command-line mistake: one sentence in Vietnamese then English, on stderr, exit 2. */
export class UsageError extends Error {
  constructor(vi: string, en: string) {
    super(`${vi} (${en})`);
  }
}

/** The sentence for a file that is not there. */
export const fileNotFound = (path: string) => new UsageError(`Không tìm thấy tệp ${path}.`, `File not found: ${path}.`);

/**
 * The options of a command that takes no positional argument, each `--name value` or a bare
 * `--flag`; anything else (an unknown option, a value missing, a stray word) is a UsageError.
 */
export function parseOptions(args: string[], spec: { values: readonly string[]; flags?: readonly string[] }): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const name = args[i];
    if (spec.flags?.includes(name)) out.set(name, '');
    else if (spec.values.includes(name)) {
      const value = args[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`Tùy chọn ${name} cần một giá trị.`, `Option ${name} needs a value.`);
      out.set(name, value);
      i++;
    } else throw new UsageError(`Không có tùy chọn "${name}"; xem --help.`, `Unknown option "${name}"; see --help.`);
  }
  return out;
}

/** A value that must be one of `allowed`. */
export function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`Tùy chọn ${name} nhận ${allowed.join(', ')}, không nhận "${value}".`, `Option ${name} takes ${allowed.join(', ')}, not "${value}".`);
}

/**
 * Runs a command: its --help on stdout (exit 0), a UsageError as its one sentence on stderr
 * (exit 2), anything else thrown as usual (a bug, with its stack).
 */
export async function runCommand(args: string[], usage: string, body: () => Promise<number>): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  try {
    return await body();
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`${err.message}\n`);
    return 2;
  }
}
