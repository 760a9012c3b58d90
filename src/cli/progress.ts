// The progress bar of CLI.md: on standard error, for files over a few megabytes, only when standard
// error is a terminal and not in CI (where a terminal may be emulated but nobody watches a bar, and
// the log would fill with redraws). One line, redrawn in place at most ten times a second, and
// cleared when the file is done, so that the report that follows reads as without it.
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { terminalSafe } from '../report/terminal-text.js';

/** Smaller files take well under a second: a bar would only flicker. */
export const PROGRESS_MIN_BYTES = 4 * 1024 * 1024;

const REDRAW_MS = 100;

export interface ProgressStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(text: string): boolean;
}

/** CI=true, CI=1, CI=anything but empty, 0 or false (the variable CI servers set). */
function inCi(env: NodeJS.ProcessEnv): boolean {
  const ci = env.CI;
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
}

export class ProgressBar {
  private lastDraw = -Infinity;
  private drawn = false;

  constructor(
    private readonly stream: ProgressStream,
    private readonly label: string,
    private readonly total: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** How far the file is, in bytes; drawn when the last drawing is old enough. */
  readonly update = (done: number): void => {
    const t = this.now();
    if (t - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = t;
    this.draw(Math.min(1, Math.max(0, done / this.total)));
  };

  /** Clears the line, if anything was drawn on it. */
  finish(): void {
    if (this.drawn) this.stream.write('\r\x1b[K');
    this.drawn = false;
  }

  private draw(share: number): void {
    const mb = (n: number): string => (n / 1e6).toFixed(n < 1e8 ? 1 : 0);
    const figures = ` ${String(Math.floor(share * 100)).padStart(3)}% ${mb(share * this.total)}/${mb(this.total)} MB`;
    // A pseudo-terminal may report 0 columns.
    const columns = this.stream.columns || 80;
    const width = Math.max(10, Math.min(40, columns - figures.length - 24));
    const filled = Math.round(share * width);
    const room = Math.max(0, columns - 1 - width - 2 - figures.length - 1);
    const name = this.label.length <= room ? this.label : room >= 8 ? `…${this.label.slice(this.label.length - room + 1)}` : '';
    this.stream.write(`\r${name}${name === '' ? '' : ' '}[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]${figures}\x1b[K`);
    this.drawn = true;
  }
}

/** A bar for this file where one belongs (a terminal, not CI, not --quiet, a large file); else none. */
export function progressFor(file: string, size: number, options: ProgressOptions = {}): ProgressBar | undefined {
  const stream = options.stream ?? process.stderr;
  if (options.quiet === true || stream.isTTY !== true || inCi(options.env ?? process.env) || size < PROGRESS_MIN_BYTES) return undefined;
  return new ProgressBar(stream, terminalSafe(basename(options.label ?? file)), size);
}

export interface ProgressOptions {
  readonly quiet?: boolean;
  readonly stream?: ProgressStream;
  readonly env?: NodeJS.ProcessEnv;
  /** The file as shown, where it is read through an alias. */
  readonly label?: string;
}

/** `progressFor` with the file's size looked up (a file that cannot be read gets no bar: the engine reports it). */
export async function progressForFile(file: string, options: ProgressOptions = {}): Promise<ProgressBar | undefined> {
  const stream = options.stream ?? process.stderr;
  if (stream.isTTY !== true) return undefined;
  const size = await stat(file).then((s) => s.size, () => 0);
  return progressFor(file, size, options);
}
