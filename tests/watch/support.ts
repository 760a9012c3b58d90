// Shared by the drop-folder tests of issue #12: a drop folder in a temporary directory, files put
// into it, `fla watch --once` and a running daemon as real processes.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, FIXTURES, ROOT, tempDir } from '../helpers.js';

export const SENDER = '012345';
const MINIMAL = readFileSync(join(FIXTURES, 'receipt', 'valid', 'minimal.xml'), 'utf8');

/** A declaration distinct per sequence: its own ReferenceNbr and training reference. */
export function declaration(sequence: string): string {
  return MINIMAL.replace('ACME-2026Q1-001', `REF-${sequence}`).replace('TR-2026-0001', `TR-${sequence}`);
}

export type LogLine = Record<string, unknown>;

export interface Daemon {
  readonly child: ChildProcess;
  output(): string;
  log(): LogLine[];
  readonly exited: Promise<number | null>;
}

export class DropFolder {
  readonly root: string;
  readonly db: string;
  readonly base: string;
  private readonly dir = tempDir();

  constructor() {
    this.base = this.dir.path;
    this.root = join(this.dir.path, 'drop');
    this.db = join(this.dir.path, 'fla.sqlite');
    for (const area of ['IN', 'INTEST', 'OUT', 'OUTTEST']) mkdirSync(join(this.root, SENDER, area), { recursive: true });
  }

  remove(): void {
    this.dir.remove();
  }

  path(area: string, name = ''): string {
    return join(this.root, SENDER, area, name);
  }

  /** A file older than any stability delay, so that --once takes it at once. */
  put(area: string, name: string, content = ''): void {
    writeFileSync(this.path(area, name), content);
    const past = new Date(Date.now() - 60_000);
    utimesSync(this.path(area, name), past, past);
  }

  files(area: string): string[] {
    return readdirSync(this.path(area)).sort();
  }

  read(area: string, name: string): string {
    return readFileSync(this.path(area, name), 'utf8');
  }

  /** `fla watch --once`: its exit status, stderr and log lines. */
  once(extra: readonly string[] = []): { status: number | null; stderr: string; log: LogLine[] } {
    const r = spawnSync(process.execPath, [BIN, 'watch', this.root, '--db', this.db, '--once', '--stable', '0.1', ...extra], { cwd: ROOT, encoding: 'utf8' });
    return { status: r.status, stderr: r.stderr, log: parseLog(r.stdout) };
  }

  start(extra: readonly string[] = []): Daemon {
    const child = spawn(process.execPath, [BIN, 'watch', this.root, '--db', this.db, '--stable', '0.3', '--rescan', '1', ...extra], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    return { child, output: () => output, log: () => parseLog(output), exited };
  }
}

/** The complete JSON lines of a log (a line being written is left for the next look). */
export function parseLog(text: string): LogLine[] {
  return text.split('\n').flatMap((line) => {
    try {
      return [JSON.parse(line) as LogLine];
    } catch {
      return [];
    }
  });
}

export async function until(condition: () => boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out');
    await sleep(50);
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
