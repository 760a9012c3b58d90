import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Utf8Source } from '../../dist/receipt/utf8-source.js';
import { tempDir } from '../helpers.js';

describe('Utf8Source', () => {
  it('hashes every byte and accepts characters that fall across its 1 MB reads', async () => {
    const dir = tempDir();
    try {
      // 1-, 2-, 3- and 4-byte characters in a cycle of 10 bytes: every boundary offset is hit.
      const bytes = Buffer.from(`\ufeff${'aé€😀'.repeat(300_000)}`);
      const path = join(dir.path, 'mixed.xml');
      writeFileSync(path, bytes);
      const source = new Utf8Source(path);
      await source.read();
      expect(source.invalid).toBeUndefined();
      expect(source.bytesRead).toBe(bytes.length);
      expect(source.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    } finally {
      dir.remove();
    }
  });

  it('finds the first invalid byte wherever it falls, and still hashes the whole file', async () => {
    const dir = tempDir();
    try {
      for (const at of [0, 5, (1 << 20) - 1, 1 << 20, (1 << 20) + 1, 3_000_000]) {
        const bytes = Buffer.from('é'.repeat(1_600_000));
        bytes[at] = 0xff;
        const path = join(dir.path, `bad-${at}.xml`);
        writeFileSync(path, bytes);
        const source = new Utf8Source(path);
        await source.read();
        // A bad continuation byte makes its lead byte, one before, the first invalid one.
        expect(source.invalid?.offset).toBe(at - (at % 2));
        expect(source.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      }
    } finally {
      dir.remove();
    }
  });
});
