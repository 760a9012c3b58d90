// What a claim holds, checked before anything is read (issue #12 item 1): only regular files are
// read. A symbolic link in a sender's folder may point at another sender's claimed file or at
// /etc/passwd; it is moved into the claim like any file (rename moves the link, not its target),
// then refused here with ACRF-120 without being opened. The claim's folder is out of the senders'
// reach, so what is checked here is what the engine reads next.
import { closeSync, constants, fstatSync, lstatSync, openSync, type Stats } from 'node:fs';
import { join } from 'node:path';

export interface Irregular {
  readonly name: string;
  readonly kind: 'symlink' | 'special';
}

/**
 * The names among `names` in `dir` that are not regular files, looked at without following links.
 * A name that is not there is left to the reading, which reports it (a claim that lost a part).
 */
export function irregularFiles(dir: string, names: readonly string[]): Irregular[] {
  const found: Irregular[] = [];
  for (const name of names) {
    const kind = kindOf(join(dir, name));
    if (kind === 'symlink' || kind === 'special') found.push({ name, kind });
  }
  return found;
}

function kindOf(path: string): 'file' | 'missing' | Irregular['kind'] {
  let info: Stats;
  try {
    info = lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
  if (info.isSymbolicLink()) return 'symlink';
  // lstat first, so that no special file (a pipe, a device) is ever opened.
  if (!info.isFile()) return 'special';
  // O_NOFOLLOW: had the name become a link since, open fails (ELOOP) instead of following it.
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') return 'symlink';
    throw error;
  }
  try {
    return sameRegularFile(info, fstatSync(fd)) ? 'file' : 'special';
  } finally {
    closeSync(fd);
  }
}

function sameRegularFile(named: Stats, opened: Stats): boolean {
  return opened.isFile() && opened.ino === named.ino && opened.dev === named.dev;
}
