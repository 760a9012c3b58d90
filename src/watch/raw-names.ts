// File names as the sender's SFTP client wrote them: bytes, not always UTF-8. Node decodes a name
// that is not UTF-8 with U+FFFD, and that string names no file, so such a file would never be
// answered. Such names are read as bytes and carried as a printable form (each byte outside ASCII
// as %XX) plus the bytes, which find the file again.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface FolderName {
  /** The name as it is shown, logged and answered: itself where it is UTF-8. */
  readonly text: string;
  /** The bytes on disk, where they are not UTF-8. */
  readonly raw?: Buffer;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

export function readFolderNames(folder: string): FolderName[] {
  let names: Buffer[];
  try {
    names = readdirSync(folder, { encoding: 'buffer' });
  } catch {
    return [];
  }
  return names.map(folderName);
}

export function folderName(bytes: Buffer): FolderName {
  try {
    return { text: UTF8.decode(bytes) };
  } catch {
    return { text: printable(bytes), raw: bytes };
  }
}

/** Each byte outside ASCII as %XX: readable, reversible enough to find it in a log, and ASCII. */
export function printable(bytes: Buffer): string {
  let text = '';
  for (const byte of bytes) text += byte < 0x80 ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  return text;
}

/** The path to hand to fs: a string, or bytes where the name is not UTF-8. */
export function nameOnDisk(folder: string, name: FolderName): string | Buffer {
  return name.raw === undefined ? join(folder, name.text) : Buffer.concat([Buffer.from(`${folder}/`), name.raw]);
}

/** The same, for a manifest's name and its recorded bytes (base64), if any. */
export function manifestNameOnDisk(folder: string, text: string, rawNames: Readonly<Record<string, string>> | undefined): string | Buffer {
  const raw = rawNames?.[text];
  return nameOnDisk(folder, raw === undefined ? { text } : { text, raw: Buffer.from(raw, 'base64') });
}
