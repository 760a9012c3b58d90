// An append-only scratch file outside the ledger's transaction: what a file's pass must keep until
// its end (per-person outcomes, a notification rendered before a rollback) goes to disk instead of
// memory, and is read back in ranges. Removed when done; what a killed process left is removed by
// the next one (the folder name carries the owner's pid).
import { closeSync, mkdtempSync, openSync, readdirSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { processAlive } from '../pid.js';

/** Appends are gathered up to this many characters before they go to the file. */
const FLUSH_CHARS = 1 << 16;
const PREFIX = 'fla-spool-';

let swept = false;

/** Removes the spools of processes that are gone (killed before they could remove their own). */
function sweepStale(): void {
  swept = true;
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(PREFIX)) continue;
    const pid = Number(name.slice(PREFIX.length).split('-')[0]);
    if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid || processAlive(pid)) continue;
    rmSync(join(tmpdir(), name), { recursive: true, force: true });
  }
}

export class SpoolFile {
  private readonly dir = mkdtempSync(join(tmpdir(), `${PREFIX}${process.pid}-`));
  private readonly fd = openSync(join(this.dir, 'spool'), 'w+', 0o600);
  private pending: string[] = [];
  private pendingChars = 0;
  private written = 0;
  private closed = false;

  constructor() {
    if (!swept) sweepStale();
  }

  append(text: string): void {
    this.pending.push(text);
    this.pendingChars += text.length;
    if (this.pendingChars >= FLUSH_CHARS) this.flush();
  }

  /** Writes what is pending; returns the size, the offset where the next append starts. */
  flush(): number {
    if (this.pending.length === 0) return this.written;
    const bytes = Buffer.from(this.pending.join(''), 'utf8');
    this.pending = [];
    this.pendingChars = 0;
    let done = 0;
    while (done < bytes.length) done += writeSync(this.fd, bytes, done, bytes.length - done, this.written + done);
    this.written += bytes.length;
    return this.written;
  }

  /** The text between two byte offsets (as returned by flush), in chunks of about `chunkBytes`. */
  *read(start: number, end: number, chunkBytes = 1 << 20): Generator<string> {
    this.flush();
    const buffer = Buffer.allocUnsafe(Math.min(chunkBytes, Math.max(1, end - start)));
    const decoder = new StringDecoder('utf8');
    for (let at = start; at < end; ) {
      const n = readSync(this.fd, buffer, 0, Math.min(buffer.length, end - at), at);
      if (n === 0) break;
      at += n;
      const text = decoder.write(buffer.subarray(0, n));
      if (text !== '') yield text;
    }
    const rest = decoder.end();
    if (rest !== '') yield rest;
  }

  /** The lines between two byte offsets, without their newline. */
  *lines(start: number, end: number): Generator<string> {
    let carry = '';
    for (const chunk of this.read(start, end, 1 << 18)) {
      const parts = (carry + chunk).split('\n');
      carry = parts.pop()!;
      yield* parts;
    }
    if (carry !== '') yield carry;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
