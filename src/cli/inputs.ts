// Expands the file arguments: plain paths as given, globs (*, ?, [...], **) walked here, because CI jobs
// often quote them and Node 20 has no fs.glob.
import { isUtf8 } from 'node:buffer';
import { constants } from 'node:fs';
import { access, readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { TICKET_PATTERN } from '../answers/ticket.js';
import { FlaError } from '../errors.js';
import { aliasFor, displayName, REPLACEMENT } from './raw-names.js';

const GLOB = /[*?[]/;

/** A glob's path segment: `**`, a name taken as written (also `.` and `..`), or a pattern. */
type Segment = { readonly kind: 'globstar' } | { readonly kind: 'name'; readonly name: string } | { readonly kind: 'pattern'; readonly matcher: RegExp; readonly dotted: boolean };

/** A path found: text, or the bytes of one whose name is not UTF-8 (raw-names.ts). */
type Found = string | Buffer;

/** One file to read. */
export interface InputFile {
  /** As shown in reports and recorded in the ledger: the path, with a byte that is not UTF-8 as `\xE9`. */
  readonly name: string;
  /** What is read: the path itself, or an alias of it for a name that is not UTF-8. */
  readonly path: string;
  /** The path's bytes, for a name that is not UTF-8: its answers are named after them. */
  readonly bytes?: Buffer;
}

/**
 * The files to read, in the order given, each once. Every one is checked to be a readable regular
 * file before anything is processed: `fla process` must not apply half of a list and then stop.
 */
export async function expandInputs(args: readonly string[]): Promise<string[]> {
  return (await expandInputFiles(args)).map((file) => file.name);
}

/** `expandInputs`, with what a name that is not UTF-8 needs to be read and answered. */
export async function expandInputFiles(args: readonly string[]): Promise<InputFile[]> {
  const out: Found[] = [];
  const seen = new Set<string>();
  const add = (path: Found): void => {
    const key = typeof path === 'string' ? resolve(path) : `${resolve('.')}\u0000${path.toString('hex')}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(path);
  };
  for (const arg of args) {
    // An existing file is never a pattern, so that q[1].xml reads q[1].xml.
    if (!GLOB.test(arg) || (await isFile(arg))) {
      const path = arg.includes(REPLACEMENT) && !(await exists(arg)) ? await notUtf8(arg) : arg;
      await checkReadable(path);
      add(path);
      continue;
    }
    const found = await expandGlob(arg);
    // "*.xml" in a folder fla process answered also matches its answers: they are no declarations.
    const matches = found.filter((path) => !isAnswerFile(shown(path)));
    if (matches.length === 0) throw new FlaError('FLA_ERR_NO_INPUT', `no file matches ${arg}${found.length > 0 ? ` (apart from answer files, *.ACRF.xml and *.NOTI.xml, which a pattern never takes)` : ''}`);
    for (const match of matches.sort((a, b) => (shown(a) < shown(b) ? -1 : shown(a) > shown(b) ? 1 : 0))) {
      await checkReadable(match);
      add(match);
    }
  }
  if (out.length === 0) throw new FlaError('FLA_ERR_USAGE', 'give at least one file or glob');
  return out.map((path) => (typeof path === 'string' ? { name: path, path } : { name: displayName(path), path: aliasFor(path), bytes: path }));
}

const shown = (path: Found): string => (typeof path === 'string' ? path : displayName(path));

/**
 * An argument that held bytes that are not UTF-8, which Node.js replaced with U+FFFD before fla saw
 * it: the one file whose name reads so once decoded the same way, if there is exactly one.
 */
async function notUtf8(arg: string): Promise<Found> {
  const matches = await expandGlob(arg, true);
  if (matches.length === 1) return matches[0]!;
  const why = `the name holds bytes that are not UTF-8, which Node.js replaces (with U+FFFD) before fla sees them`;
  if (matches.length === 0) throw new FlaError('FLA_ERR_READ', `cannot read ${arg}: ${why}, and no file reads so once its name is decoded the same way; name it with a pattern over its folder instead (fla process "folder/*.xml"); nothing was processed`);
  throw new FlaError('FLA_ERR_READ', `cannot tell which file ${arg} names: ${why}, and ${matches.length} files read so (${matches.map(shown).join(', ')}); name them with a pattern over their folder; nothing was processed`);
}

/** The name of an answer `fla process` writes: `<input>.ACRF.xml`, `<input>.NOTI.xml`, or with the ticket before the kind. */
const ANSWER_FILE = new RegExp(`\\.(?:${TICKET_PATTERN}\\.)?(?:ACRF|NOTI)\\.xml$`);

export function isAnswerFile(path: string): boolean {
  return ANSWER_FILE.test(path);
}

async function checkReadable(path: Found): Promise<void> {
  try {
    if (!(await stat(path)).isFile()) throw new FlaError('FLA_ERR_READ', `${shown(path)} is not a regular file; nothing was processed`);
    await access(path, constants.R_OK);
  } catch (error) {
    if (error instanceof FlaError) throw error;
    throw new FlaError('FLA_ERR_READ', `cannot read ${shown(path)}: ${(error as NodeJS.ErrnoException).code ?? String(error)}; nothing was processed`);
  }
}

async function exists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null)) !== null;
}

/**
 * The files a pattern matches; with `literal`, a path taken as written except that each U+FFFD
 * in it stands for itself in names decoded from bytes that are not UTF-8 (`notUtf8`).
 */
async function expandGlob(pattern: string, literal = false): Promise<Found[]> {
  const absolute = /^[\\/]/.test(pattern);
  // Empty segments (a//b) and `.` name the directory they are in; readdir never lists them.
  const segments = pattern
    .split(/[\\/]/)
    .filter((p) => p !== '' && p !== '.')
    .map((p) => (literal ? literalSegment(p) : toSegment(p, pattern)));
  const results: Found[] = [];
  await walk(absolute ? '/' : '', segments, results);
  return results;
}

function toSegment(part: string, pattern: string): Segment {
  if (part === '**') return { kind: 'globstar' };
  if (!GLOB.test(part)) return { kind: 'name', name: part };
  return { kind: 'pattern', matcher: toRegExp(part, pattern), dotted: part.startsWith('.') };
}

function literalSegment(part: string): Segment {
  if (!part.includes(REPLACEMENT)) return { kind: 'name', name: part };
  return { kind: 'pattern', matcher: new RegExp(`^${part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`), dotted: true };
}

async function walk(dir: string, segments: readonly Segment[], results: Found[]): Promise<void> {
  const [head, ...rest] = segments;
  if (head === undefined) return;
  const here = dir === '' ? '.' : dir;
  if (head.kind === 'globstar') {
    await walk(dir, rest, results);
    // Symlinked directories are not followed here: a link to an ancestor would never end. A folder
    // whose name is not UTF-8 is not entered: the paths below it could not be named.
    for (const entry of await entries(here)) if (entry.isDirectory() && isUtf8(entry.name)) await walk(join(dir, entry.name.toString()), segments, results);
    return;
  }
  if (head.kind === 'name') {
    const path = join(dir, head.name);
    if (rest.length > 0) await walk(path, rest, results);
    else if (await isFile(path)) results.push(path);
    return;
  }
  for (const entry of await entries(here)) {
    // Names as bytes: decoded as text, one that is not UTF-8 would name no file.
    const text = entry.name.toString('utf8');
    if (!head.matcher.test(text) || (text.startsWith('.') && !head.dotted)) continue;
    const path: Found = isUtf8(entry.name) ? join(dir, text) : Buffer.concat([Buffer.from(dir === '' ? '' : dir.endsWith('/') ? dir : `${dir}/`), entry.name]);
    // A symbolic link counts as what it points to, as the shell's own globs do.
    const link = entry.isSymbolicLink() ? await stat(path).catch(() => null) : null;
    if (rest.length === 0) {
      if (link?.isFile() ?? entry.isFile()) results.push(path);
    } else if (typeof path === 'string' && (link?.isDirectory() ?? entry.isDirectory())) await walk(path, rest, results);
  }
}

async function entries(dir: string) {
  try {
    return await readdir(dir, { withFileTypes: true, encoding: 'buffer' });
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
