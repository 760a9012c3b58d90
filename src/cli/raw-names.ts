// File names that are not UTF-8 (a Latin-1 "café.xml" from an old system). Node.js hands the
// command line over as UTF-8 with such bytes already replaced by U+FFFD, so a name typed or
// pasted cannot reach fla as it is; a directory listing can, as bytes. The file is then read
// through an alias (a symbolic link with a UTF-8 name in a private folder), shown and recorded
// with the bytes escaped, and answered beside itself under names made of its own bytes.
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export { displayName } from '../answers/paths.js';

/** What Node.js puts in place of bytes that are not UTF-8 in an argument. */
export const REPLACEMENT = '\ufffd';

let aliasFolder: string | undefined;
let aliases = 0;

/** A UTF-8 path that reads the file at `bytes` (a symbolic link, removed when the process ends). */
export function aliasFor(bytes: Buffer): string {
  if (aliasFolder === undefined) {
    const folder = mkdtempSync(join(tmpdir(), 'fla-names-'));
    aliasFolder = folder;
    process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
  }
  const alias = join(aliasFolder, `${++aliases}.xml`);
  const absolute = bytes[0] === 0x2f ? bytes : Buffer.concat([Buffer.from(`${resolve('.')}/`), bytes]);
  symlinkSync(absolute, alias);
  return alias;
}
