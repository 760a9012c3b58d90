// Maps one declaration file: libxml2's elements (from the receipt child's frames) go through the
// builder, each finished item to `onItem` as soon as it is complete, while this process hashes the
// same bytes and checks that they are UTF-8.
import type { Hash } from 'node:crypto';
import type { LineIndex } from '../receipt/line-index.js';
import { Utf8Source } from '../receipt/utf8-source.js';
import type { Validation } from '../receipt/xsd-validator.js';
import type { DeclarationItem } from './model.js';
import { DeclarationBuilder } from './reader.js';

export interface ReadResult {
  readonly sha256: string;
  readonly bytes: number;
  readonly builder: DeclarationBuilder;
  readonly invalidUtf8: number | undefined;
  readonly forms: number;
}

export interface ReadOptions {
  /** Parts of one submission share a hash: the SHA-256 of the logical file. */
  readonly hash?: Hash;
  /** Forms of earlier parts: positions continue across the parts of one submission. */
  readonly formOffset?: number;
  /** Filled with the file's line starts as it is read (for a progress bar). */
  readonly lines?: LineIndex;
}

export async function readDeclarationFile(path: string, validation: Validation, onItem: (item: DeclarationItem) => void, options: ReadOptions = {}): Promise<ReadResult> {
  const source = new Utf8Source(path, options.hash, options.lines);
  const builder = new DeclarationBuilder(onItem, options.formOffset ?? 0);
  // Both run to their end before an error of either is thrown: items are never still arriving
  // after the caller has given up on the file (and rolled its transaction back).
  const [read, mapped] = await Promise.allSettled([source.read(), validation.map(builder)]);
  if (read.status === 'rejected') throw read.reason;
  if (mapped.status === 'rejected') throw mapped.reason;
  return { sha256: source.sha256, bytes: source.bytesRead, builder, invalidUtf8: source.invalid?.offset, forms: builder.forms };
}
