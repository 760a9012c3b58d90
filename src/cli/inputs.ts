// Expands the file arguments: plain paths as given, globs (*, ?, **) walked here, because CI jobs
// often quote them and Node 20 has no fs.glob.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { FlaError } from '../errors.js';

export async function expandInputs(args: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const arg of args) {
    if (!/[*?[]/.test(arg)) {
      out.push(arg);
      continue;
    }
    const matches = await expandGlob(arg);
    if (matches.length === 0) throw new FlaError('FLA_ERR_NO_INPUT', `no file matches ${arg}`);
    out.push(...matches.sort());
  }
  if (out.length === 0) throw new FlaError('FLA_ERR_USAGE', 'give at least one file or glob');
  return out;
}

async function expandGlob(pattern: string): Promise<string[]> {
  const parts = pattern.split(/[\\/]/);
  const absolute = pattern.startsWith('/');
  const base = absolute ? '/' : '.';
  const results: string[] = [];
  await walk(absolute ? base : '', parts.filter((p, i) => !(absolute && i === 0)), results);
  return results;
}

async function walk(dir: string, parts: readonly string[], results: string[]): Promise<void> {
  const [head, ...rest] = parts;
  if (head === undefined) return;
  const here = dir === '' ? '.' : dir;
  if (head === '**') {
    await walk(dir, rest, results);
    for (const entry of await entries(here)) if (entry.isDirectory()) await walk(join(dir, entry.name), parts, results);
    return;
  }
  const matcher = toRegExp(head);
  for (const entry of await entries(here)) {
    if (!matcher.test(entry.name) || (entry.name.startsWith('.') && !head.startsWith('.'))) continue;
    const path = dir === '' ? entry.name : join(dir, entry.name);
    if (rest.length === 0) {
      if (entry.isFile()) results.push(path);
    } else if (entry.isDirectory()) await walk(path, rest, results);
  }
}

async function entries(dir: string) {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

function toRegExp(segment: string): RegExp {
  let source = '';
  for (const c of segment) source += c === '*' ? '[^/]*' : c === '?' ? '[^/]' : /[.+^${}()|\\]/.test(c) ? `\\${c}` : c;
  return new RegExp(`^${source}$`);
}
