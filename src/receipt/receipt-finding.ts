import type { Finding, MessageData } from '../findings.js';

/** Every receipt finding is blocking and rejects the whole file (RULES.md "Receipt layer"). */
export function receiptFinding(code: string, messageId: string, data: MessageData, line?: number, column?: number, extra: Partial<Finding> = {}): Finding {
  return {
    code,
    severity: 'B',
    scope: 'FILE',
    layer: 'receipt',
    messageId,
    data,
    ...(line !== undefined ? { line } : {}),
    ...(column !== undefined ? { column } : {}),
    ...extra,
  };
}
