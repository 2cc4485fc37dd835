/** `--name value` from a command's arguments (its own module: main.ts imports every command). */
export function option(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
}
