// Expands the file arguments: plain paths as given, globs (*, ?, [...], **) walked here, because CI jobs
// often quote them and Node 20 has no fs.glob.
import { constants } from 'node:fs';
import { access, readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { FlaError } from '../errors.js';

const GLOB = /[*?[]/;

/** A glob's path segment: `**`, a name taken as written (also `.` and `..`), or a pattern. */
type Segment = { readonly kind: 'globstar' } | { readonly kind: 'name'; readonly name: string } | { readonly kind: 'pattern'; readonly matcher: RegExp; readonly dotted: boolean };

/**
 * The files to read, in the order given, each once. Every one is checked to be a readable regular
 * file before anything is processed: `fla process` must not apply half of a list and then stop.
 */
export async function expandInputs(args: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (path: string): void => {
    const key = resolve(path);
    if (seen.has(key)) return;
    seen.add(key);
    out.push(path);
  };
  for (const arg of args) {
    // An existing file is never a pattern, so that q[1].xml reads q[1].xml.
    if (!GLOB.test(arg) || (await isFile(arg))) {
      await checkReadable(arg);
      add(arg);
      continue;
    }
    const found = await expandGlob(arg);
    // "*.xml" in a folder fla process answered also matches its answers: they are no declarations.
    const matches = found.filter((path) => !isAnswerFile(path));
    if (matches.length === 0) throw new FlaError('FLA_ERR_NO_INPUT', `no file matches ${arg}${found.length > 0 ? ` (apart from answer files, *.ACRF.xml and *.NOTI.xml, which a pattern never takes)` : ''}`);
    for (const match of matches.sort()) {
      await checkReadable(match);
      add(match);
    }
  }
  if (out.length === 0) throw new FlaError('FLA_ERR_USAGE', 'give at least one file or glob');
  return out;
}

/** The name of an answer `fla process` writes: `<input>.ACRF.xml`, `<input>.NOTI.xml`, or with the ticket before the kind. */
const ANSWER_FILE = /\.(?:FLA-\d{8}T\d{9}Z-\d{6}-[0-9a-f]{8}\.)?(?:ACRF|NOTI)\.xml$/;

export function isAnswerFile(path: string): boolean {
  return ANSWER_FILE.test(path);
}

async function checkReadable(path: string): Promise<void> {
  try {
    if (!(await stat(path)).isFile()) throw new FlaError('FLA_ERR_READ', `${path} is not a regular file; nothing was processed`);
    await access(path, constants.R_OK);
  } catch (error) {
    if (error instanceof FlaError) throw error;
    throw new FlaError('FLA_ERR_READ', `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}; nothing was processed`);
  }
}

async function expandGlob(pattern: string): Promise<string[]> {
  const absolute = /^[\\/]/.test(pattern);
  // Empty segments (a//b) and `.` name the directory they are in; readdir never lists them.
  const segments = pattern
    .split(/[\\/]/)
    .filter((p) => p !== '' && p !== '.')
    .map((p) => toSegment(p, pattern));
  const results: string[] = [];
  await walk(absolute ? '/' : '', segments, results);
  return results;
}

function toSegment(part: string, pattern: string): Segment {
  if (part === '**') return { kind: 'globstar' };
  if (!GLOB.test(part)) return { kind: 'name', name: part };
  return { kind: 'pattern', matcher: toRegExp(part, pattern), dotted: part.startsWith('.') };
}

async function walk(dir: string, segments: readonly Segment[], results: string[]): Promise<void> {
  const [head, ...rest] = segments;
  if (head === undefined) return;
  const here = dir === '' ? '.' : dir;
  if (head.kind === 'globstar') {
    await walk(dir, rest, results);
    // Symlinked directories are not followed here: a link to an ancestor would never end.
    for (const entry of await entries(here)) if (entry.isDirectory()) await walk(join(dir, entry.name), segments, results);
    return;
  }
  if (head.kind === 'name') {
    const path = join(dir, head.name);
    if (rest.length > 0) await walk(path, rest, results);
    else if (await isFile(path)) results.push(path);
    return;
  }
  for (const entry of await entries(here)) {
    if (!head.matcher.test(entry.name) || (entry.name.startsWith('.') && !head.dotted)) continue;
    const path = join(dir, entry.name);
    // A symbolic link counts as what it points to, as the shell's own globs do.
    const link = entry.isSymbolicLink() ? await stat(path).catch(() => null) : null;
    if (rest.length === 0) {
      if (link?.isFile() ?? entry.isFile()) results.push(path);
    } else if (link?.isDirectory() ?? entry.isDirectory()) await walk(path, rest, results);
  }
}

async function entries(dir: string) {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isFile() ?? false;
}

/** `*`, `?`, and `[abc]`, `[a-z]`, `[!abc]` within one path segment; anything else literally. */
function toRegExp(segment: string, pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '[') {
      const negated = segment[i + 1] === '!' || segment[i + 1] === '^';
      const first = i + 1 + (negated ? 1 : 0);
      // A `]` right after the opening bracket is a member, as in POSIX.
      const close = segment.indexOf(']', first + 1);
      if (close < 0) throw new FlaError('FLA_ERR_USAGE', `no file ${pattern}, and it is not a valid glob: a "[" does not close (write [[] for a literal one)`);
      const members = segment.slice(first, close).replace(/[\\\]^]/g, '\\$&');
      source += `[${negated ? '^' : ''}${members}]`;
      i = close;
    } else source += /[.+^${}()|\\\]]/.test(c) ? `\\${c}` : c;
  }
  try {
    return new RegExp(`^${source}$`);
  } catch {
    throw new FlaError('FLA_ERR_USAGE', `no file ${pattern}, and it is not a valid glob: a [...] class is not valid (a range out of order?)`);
  }
}
