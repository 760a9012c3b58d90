import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Utf8Source } from '../../dist/receipt/utf8-source.js';
import { tempDir } from '../helpers.js';

describe('Utf8Source', () => {
  it('hands on small pieces that never split a character, whatever falls on the boundaries', async () => {
    const dir = tempDir();
    try {
      // 1-, 2-, 3- and 4-byte characters in a cycle of 10 bytes: every boundary offset is hit.
      const text = 'aé€😀'.repeat(300_000);
      const path = join(dir.path, 'mixed.xml');
      writeFileSync(path, `\ufeff${text}`);
      const source = new Utf8Source(path);
      const pieces: string[] = [];
      for await (const piece of source.chunks()) pieces.push(piece);
      expect(source.invalid).toBeUndefined();
      expect(pieces.join('')).toBe(text);
      expect(Math.max(...pieces.map((p) => Buffer.byteLength(p)))).toBeLessThanOrEqual(1 << 16);
    } finally {
      dir.remove();
    }
  });
});
