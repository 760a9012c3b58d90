// DROPFOLDER.md "Names": FI.FLAD.<sender>.<YYYYMMDD>.<sequence>.<env>.<parts>.<part>, GO/TD with
// the same name less the part, answers FO.ACRF/FO.NOTI echoing the submission. Pure functions.

import type { Environment } from '../ledger/store.js';

export type { Environment };
export type DropArea = 'IN' | 'INTEST';

/** What the FI parts, the GO and the TD of one submission have in common. */
export interface SetName {
  readonly sender: string;
  /** YYYYMMDD, a real calendar date. */
  readonly date: string;
  /** Five alphanumerics. */
  readonly sequence: string;
  readonly env: Environment;
  /** 1–9. */
  readonly parts: number;
}

export type InvalidReason = 'grammar' | 'environment' | 'parts';

/** A refused name: why, and every field that could be read where it stands. */
export interface InvalidName {
  readonly kind: 'invalid';
  readonly reason: InvalidReason;
  readonly type?: 'FI' | 'GO' | 'TD';
  readonly sender?: string;
  readonly date?: string;
  readonly sequence?: string;
  /** The letter found, valid or not. */
  readonly env?: string;
  readonly parts?: number;
  readonly part?: number;
}

export type DropName =
  | (SetName & { readonly kind: 'FI'; readonly part: number })
  | (SetName & { readonly kind: 'GO' })
  | (SetName & { readonly kind: 'TD' })
  | InvalidName
  | { readonly kind: 'other' };

export type SubmissionName = Extract<DropName, { kind: 'FI' | 'GO' | 'TD' }>;

const SENDER = /^\d{6}$/;
const DATE = /^\d{8}$/;
const SEQUENCE = /^[A-Za-z0-9]{5}$/;
const LETTER = /^[A-Za-z]$/;
const NUMBER = /^(0|[1-9]\d*)$/;
/** Editor swap and backup files, and the temporary names of SFTP clients: not ours to answer. */
const NOT_OURS = /(~|\.swp|\.swo|\.swx|\.tmp|\.part|\.filepart)$/;

export function parseDropName(name: string): DropName {
  const type = name.slice(0, 2);
  if (name[2] !== '.' || (type !== 'FI' && type !== 'GO' && type !== 'TD') || NOT_OURS.test(name)) return { kind: 'other' };
  const fields = name.split('.');
  const [, flad, sender, date, sequence, env, partsText, partText] = fields;
  const readable = {
    type,
    ...(sender !== undefined && SENDER.test(sender) ? { sender } : {}),
    ...(date !== undefined && DATE.test(date) && realDate(date) ? { date } : {}),
    ...(sequence !== undefined && SEQUENCE.test(sequence) ? { sequence } : {}),
    ...(env !== undefined && LETTER.test(env) ? { env } : {}),
    ...(partsText !== undefined && NUMBER.test(partsText) ? { parts: Number(partsText) } : {}),
    ...(type === 'FI' && partText !== undefined && NUMBER.test(partText) ? { part: Number(partText) } : {}),
  } as const;
  const invalid = (reason: InvalidReason): InvalidName => ({ kind: 'invalid', reason, ...readable });
  const expectedFields = type === 'FI' ? 8 : 7;
  if (fields.length !== expectedFields || flad !== 'FLAD') return invalid('grammar');
  if (readable.sender === undefined || readable.date === undefined || readable.sequence === undefined || readable.env === undefined || readable.parts === undefined) return invalid('grammar');
  if (type === 'FI' && readable.part === undefined) return invalid('grammar');
  if (readable.env !== 'R' && readable.env !== 'T' && readable.env !== 'S') return invalid('environment');
  const parts = readable.parts;
  const part = readable.part ?? 1;
  if (parts < 1 || parts > 9 || part < 1 || part > parts) return invalid('parts');
  const set: SetName = { sender: readable.sender, date: readable.date, sequence: readable.sequence, env: readable.env, parts };
  if (type === 'FI') return { ...set, kind: 'FI', part };
  return type === 'GO' ? { ...set, kind: 'GO' } : { ...set, kind: 'TD' };
}

/** What ties the FI parts, the GO and the TD of one submission: sender.date.sequence.env.parts. */
export function submissionKey(n: SetName): string {
  return `${n.sender}.${n.date}.${n.sequence}.${n.env}.${n.parts}`;
}

