// Streams a declaration file through the UTF-8 check, the tokenizer and the builder, handing each
// finished item to `onItem` as soon as it is complete.
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
}

export async function readDeclarationFile(path: string, limits: Pick<ReceiptLimits, 'maxDepth' | 'maxTextChars'>, onItem: (item: DeclarationItem) => void): Promise<ReadResult> {
  const source = new Utf8Source(path);
  const builder = new DeclarationBuilder();
  const tokenizer = new XmlTokenizer(builder, limits);
  const drain = (): void => {
    for (const item of builder.ready) onItem(item);
    builder.ready.length = 0;
  };
  for await (const text of source.chunks()) {
    tokenizer.write(text);
    drain();
  }
  if (source.invalid === undefined) tokenizer.end();
  drain();
  return { sha256: source.sha256, bytes: source.bytesRead, builder, invalidUtf8: source.invalid?.offset };
}
