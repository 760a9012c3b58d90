// Answers are written atomically (ACK.md): a temporary name in the same folder, fsync, rename, and
// an fsync of the folder so that the rename itself survives a crash. A reader sees no file or the
// whole file, never half of one.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { link, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { splitPath, type FilePath } from './paths.js';

export interface WriteAnswerOptions {
  /** Fail with EEXIST instead of replacing an existing answer (DROPFOLDER.md: never replace). */
  readonly exclusive?: boolean;
  /** Skip the folder fsync when the caller syncs the folder once after several answers. */
  readonly syncFolder?: boolean;
}

/**
 * An answer's text, or a function giving it in chunks (anew for each call, e.g. from the ledger);
 * a chunk may also be UTF-8 bytes already.
 */
export type AnswerText = string | (() => Iterable<string | Uint8Array>);

const chunksOf = (xml: AnswerText): Iterable<string | Uint8Array> => (typeof xml === 'string' ? [xml] : xml());

const bytesOf = (chunk: string | Uint8Array): Uint8Array => (typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);

function tempPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

/** The temporary name beside an answer whose name is not UTF-8: in the same folder, in plain text. */
function tempPathOf(path: FilePath): string | Buffer {
  if (typeof path === 'string') return tempPath(path);
  const { dir } = splitPath(path);
  return Buffer.concat([typeof dir === 'string' ? Buffer.from(dir) : dir, Buffer.from(`/.fla-answer.${process.pid}.${randomBytes(6).toString('hex')}.tmp`)]);
}

export async function writeAnswerFile(path: FilePath, xml: AnswerText, options: WriteAnswerOptions = {}): Promise<void> {
  const temp = tempPathOf(path);
  let moved = false;
  try {
    const handle = await open(temp, 'wx', 0o644);
    try {
      for (const chunk of chunksOf(xml)) {
        const bytes = bytesOf(chunk);
        for (let done = 0; done < bytes.length; ) done += (await handle.write(bytes, done, bytes.length - done)).bytesWritten;
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.exclusive === true) {
      await link(temp, path); // EEXIST when the name is taken
      await unlink(temp);
    } else {
      await rename(temp, path);
    }
    moved = true;
    await syncDir(splitPath(path).dir);
  } finally {
    if (!moved) await unlink(temp).catch(() => undefined);
  }
}

export function writeAnswerFileSync(path: string, xml: AnswerText, options: WriteAnswerOptions = {}): void {
  const temp = tempPath(path);
  let moved = false;
  try {
    const fd = openSync(temp, 'wx', 0o644);
    try {
      for (const chunk of chunksOf(xml)) {
        const bytes = bytesOf(chunk);
        let done = 0;
        while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
      }
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (options.exclusive === true) {
      linkSync(temp, path);
      unlinkSync(temp);
    } else {
      renameSync(temp, path);
    }
    moved = true;
    if (options.syncFolder !== false) syncFolderSync(dirname(path));
  } finally {
    if (!moved) {
      try {
        unlinkSync(temp);
      } catch {
        // already gone
      }
    }
  }
}

async function syncDir(dir: FilePath): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some platforms cannot fsync a directory; the file itself is complete either way.
  }
}

/** Makes the renames in a folder durable (no-op where a folder cannot be fsynced). */
export function syncFolderSync(folder: string): void {
  try {
    const dir = openSync(folder, 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
  } catch {
    // Some platforms cannot fsync a directory; the files themselves are complete either way.
  }
}
