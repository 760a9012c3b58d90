// The answers as the ledger keeps them: the receipt in one row, the notification in parts of about
// a megabyte (a notification can outgrow what one JS string may hold), written in the transaction
// of what they answer and read back part by part to write the answer files.
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
  /** The notification, read from the ledger part by part each time it is called. */
  readonly notification: (() => Iterable<string>) | null;
  readonly positive: boolean;
}

/** Stores an answer's chunks as parts 0, 1, …; returns how many. */
export function insertAnswer(db: Db, fileId: number, kind: AnswerKind, chunks: Iterable<string>, partChars = PART_CHARS): number {
  const insert = db.prepare(`INSERT INTO answers (file_id, kind, part, xml) VALUES (?, ?, ?, ?)`);
  let part = 0;
  let pending: string[] = [];
  let length = 0;
  const store = (): void => {
    insert.run(fileId, kind, part++, pending.join(''));
    pending = [];
    length = 0;
  };
  for (const chunk of chunks) {
    pending.push(chunk);
    length += chunk.length;
    if (length >= partChars) store();
  }
  if (pending.length > 0 || part === 0) store();
  return part;
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

/** The answers stored for a ticket, or null when none are (nothing committed for it). */
export function storedAnswers(db: Db, ticket: string): StoredAnswers | null {
  const head = db.prepare(`SELECT f.id, f.receipt_code AS code, a.xml FROM received_files f JOIN answers a ON a.file_id = f.id AND a.kind = 'ACRF' AND a.part = 0 WHERE f.ticket = ?`).get(ticket) as
    | { id: number; code: number; xml: string }
    | undefined;
  if (head === undefined) return null;
  const hasNotification = db.prepare(`SELECT 1 FROM answers WHERE file_id = ? AND kind = 'NOTI' AND part = 0`).get(head.id) !== undefined;
  return { receipt: head.xml, notification: hasNotification ? () => answerParts(db, head.id, 'NOTI') : null, positive: head.code === 1 };
}

/** One part per query, so that no statement stays open on the connection while the file is written. */
export function* answerParts(db: Db, fileId: number, kind: AnswerKind): Generator<string> {
  const read = db.prepare(`SELECT xml FROM answers WHERE file_id = ? AND kind = ? AND part = ?`).pluck();
  for (let part = 0; ; part++) {
    const xml = read.get(fileId, kind, part) as string | undefined;
    if (xml === undefined) return;
    yield xml;
  }
}
