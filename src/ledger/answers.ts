// The answers as the ledger keeps them: the receipt in one row, the notification in parts of about
// a megabyte (a notification can outgrow what one JS string may hold), written in the transaction
// of what they answer and read back part by part to write the answer files. Notification parts
// are gzip-compressed (migration 6); the receipt, a few hundred bytes, stays text.
import { promisify } from 'node:util';
import { constants, gunzipSync, gzip as gzipCallback, gzipSync } from 'node:zlib';
import type { Db } from './database.js';
import { SpoolFile } from './spool.js';

export type AnswerKind = 'ACRF' | 'NOTI';

/** Parts are cut at a chunk boundary once they reach this many characters. */
export const PART_CHARS = 1 << 20;

/** The rendered answers of one file; the notification is rendered while it is stored. */
export interface Answers {
  readonly receipt: string;
  readonly notification?: Iterable<string>;
}

export interface StoredAnswers {
  readonly receipt: string;
  /**
   * The notification, read from the ledger part by part each time it is called: text, or the UTF-8
   * bytes of a compressed part, which the answer file is written from without decoding them.
   */
  readonly notification: (() => Iterable<string | Buffer>) | null;
  readonly positive: boolean;
}

/** How a part is stored: the `compression` column of answers. */
type Compression = 'none' | 'gzip';

const gzip = promisify(gzipCallback);

/** Parts compressed at once: while one is compressed on libuv's pool, the next one is rendered. */
const PARTS_IN_FLIGHT = 2;

/**
 * Stores an answer's chunks as parts 0, 1, …; returns how many. A notification's parts are
 * compressed off the main thread, so that rendering the next part and compressing this one use
 * both cores; the parts are inserted in order.
 */
export async function insertAnswer(db: Db, fileId: number, kind: AnswerKind, chunks: Iterable<string>, partChars = PART_CHARS): Promise<number> {
  const insert = db.prepare(`INSERT INTO answers (file_id, kind, part, xml, compression) VALUES (?, ?, ?, ?, ?)`);
  const compression: Compression = kind === 'NOTI' ? 'gzip' : 'none';
  const inFlight: Array<{ readonly stored: Promise<Buffer | string>; readonly bytes: PartBytes }> = [];
  // The buffers of compressed parts, used again: at most PARTS_IN_FLIGHT + 1 are ever made.
  const spare: PartBytes[] = [];
  let part = 0;
  const drain = async (keep: number): Promise<void> => {
    while (inFlight.length > keep) {
      const next = inFlight.shift()!;
      insert.run(fileId, kind, part++, await next.stored, compression);
      spare.push(next.bytes.empty());
    }
  };
  let bytes = new PartBytes();
  let text: string[] = [];
  let pending = 0;
  let length = 0;
  const store = async (full: boolean): Promise<void> => {
    // Level 1, the fastest, already makes a notification 25 times smaller; the default level saves
    // a fifth more at three times the time. The last part, often the only one, is compressed here:
    // a trip to the pool would cost a small notification more than it saves.
    const options = { level: constants.Z_BEST_SPEED };
    const stored = compression === 'none' ? Promise.resolve(text.join('')) : full ? gzip(bytes.take(), options) : Promise.resolve(gzipSync(bytes.take(), options));
    // A rejected compression is awaited in order below; until then it must not count as unhandled.
    stored.catch(() => undefined);
    inFlight.push({ stored, bytes });
    bytes = spare.pop() ?? new PartBytes();
    text = [];
    pending = 0;
    length = 0;
    await drain(PARTS_IN_FLIGHT - 1);
  };
  try {
    for (const chunk of chunks) {
      if (compression === 'gzip') bytes.append(chunk);
      else text.push(chunk);
      pending++;
      length += chunk.length;
      if (length >= partChars) await store(true);
    }
    if (pending > 0 || (part === 0 && inFlight.length === 0)) await store(false);
    await drain(0);
  } finally {
    await Promise.allSettled(inFlight.map((p) => p.stored));
  }
  return part;
}

