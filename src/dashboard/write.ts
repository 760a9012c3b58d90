// Writes one dashboard file: the page's head, the model as base64(gzip(JSON)), the page's tail.
// Streamed end to end (JSON pieces → gzip → base64 → file), so the model is never one string, and
// atomic: a temporary name beside the target, synced, then renamed over it.
import { createWriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { FlaError } from '../errors.js';
import type { PageShell } from './model.js';

/** Base64 of a stream of bytes, encoding only whole groups of 3 bytes until the end. */
export async function* base64Chunks(source: AsyncIterable<Buffer>): AsyncGenerator<string> {
  let carry = Buffer.alloc(0);
  for await (const chunk of source) {
    const bytes = carry.length === 0 ? chunk : Buffer.concat([carry, chunk]);
    const whole = bytes.length - (bytes.length % 3);
    if (whole > 0) yield bytes.subarray(0, whole).toString('base64');
    carry = Buffer.from(bytes.subarray(whole));
  }
  if (carry.length > 0) yield carry.toString('base64');
}

/**
 * `shell.head`, then the base64 of the gzipped JSON pieces, then `shell.tail`, to `path`. The
 * target is only replaced by a complete file; on any failure the temporary file is removed and the
 * error is FLA_ERR_WRITE.
 */
export async function writeDashboard(path: string, shell: PageShell, json: Iterable<string> | AsyncIterable<string>): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.partial`);
  try {
    await pipeline(
      // Room for a few pieces ahead: the model is computed while zlib compresses the pieces before
      // it on another thread, instead of each waiting for the other.
      Readable.from(json, { objectMode: false, highWaterMark: 1 << 20 }),
      // zlib's default level: 5.1 MB for 57,000 workers in half the time of level 9's 4.8 MB.
      createGzip(),
      async function* page(gzipped: AsyncIterable<Buffer>) {
        yield shell.head;
        yield* base64Chunks(gzipped);
        yield shell.tail;
      },
      createWriteStream(temporary),
    );
    const handle = await open(temporary, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    if (error instanceof FlaError) throw error;
    // An error of the model's own computation (the ledger) is not a write error: the caller says what it is.
    if (!isFileError(error)) throw error;
    throw new FlaError('FLA_ERR_WRITE', `cannot write ${path}: ${(error as Error).message}`);
  }
}

function isFileError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code);
}
