// JSON logs (pino), one line per state change. A national register number (11 digits) never
// reaches a log line: every string is masked on the way out, whatever logged it.
import pino, { type Logger } from 'pino';

const INSZ = /(?<!\d)(\d{2})\d{7}(\d{2})(?!\d)/g;
/**
 * The same number as people print it: 68.12.18-713.65, 681218-71365, 681218 713 65. Bounded by
 * anything but a word character or a further digit group, so that tickets (…-000001-12345abc) stay.
 */
const PRINTED_INSZ = /(?<!\w|\d[.\- ])\d{2}(?:\.\d{2}\.\d{2}-\d{3}\.|\d{4}-\d{3}|\d{4} \d{3} )\d{2}(?!\w|[.\- ]\d)/g;

export function maskInsz(text: string): string {
  return text
    .replace(INSZ, '$1*******$2')
    .replace(PRINTED_INSZ, (found) => `${found.slice(0, 2)}${found.slice(2, -2).replace(/\d/g, '*')}${found.slice(-2)}`);
}

function maskDeep(value: unknown): unknown {
  if (typeof value === 'string') return maskInsz(value);
  if (Array.isArray(value)) return value.map(maskDeep);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskDeep(v)]));
  return value;
}

export function createLogger(destination: pino.DestinationStream | NodeJS.WritableStream = process.stdout, level = 'info'): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { log: (object) => maskDeep(object) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => (typeof a === 'string' ? maskInsz(a) : a)) as Parameters<typeof method>);
        },
      },
    },
    destination as pino.DestinationStream,
  );
}

export type { Logger };
