/**
 * The main job's progress bars for its long steps (a semester's days, the documents' export): on
 * stderr, redrawn in place, for a person at a terminal. When stderr is not a terminal (a log, CI,
 * a test reading stdout) nothing is written, so the story stays a clean account.
 */
export type Progress = (done: number, total: number) => void;

const WIDTH = 24;

export function progressBar(label: string, stream: Pick<NodeJS.WriteStream, 'write'> & { isTTY?: boolean } = process.stderr): Progress {
  if (!stream.isTTY) return () => undefined;
  return (done, total) => {
    const filled = total === 0 ? WIDTH : Math.min(WIDTH, Math.max(0, Math.round((WIDTH * done) / total)));
    // The finished bar is wiped: the story's next line takes its place.
    stream.write(done >= total ? '\r\x1b[K' : `\r  ${label} [${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}] ${done}/${total}`);
  };
}
