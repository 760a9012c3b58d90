// Streams a declaration file through the UTF-8 check, the tokenizer and the builder, handing each
// finished item to `onItem` as soon as it is complete.
import type { Hash } from 'node:crypto';
import type { ReceiptLimits } from '../receipt/limits.js';
import { Utf8Source } from '../receipt/utf8-source.js';
import type { DeclarationItem } from './model.js';
import { DeclarationBuilder } from './reader.js';
import { XmlTokenizer } from './tokenizer.js';

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
}

export async function readDeclarationFile(path: string, limits: Pick<ReceiptLimits, 'maxDepth' | 'maxTextChars'>, onItem: (item: DeclarationItem) => void, options: ReadOptions = {}): Promise<ReadResult> {
  const source = new Utf8Source(path, options.hash);
  const builder = new DeclarationBuilder(onItem, options.formOffset ?? 0);
  const tokenizer = new XmlTokenizer(builder, limits);
  for await (const text of source.chunks()) tokenizer.write(text);
  if (source.invalid === undefined) tokenizer.end();
  return { sha256: source.sha256, bytes: source.bytesRead, builder, invalidUtf8: source.invalid?.offset, forms: builder.forms };
}
