import type { Finding, Lang } from '../findings.js';
import { formatMessage } from '../messages/catalogue.js';

export function messageOf(finding: Finding, lang: Lang): string {
  return formatMessage(lang, finding.code, finding.messageId, finding.data);
}