/**
 * The UTF-8 bytes of one part, gathered in one buffer: each chunk is encoded as it comes, so that
 * the chunks die young and no joined string is made.
 */
class PartBytes {
  private buffer = Buffer.allocUnsafe(1 << 16);
  private length = 0;

  append(chunk: string): void {
    // At most three bytes per UTF-16 unit.
    const room = this.length + 3 * chunk.length;
    if (room > this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(room, 2 * this.buffer.length));
      this.buffer.copy(grown, 0, 0, this.length);
      this.buffer = grown;
    }
    this.length += this.buffer.write(chunk, this.length, 'utf8');
  }

  /** The part's bytes, valid until `empty`. */
  take(): Buffer {
    return this.buffer.subarray(0, this.length);
  }

  /** Ready for the next part, keeping the buffer (its bytes are no longer needed). */
  empty(): this {
    this.length = 0;
    return this;
  }
}

/**
 * Renders chunks into a spool file now and gives them back later: a test file's notification is
 * written from counters that the rollback of its changes removes before the answer is stored.
 */
export function spoolChunks(chunks: Iterable<string>, partChars = PART_CHARS): { chunks: Iterable<string>; close(): void } {
  const spool = new SpoolFile();
  try {
    for (const chunk of chunks) spool.append(chunk);
    const end = spool.flush();
    return { chunks: spool.read(0, end, partChars), close: () => spool.close() };
  } catch (error) {
    spool.close();
    throw error;
  }
}

/** What the ledger recorded of a received file: enough to name its answers and to know it again. */
export interface ReceivedFileRecord {
  readonly fileName: string;
  readonly sha256: string;
}

export function receivedFileOf(db: Db, ticket: string): ReceivedFileRecord | null {
  return (db.prepare(`SELECT file_name AS fileName, sha256 FROM received_files WHERE ticket = ?`).get(ticket) as ReceivedFileRecord | undefined) ?? null;
}

/** The answers stored for a ticket, or null when none are (nothing committed for it). */
export function storedAnswers(db: Db, ticket: string): StoredAnswers | null {
  const head = db.prepare(`SELECT f.id, f.receipt_code AS code, a.xml, a.compression FROM received_files f JOIN answers a ON a.file_id = f.id AND a.kind = 'ACRF' AND a.part = 0 WHERE f.ticket = ?`).get(ticket) as
    | ({ id: number; code: number } & StoredPart)
    | undefined;
  if (head === undefined) return null;
  const hasNotification = db.prepare(`SELECT 1 FROM answers WHERE file_id = ? AND kind = 'NOTI' AND part = 0`).get(head.id) !== undefined;
  return { receipt: partText(head), notification: hasNotification ? () => storedParts(db, head.id, 'NOTI') : null, positive: head.code === 1 };
}

interface StoredPart {
  readonly xml: string | Buffer;
  readonly compression: Compression;
}

function partText(part: StoredPart): string {
  return part.compression === 'gzip' ? gunzipSync(part.xml).toString('utf8') : String(part.xml);
}

/** An answer's parts as text. */
export function* answerParts(db: Db, fileId: number, kind: AnswerKind): Generator<string> {
  for (const part of storedParts(db, fileId, kind)) yield typeof part === 'string' ? part : part.toString('utf8');
}

/** One part per query, so that no statement stays open on the connection while the file is written. */
function* storedParts(db: Db, fileId: number, kind: AnswerKind): Generator<string | Buffer> {
  const read = db.prepare(`SELECT xml, compression FROM answers WHERE file_id = ? AND kind = ? AND part = ?`);
  for (let part = 0; ; part++) {
    const stored = read.get(fileId, kind, part) as StoredPart | undefined;
    if (stored === undefined) return;
    yield stored.compression === 'gzip' ? gunzipSync(stored.xml) : String(stored.xml);
  }
}
