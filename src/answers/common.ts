// What the receipt and the notification share: the file identification, the processor, the
// anomalies and the omitted counts (ACK.md).
import type { Finding, FindingKeys, Lang, MessageData } from '../findings.js';
import { LANGS } from '../findings.js';
import { formatMessage } from '../messages/catalogue.js';
import { RULE_SET, VERSION } from '../version.js';
import { attrs, cap, leaf, MAX_XPATH_CHARS, text } from './xml.js';

import type { Environment } from '../ledger/store.js';

export type { Environment };

export interface Processor {
  readonly version: string;
  readonly ruleSet: string;
}

/** The part of an answer that identifies the received file; the same in ACRF and NOTI. */
export interface AnswerHeader {
  readonly ticket: string;
  /** The received file's name (in the drop folder: the FI name); not a path. */
  readonly fileName: string;
  /** Hex SHA-256 of the received bytes; taken from the report when absent. */
  readonly sha256?: string;
  readonly environment: Environment;
  /** The languages of the labels, in this order; nl, fr, en by default. */
  readonly languages?: readonly Lang[];
  /** Zone offset of the timestamps in minutes east of UTC; the local zone by default. */
  readonly utcOffsetMinutes?: number;
  /** fla-batch's version and rule set by default. */
  readonly processor?: Processor;
}

const SHA256 = /^[0-9a-f]{64}$/;
const TICKET = /^[!-~]{1,64}$/;
const CODE = /^(ACRF|[0-9]{5})-[0-9]{3}$/;

/** Programming errors surface here instead of as an answer that does not validate. */
export function checkHeader(header: AnswerHeader, sha256: string | undefined): string {
  if (!TICKET.test(header.ticket)) throw new TypeError(`answer: invalid ticket ${JSON.stringify(header.ticket)}`);
  if (sha256 === undefined || !SHA256.test(sha256)) throw new TypeError(`answer: invalid sha256 ${JSON.stringify(sha256)}`);
  if (!['R', 'T', 'S'].includes(header.environment)) throw new TypeError(`answer: invalid environment ${JSON.stringify(header.environment)}`);
  return sha256;
}

export function languagesOf(header: AnswerHeader): readonly Lang[] {
  const langs = [...new Set(header.languages ?? LANGS)].filter((l) => (LANGS as readonly string[]).includes(l));
  return langs.length > 0 ? langs : LANGS;
}

export function identification(indent: string, header: AnswerHeader, sha256: string): string {
  return leaf(indent, 'Ticket', header.ticket) + leaf(indent, 'FileName', header.fileName) + leaf(indent, 'Sha256', sha256);
}

export function processor(indent: string, header: AnswerHeader): string {
  const p = header.processor ?? { version: VERSION, ruleSet: RULE_SET };
  return `${indent}<Processor${attrs({ name: 'fla-batch', version: cap(p.version, 100), ruleSet: cap(p.ruleSet, 100) })}/>\n`;
}

const KEY_ORDER: readonly (keyof FindingKeys)[] = ['CompanyID', 'NaturalPersonSequenceNbr', 'INSS', 'TrainingUserReference', 'Year', 'RightType'];

function positive(n: number | undefined): number | undefined {
  return n !== undefined && Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

/** Message data with every string value capped, so that a hostile value cannot make a huge label. */
function cappedData(data: MessageData): MessageData {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(data)) out[k] = typeof v === 'string' ? cap(v) : v;
  return out;
}

export function anomaly(indent: string, finding: Finding, langs: readonly Lang[]): string {
  const code = CODE.test(finding.code) ? finding.code : undefined;
  if (code === undefined) throw new TypeError(`answer: invalid rule code ${JSON.stringify(finding.code)}`);
  const inner = `${indent}  `;
  let out = `${indent}<Anomaly${attrs({ code, severity: finding.severity, scope: finding.scope })}>\n`;
  const line = positive(finding.line);
  const column = positive(finding.column);
  const xpath = finding.xpath === undefined ? undefined : cap(finding.xpath, MAX_XPATH_CHARS);
  if (line !== undefined || column !== undefined || xpath !== undefined) out += `${inner}<Location${attrs({ line, column, xpath })}/>\n`;
  const keys = finding.keys;
  if (keys !== undefined) {
    let k = '';
    for (const name of KEY_ORDER) {
      const v = keys[name];
      if (v !== undefined) k += leaf(`${inner}  `, name, v);
    }
    if (k !== '') out += `${inner}<Keys>\n${k}${inner}</Keys>\n`;
  }
  out += leaf(inner, 'Value', finding.value);
  const data = cappedData(finding.data);
  for (const lang of langs) {
    out += `${inner}<Label xml:lang="${lang}">${text(formatMessage(lang, finding.code, finding.messageId, data))}</Label>\n`;
  }
  return `${out}${indent}</Anomaly>\n`;
}

/** `<Omitted>` with one `<Code>` per code (sorted), or nothing when none was left out. */
export function omitted(indent: string, counts: Readonly<Record<string, number>> | undefined, include: (code: string) => boolean = () => true): string {
  const entries = Object.entries(counts ?? {})
    .filter(([code, n]) => include(code) && CODE.test(code) && Number.isSafeInteger(n) && n > 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (entries.length === 0) return '';
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  let out = `${indent}<Omitted${attrs({ total })}>\n`;
  for (const [code, count] of entries) out += `${indent}  <Code${attrs({ code, count })}/>\n`;
  return `${out}${indent}</Omitted>\n`;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
