// The daemon's own folder, out of the senders' sight (DROPFOLDER.md "Layout"): a submission is
// claimed by moving it into processing/<ticket>/ with a manifest, and leaves for done/ or failed/
// by date. Nothing a sender sent is ever deleted, only moved.
import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { FlaError } from '../errors.js';
import type { Environment } from '../ledger/store.js';
import { maskInsz } from './log.js';
import { manifestNameOnDisk } from './raw-names.js';

export type Area = 'IN' | 'INTEST';

export interface Manifest {
  readonly ticket: string;
  readonly sender: string;
  readonly area: Area;
  /** The submission's key, e.g. 012345.20260420.00001.R.1 (answers echo its first four fields). */
  readonly base: string;
  readonly environment: Environment;
  /** Every file of the submission as it was named in the sender's folder. */
  readonly files: readonly string[];
  /** Base64 of the bytes of each name in `files` that is not UTF-8 (files holds its printable form). */
  readonly rawNames?: Readonly<Record<string, string>>;
  /** The FI parts in reading order; empty for a refused name or a withdrawal. */
  readonly parts: readonly string[];
  /** Why it is refused before reading, when it is (`{ code: 'TD' }`: a withdrawal claimed by an older version). */
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

  /**
   * Moves whatever of the manifest's files is still in the sender's folder, never over a file the
   * claim already holds. Returns the names left in the sender's folder for that reason: a rename is
   * atomic, so a name found in both places was uploaded again after the claim took the first one
   * (a crash, then a re-upload before the restart). That copy is the sender's next submission.
   */
  moveIn(manifest: Manifest, senderFolder: string): string[] {
    const dir = this.processingDir(manifest.ticket);
    const left: string[] = [];
    for (const name of manifest.files) {
      const from = manifestNameOnDisk(senderFolder, name, manifest.rawNames);
      // lstat, not exists: a link to nothing is moved too, and refused as a link (claim-files.ts).
      if (lstatOrNull(from) !== null && !moveUnlessThere(from, join(dir, name))) left.push(name);
    }
    return left;
  }

  /** Undoes a claim that failed before any file was moved in; false when it holds one. */
  undo(ticket: string): boolean {
    const dir = this.processingDir(ticket);
    const names = listOrNull(dir);
    if (names === null) return true;
    if (!names.every((name) => name === 'manifest.json')) return false;
    rmSync(dir, { recursive: true, force: true });
    return true;
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
    // rename(2) would replace an empty folder of that name; a ticket is finished once.
    if (lstatOrNull(to) !== null) throw new FlaError('FLA_ERR_WRITE', `cannot finish ${ticket}: ${to} already exists`);
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

/**
 * rename(2) replaces its target and Node offers no RENAME_NOREPLACE, so the target is looked at
 * first. That is no race: the daemon, one per ledger (DaemonLock), is the only writer of the state
 * folder; senders write only into their IN and INTEST. A hard link would refuse atomically, but
 * until the unlink the sender's name shares the claimed file's inode, and a re-upload through an
 * SFTP server that truncates in place would rewrite the claimed copy.
 */
function moveUnlessThere(from: string | Buffer, to: string): boolean {
  const there = lstatOrNull(to);
  if (there === null) {
    renameSync(from, to);
    return true;
  }
  if (there.isFile()) return false;
  throw new FlaError('FLA_ERR_WRITE', `cannot move ${String(from)} into its claim: ${to} is in the way and is not a file`);
}

function lstatOrNull(path: string | Buffer): Stats | null {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function listOrNull(dir: string): string[] | null {
  try {
    return readdirSync(dir);
  } catch {
    return null;
  }
}
