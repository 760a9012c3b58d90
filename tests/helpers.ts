// Tests run the compiled engine (dist/, built by `npm test`), exactly as `bin/fla` does.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');
export const FIXTURES = join(ROOT, 'fixtures');
export const BIN = join(ROOT, 'bin', 'fla');

export function tempDir(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'fla-test-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
