// The daemon's own folder, out of the senders' sight (DROPFOLDER.md "Layout"): a submission is
// claimed by moving it into processing/<ticket>/ with a manifest, and leaves for done/ or failed/
// by date. Nothing a sender sent is ever deleted, only moved.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { maskInsz } from './log.js';

export type Area = 'IN' | 'INTEST';

export interface Manifest {
  readonly ticket: string;
  readonly sender: string;
  readonly area: Area;
  /** The submission's key, e.g. 012345.20260420.00001.R.1 (answers echo its first four fields). */
  readonly base: string;
  readonly environment: 'R' | 'T' | 'S';
  /** Every file of the submission as it was named in the sender's folder. */
  readonly files: readonly string[];
  /** The FI parts in reading order; empty for a refused name or a withdrawal. */
  readonly parts: readonly string[];
  /** Why it is refused before reading, when it is. */
  readonly refusal?: { readonly code: string; readonly messageId: string; readonly data: Readonly<Record<string, string>> } | { readonly code: 'TD' };
  readonly claimedAt: string;
}

export class StateFolder {
  private readonly made = new Set<string>();

  constructor(readonly root: string) {
    for (const area of ['processing', 'done', 'failed']) mkdirSync(join(root, area), { recursive: true });
  }

  processingDir(ticket: string): string {
    return join(this.root, 'processing', ticket);
  }

  /** Claims: the manifest first, then each file moved in (a crash in between is finished on start). */
  claim(manifest: Manifest, senderFolder: string): string {
    const dir = this.processingDir(manifest.ticket);
    mkdirSync(dir);
    // Written in place: a manifest torn by a crash comes before any file was moved (see inProgress).
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    this.moveIn(manifest, senderFolder);
    return dir;
  }

  /** Moves whatever of the manifest's files is still in the sender's folder. */
  moveIn(manifest: Manifest, senderFolder: string): void {
    const dir = this.processingDir(manifest.ticket);
    for (const name of manifest.files) {
      const from = join(senderFolder, name);
      if (existsSync(from)) renameSync(from, join(dir, name));
    }
  }

  inProgress(): Manifest[] {
    const out: Manifest[] = [];
    for (const ticket of readdirSync(join(this.root, 'processing')).sort()) {
      const dir = this.processingDir(ticket);
      try {
        out.push(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest);
      } catch {
        // A claim that crashed before its manifest was whole holds no sender file yet: drop it.
        // Anything else (a stray file, an unreadable folder) is no claim of ours: left alone.
        if (listOrNull(dir)?.every((name) => name === 'manifest.json') === true) rmSync(dir, { recursive: true, force: true });
      }
    }
    return out;
  }

  /** Out of processing, into done/ or failed/ under today's date. */
  finish(ticket: string, outcome: 'done' | 'failed', now = new Date()): string {
    const day = now.toISOString().slice(0, 10).replace(/-/g, '');
    const target = join(this.root, outcome, day);
    if (!this.made.has(target)) {
      mkdirSync(target, { recursive: true });
      this.made.add(target);
    }
    const to = join(target, ticket);
    renameSync(this.processingDir(ticket), to);
    return to;
  }

  /** Masked as the log is: monitoring reads it, and an error message may quote a file name or a value. */
  writeHealth(health: Health): void {
    const path = join(this.root, 'health.json');
    const text = JSON.stringify(health, (_key, value: unknown) => (typeof value === 'string' ? maskInsz(value) : value), 2);
    writeFileSync(`${path}.tmp`, `${text}\n`);
    renameSync(`${path}.tmp`, path);
  }
}

export interface Health {
  readonly pid: number;
  readonly startedAt: string;
  readonly lastScan: string | null;
  readonly waiting: number;
  readonly inProgress: number;
  readonly processed: number;
  readonly lastError: string | null;
}

function listOrNull(dir: string): string[] | null {
  try {
    return readdirSync(dir);
  } catch {
    return null;
  }
}
