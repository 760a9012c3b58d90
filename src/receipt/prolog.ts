// The first bytes decide the encoding (ACRF-138) and whether a DOCTYPE precedes the root
// (ACRF-901) — checked before libxml2 sees the file, so that no DTD is ever parsed at all.
import { open } from 'node:fs/promises';
import type { Finding } from '../findings.js';
import { receiptFinding } from './receipt-finding.js';

const SNIFF_BYTES = 64 * 1024;

export async function checkProlog(path: string): Promise<Finding[]> {
  const file = await open(path, 'r');
  try {
    const head = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await file.read(head, 0, SNIFF_BYTES, 0);
    return inspectProlog(head.subarray(0, bytesRead));
  } finally {
    await file.close();
  }
}

export function inspectProlog(head: Buffer): Finding[] {
  const detected = detectForeignEncoding(head);
  if (detected !== null) return [receiptFinding('ACRF-138', 'detected', { encoding: detected }, 1, 1)];
  const text = head.toString('latin1');
  const declared = /^(?:\xEF\xBB\xBF)?<\?xml[^>]*?encoding\s*=\s*["']([^"']*)["']/.exec(text)?.[1];
  if (declared !== undefined && !/^utf-?8$/i.test(declared)) {
    return [receiptFinding('ACRF-138', 'declared', { encoding: declared }, 1, 1)];
  }
  const doctype = /<!(DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)\b/i.exec(prologPart(text));
  if (doctype !== null) {
    const before = text.slice(0, doctype.index);
    const line = before.split('\n').length;
    return [receiptFinding('ACRF-901', 'doctype', {}, line, doctype.index - before.lastIndexOf('\n'))];
  }
  return [];
}

/** The text before the root element's start tag (comments and PIs may come first). */
function prologPart(text: string): string {
  const root = /<[^?!]/.exec(text);
  return root === null ? text : text.slice(0, root.index);
}

function detectForeignEncoding(head: Buffer): string | null {
  const b = (i: number): number => head[i] ?? -1;
  if (b(0) === 0x00 && b(1) === 0x00 && b(2) === 0xfe && b(3) === 0xff) return 'UTF-32BE';
  if (b(0) === 0xff && b(1) === 0xfe && b(2) === 0x00 && b(3) === 0x00) return 'UTF-32LE';
  if (b(0) === 0xfe && b(1) === 0xff) return 'UTF-16BE';
  if (b(0) === 0xff && b(1) === 0xfe) return 'UTF-16LE';
  if (b(0) === 0x00 && b(1) === 0x3c) return 'UTF-16BE';
  if (b(0) === 0x3c && b(1) === 0x00) return 'UTF-16LE';
  if (b(0) === 0x4c && b(1) === 0x6f && b(2) === 0xa7 && b(3) === 0x94) return 'EBCDIC';
  return null;
}
