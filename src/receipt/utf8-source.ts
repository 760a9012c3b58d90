// Reads a file's bytes once: their SHA-256 and whether every byte is valid UTF-8 (ACRF-138).
// libxml2 reads the text itself (src/receipt/native/extract.c); this pass only vouches for the bytes.
import { createHash, type Hash } from 'node:crypto';
import { isUtf8 } from 'node:buffer';
import { open } from 'node:fs/promises';
import type { LineIndex } from './line-index.js';

const CHUNK = 1 << 20;

export interface InvalidUtf8 {
  readonly offset: number; // 0-based byte offset of the first bad byte
}

export class Utf8Source {
  invalid: InvalidUtf8 | undefined;
  bytesRead = 0;
  /** Hex SHA-256 of every byte read (of every part, when parts share one hash), once read to the end. */
  get sha256(): string {
    return this.hash.copy().digest('hex');
  }

  constructor(
    private readonly path: string,
    private readonly hash: Hash = createHash('sha256'),
    private readonly lines?: LineIndex,
  ) {}

  /** Hashes the whole file; records the first invalid byte, if any, in `invalid`. */
  async read(): Promise<void> {
    const file = await open(this.path, 'r');
    try {
      // Up to 3 bytes of a character split by the chunk boundary are carried to the next read.
      const buffer = Buffer.allocUnsafe(CHUNK + 4);
      let carry = 0;
      for (;;) {
        const { bytesRead } = await file.read(buffer, carry, CHUNK, null);
        const last = bytesRead === 0;
        this.hash.update(buffer.subarray(carry, carry + bytesRead));
        this.lines?.add(buffer.subarray(carry, carry + bytesRead));
        this.bytesRead += bytesRead;
        if (this.invalid === undefined) {
          const end = carry + bytesRead;
          const complete = last ? end : completeUpTo(buffer, end);
          if (!isUtf8(buffer.subarray(0, complete))) this.invalid = { offset: await firstInvalidOffset(this.path) };
          buffer.copy(buffer, 0, complete, end);
          carry = this.invalid === undefined ? end - complete : 0;
        }
        if (last) return;
      }
    } finally {
      await file.close();
    }
  }
}

/** The end of the last complete UTF-8 character in b[0, end). */
function completeUpTo(b: Buffer, end: number): number {
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const c = b[end - back]!;
    if ((c & 0xc0) === 0x80) continue; // continuation byte: look further back for its lead
    const length = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return length > back ? end - back : end;
  }
  return end;
}

/** The rare path: find the exact bad byte by scanning again. */
async function firstInvalidOffset(path: string): Promise<number> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK + 4);
    let base = 0;
    let carry = 0;
    for (;;) {
      const { bytesRead } = await file.read(buffer, carry, CHUNK, null);
      const end = carry + bytesRead;
      const bad = scanUtf8(buffer, end, bytesRead === 0);
      if (bad.invalidAt >= 0) return base + bad.invalidAt;
      if (bytesRead === 0) return base + end;
      buffer.copy(buffer, 0, bad.validUpTo, end);
      base += bad.validUpTo;
      carry = end - bad.validUpTo;
    }
  } finally {
    await file.close();
  }
}

/** Position of the first invalid byte (-1 if none) and how far the buffer is complete. */
function scanUtf8(b: Buffer, end: number, final: boolean): { invalidAt: number; validUpTo: number } {
  let i = 0;
  while (i < end) {
    const c = b[i]!;
    let need: number;
    let min: number;
    if (c < 0x80) {
      i++;
      continue;
    } else if (c >= 0xc2 && c <= 0xdf) [need, min] = [1, 0x80];
    else if (c >= 0xe0 && c <= 0xef) [need, min] = [2, 0x800];
    else if (c >= 0xf0 && c <= 0xf4) [need, min] = [3, 0x10000];
    else return { invalidAt: i, validUpTo: i };
    if (!final && i + need >= end) return { invalidAt: -1, validUpTo: i };
    let cp = c & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const next = b[i + k];
      if (i + k >= end || next === undefined || (next & 0xc0) !== 0x80) return { invalidAt: i, validUpTo: i };
      cp = (cp << 6) | (next & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return { invalidAt: i, validUpTo: i };
    i += need + 1;
  }
  return { invalidAt: -1, validUpTo: end };
}
