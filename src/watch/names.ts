// DROPFOLDER.md "Names": FI.FLAD.<sender>.<YYYYMMDD>.<sequence>.<env>.<parts>.<part>, GO/TD with
// the same name less the part, answers FO.ACRF/FO.NOTI echoing the submission.
import type { Area } from './state.js';

export type Environment = 'R' | 'T' | 'S';

export interface SetName {
  readonly sender: string;
  readonly date: string;
  readonly sequence: string;
  readonly env: Environment;
  readonly parts: number;
}

export type DropName =
  | (SetName & { readonly kind: 'FI'; readonly part: number })
  | (SetName & { readonly kind: 'GO' | 'TD' })
  | { readonly kind: 'invalid'; readonly reason: 'grammar' | 'environment' | 'parts'; readonly sender?: string; readonly env?: string }
  | { readonly kind: 'other' };

const NAME = /^(FI|GO|TD)\.FLAD\.(\d{6})\.(\d{8})\.([A-Za-z0-9]{5})\.([A-Za-z])\.(\d)(?:\.(\d))?$/;

export function parseDropName(name: string): DropName {
  const prefix = name.slice(0, 3);
  if (prefix !== 'FI.' && prefix !== 'GO.' && prefix !== 'TD.') return { kind: 'other' };
  const m = NAME.exec(name);
  if (m === null) return { kind: 'invalid', reason: 'grammar', ...readable(name) };
  const [, kind, sender, date, sequence, env, partsText, partText] = m as unknown as [string, 'FI' | 'GO' | 'TD', string, string, string, string, string, string | undefined];
  if ((kind === 'FI') !== (partText !== undefined) || !realDate(date)) return { kind: 'invalid', reason: 'grammar', sender, env };
  if (env !== 'R' && env !== 'T' && env !== 'S') return { kind: 'invalid', reason: 'environment', sender, env };
  const parts = Number(partsText);
  const part = Number(partText ?? 0);
  if (parts < 1 || (kind === 'FI' && (part < 1 || part > parts))) return { kind: 'invalid', reason: 'parts', sender, env };
  const set: SetName = { sender, date, sequence, env, parts };
  return kind === 'FI' ? { ...set, kind, part } : { ...set, kind };
}

/** What ties the parts, the GO and the TD of one submission; also the base of its answers' names. */
export function submissionKey(n: SetName): string {
  return `FLAD.${n.sender}.${n.date}.${n.sequence}.${n.env}`;
}

/** FO.ACRF.<sender>.<date>.<sequence>.<env>, the ticket as an eighth part where the name is taken. */
export function answerName(kind: 'ACRF' | 'NOTI', base: string, ticket?: string): string {
  return `FO.${kind}.${stripFlad(base)}${ticket === undefined ? '' : `.${ticket}`}`;
}

export function answerGoName(kind: 'ACRF' | 'NOTI', base: string, ticket?: string): string {
  return `GO.${kind}.${stripFlad(base)}${ticket === undefined ? '' : `.${ticket}`}`;
}

export interface Refusal {
  readonly code: 'ACRF-131' | 'ACRF-108' | 'ACRF-117' | 'ACRF-118';
  readonly messageId: string;
  readonly data: Readonly<Record<string, string>>;
}

/** The receipt codes a name earns in a folder, the most telling first; none for a good name. */
export function checkFolder(name: string, folder: { readonly sender: string; readonly area: Area }): Refusal[] {
  const parsed = parseDropName(name);
  if (parsed.kind === 'other') return [];
  if (parsed.kind === 'invalid') {
    if (parsed.reason === 'environment') return [{ code: 'ACRF-117', messageId: 'environment', data: { found: parsed.env ?? '' } }];
    return [{ code: 'ACRF-131', messageId: 'badName', data: { name } }];
  }
  const refusals: Refusal[] = [];
  if (parsed.sender !== folder.sender) refusals.push({ code: 'ACRF-108', messageId: 'otherSender', data: { found: parsed.sender, sender: folder.sender } });
  const expected: Area = parsed.env === 'R' ? 'IN' : 'INTEST';
  if (expected !== folder.area) refusals.push({ code: 'ACRF-118', messageId: 'wrongFolder', data: { env: parsed.env, expected, folder: folder.area } });
  return refusals;
}

/** For a refused name: its answer base "as far as it can be read" (DROPFOLDER.md). */
export function bestEffortAnswerBase(name: string): string {
  const fields = name.split('.').slice(1, 6).map((f) => f.replace(/[^A-Za-z0-9-]/g, '_')).filter((f) => f.length > 0);
  return fields.length > 0 ? fields.join('.') : 'UNREADABLE';
}

function stripFlad(base: string): string {
  return base.startsWith('FLAD.') ? base.slice(5) : base;
}

function readable(name: string): { sender?: string; env?: string } {
  const fields = name.split('.');
  const sender = fields[2];
  return sender !== undefined && /^\d{6}$/.test(sender) ? { sender } : {};
}

function realDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
