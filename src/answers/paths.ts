import { isUtf8 } from 'node:buffer';
import { basename, dirname, join } from 'node:path';

/** A file's path as text, or as bytes where its name is not UTF-8 (src/cli/raw-names.ts). */
export type FilePath = string | Buffer;

export interface AnswerPaths {
  readonly receipt: FilePath;
  readonly notification: FilePath;
}

/** `<input>.ACRF.xml` and `<input>.NOTI.xml`, next to the input or in `outDir`. */
export function answerPaths(input: FilePath, outDir?: string): AnswerPaths {
  if (typeof input !== 'string') {
    // The answers of a name that is not UTF-8 are named after its bytes.
    const slash = input.lastIndexOf(0x2f);
    const name = input.subarray(slash + 1);
    const dir = outDir !== undefined ? Buffer.from(`${outDir.replace(/\/+$/, '')}/`) : input.subarray(0, slash + 1);
    return { receipt: Buffer.concat([dir, name, Buffer.from('.ACRF.xml')]), notification: Buffer.concat([dir, name, Buffer.from('.NOTI.xml')]) };
  }
  const dir = outDir ?? dirname(input);
  const name = basename(input);
  return { receipt: join(dir, `${name}.ACRF.xml`), notification: join(dir, `${name}.NOTI.xml`) };
}

/** An answer's name with the ticket before its kind: where the plain name is taken. */
export function ticketedPath(path: FilePath, ticket: string): FilePath {
  if (typeof path === 'string') return path.replace(/\.(ACRF|NOTI)\.xml$/, `.${ticket}.$1.xml`);
  const kind = path.subarray(path.length - '.ACRF.xml'.length);
  return Buffer.concat([path.subarray(0, path.length - kind.length), Buffer.from(`.${ticket}`), kind]);
}

/** The folder of a path, and its last name, as the same kind of path. */
export function splitPath(path: FilePath): { dir: FilePath; name: string } {
  if (typeof path === 'string') return { dir: dirname(path), name: basename(path) };
  const slash = path.lastIndexOf(0x2f);
  return { dir: slash < 0 ? '.' : slash === 0 ? '/' : path.subarray(0, slash), name: path.subarray(slash + 1).toString('utf8') };
}

/** The bytes of a path as text, with each byte that is not part of a UTF-8 character as `\xE9`. */
export function displayName(bytes: Buffer): string {
  let text = '';
  let run = 0;
  for (let i = 0; i < bytes.length; ) {
    const length = sequenceLength(bytes, i);
    if (length > 0) {
      i += length;
      continue;
    }
    text += bytes.subarray(run, i).toString('utf8') + `\\x${bytes[i]!.toString(16).toUpperCase().padStart(2, '0')}`;
    run = ++i;
  }
  return text + bytes.subarray(run).toString('utf8');
}

/** The length of the valid UTF-8 character at `i`, or 0. */
function sequenceLength(bytes: Buffer, i: number): number {
  const lead = bytes[i]!;
  const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
  return length > 0 && i + length <= bytes.length && isUtf8(bytes.subarray(i, i + length)) ? length : 0;
}

/** A path as messages show it: bytes that are not UTF-8 as `\xE9`. */
export function shownPath(path: FilePath): string {
  return typeof path === 'string' ? path : displayName(path);
}
