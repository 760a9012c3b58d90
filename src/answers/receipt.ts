// The receipt (ACK.md "Receipt — root ACRF").
import type { FileReport } from '../engine.js';
import type { Finding } from '../findings.js';
import { anomaly, checkHeader, identification, languagesOf, omitted, processor, XML_DECLARATION, type AnswerHeader } from './common.js';
import { ACK_NS, formatTimestamp, leaf } from './xml.js';

/** What a receipt needs of a FileReport (a drop-folder refusal can build one by hand). */
export interface ReceiptReport {
  readonly sha256?: string;
  readonly findings: readonly Finding[];
  readonly omitted?: Readonly<Record<string, number>>;
  readonly layers?: Pick<FileReport['layers'], 'receipt'>;
}

export interface ReceiptInput extends AnswerHeader {
  readonly receivedAt: Date;
  readonly report: ReceiptReport;
  /** Overrides the result derived from the report (0 when the receipt layer failed or has a B finding). */
  readonly resultCode?: 0 | 1;
}

/** The receipt's result: 1 positive, 0 negative. */
export function receiptResult(report: ReceiptReport): 0 | 1 {
  if (report.layers?.receipt === 'failed') return 0;
  return report.findings.some((f) => f.layer === 'receipt' && f.severity === 'B') ? 0 : 1;
}

export function writeReceipt(input: ReceiptInput): string {
  const { report } = input;
  const sha256 = checkHeader(input, input.sha256 ?? report.sha256);
  const langs = languagesOf(input);
  const resultCode = input.resultCode ?? receiptResult(report);
  const parts: string[] = [XML_DECLARATION, `<ACRF xmlns="${ACK_NS}">\n`];
  parts.push(identification('  ', input, sha256));
  parts.push(leaf('  ', 'ReceivedAt', formatTimestamp(input.receivedAt, input.utcOffsetMinutes)));
  parts.push(leaf('  ', 'Environment', input.environment));
  parts.push(processor('  ', input));
  parts.push(leaf('  ', 'ResultCode', resultCode));
  for (const f of report.findings) if (f.layer === 'receipt') parts.push(anomaly('  ', f, langs));
  parts.push(omitted('  ', report.omitted, (code) => code.startsWith('ACRF-')));
  parts.push('</ACRF>\n');
  return parts.join('');
}
