// Every code a report can carry: the receipt codes and the rule catalogue, with their meta.
import type { Scope, Severity } from '../findings.js';
import { RECEIPT_CODES } from '../receipt/codes.js';
import { RULES } from '../rules/registry.js';

export interface CodeInfo {
  readonly code: string;
  readonly severity: Severity;
  readonly scope: Scope;
  readonly layer: 'receipt' | 'rules' | 'ledger';
}

export const ALL_CODES: readonly CodeInfo[] = [
  ...RECEIPT_CODES.map((code) => ({ code, severity: 'B' as const, scope: 'FILE' as const, layer: 'receipt' as const })),
  ...RULES.map(({ meta }) => ({ code: meta.code, severity: meta.severity, scope: meta.scope, layer: meta.layer })),
];