/** The part of the answers' names that echoes the submission: sender.date.sequence.env. */
export function answerBase(n: SetName): string {
  return `${n.sender}.${n.date}.${n.sequence}.${n.env}`;
}

/**
 * FO.ACRF.<sender>.<YYYYMMDD>.<sequence>.<env>, with the ticket as an eighth part where the name is
 * already taken. `submission` is a parsed name, or a base string: a submissionKey, an answerBase or
 * a bestEffortAnswerBase (a leading `FLAD.` and anything after the fourth field are dropped).
 */
export function answerName(kind: 'ACRF' | 'NOTI', submission: SetName | string, ticket?: string): string {
  return `FO.${kind}.${baseOf(submission)}${ticket === undefined ? '' : `.${ticket}`}`;
}

/** The GO marker written once the answer of the same name is complete. */
export function answerGoName(kind: 'ACRF' | 'NOTI', submission: SetName | string, ticket?: string): string {
  return `GO.${kind}.${baseOf(submission)}${ticket === undefined ? '' : `.${ticket}`}`;
}

export type RefusalCode = 'ACRF-131' | 'ACRF-108' | 'ACRF-117' | 'ACRF-118';

export interface Refusal {
  readonly code: RefusalCode;
  /** The message of the code in src/messages/{en,nl,fr}/receipt.ts. */
  readonly messageId: 'badName' | 'otherSender' | 'environment' | 'wrongFolder';
  readonly data: Readonly<Record<string, string>>;
}

/**
 * Every receipt code a name earns in a sender's folder, the most telling first (a broken name
 * before a wrong sender, a wrong sender before a wrong folder); none for a good name in its place,
 * nor for a file that is not FI/GO/TD.
 */
export function checkFolder(name: string, folder: { readonly sender: string; readonly area: DropArea }): Refusal[] {
  const parsed = parseDropName(name);
  if (parsed.kind === 'other') return [];
  const refusals: Refusal[] = [];
  if (parsed.kind === 'invalid') {
    if (parsed.reason === 'environment') refusals.push({ code: 'ACRF-117', messageId: 'environment', data: { found: parsed.env ?? '' } });
    else refusals.push({ code: 'ACRF-131', messageId: 'badName', data: { name } });
  }
  if (parsed.sender !== undefined && parsed.sender !== folder.sender) refusals.push({ code: 'ACRF-108', messageId: 'otherSender', data: { found: parsed.sender, sender: folder.sender } });
  const env = parsed.env;
  if (env === 'R' || env === 'T' || env === 'S') {
    const expected: DropArea = env === 'R' ? 'IN' : 'INTEST';
    if (expected !== folder.area) refusals.push({ code: 'ACRF-118', messageId: 'wrongFolder', data: { env, expected, folder: folder.area } });
  }
  return refusals;
}

/**
 * What ties the files of a refused submission together, as submissionKey does for good names: the
 * name less its FI/GO/TD and, for an FI, less its last field (the part), so that
 * FI.FLAD.012345.2026042.00005.R.1.1 and GO.FLAD.012345.2026042.00005.R.1 get one receipt.
 */
export function refusedSetKey(name: string): string {
  const fields = name.split('.').slice(1);
  if (name.startsWith('FI.') && fields.length > 1) fields.pop();
  return fields.join('.');
}

/**
 * For a refused name, the base of its negative receipt's name "as far as it can be read"
 * (DROPFOLDER.md): the four fields after FI/GO/TD and FLAD as written, characters that have no
 * place in a name replaced by `_`, each cut to 20 characters; `UNREADABLE` when nothing is left.
 */
export function bestEffortAnswerBase(name: string): string {
  const fields = name.split('.').slice(1);
  if (fields[0] === 'FLAD') fields.shift();
  const kept = fields
    .slice(0, 4)
    .map((f) => f.replace(/[^A-Za-z0-9-]/g, '_').slice(0, 20))
    .filter((f) => f.length > 0);
  return kept.length > 0 ? kept.join('.') : 'UNREADABLE';
}

function baseOf(submission: SetName | string): string {
  if (typeof submission !== 'string') return answerBase(submission);
  const text = submission.startsWith('FLAD.') ? submission.slice('FLAD.'.length) : submission;
  return text.split('.').slice(0, 4).join('.');
}

function realDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
