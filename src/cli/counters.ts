import { FlaError } from '../errors.js';
import { RIGHT_TYPES } from '../ledger/allocation.js';
import { queryCounters, type CounterEntry, type CounterQuery } from '../ledger/counters.js';
import { openLedger } from '../ledger/database.js';
import { resolveSettings } from './config.js';

export async function countersCommand(flags: Record<string, unknown>): Promise<number> {
  const settings = resolveSettings({ db: flags.db });
  const query: { -readonly [K in keyof CounterQuery]: CounterQuery[K] } = {};
  if (flags.company !== undefined) query.companyId = String(flags.company);
  if (flags.inss !== undefined) query.inss = String(flags.inss);
  if (flags.name !== undefined) query.name = String(flags.name);
  if (flags.year !== undefined) query.year = year('year', flags.year);
  if (flags.window !== undefined) query.windowStart = year('window', String(flags.window).split('-')[0]);
  const db = openLedger(settings.db, { readonly: true });
  let entries: CounterEntry[];
  try {
    entries = queryCounters(db, query);
  } finally {
    db.close();
  }
  const format = String(flags.format ?? 'text');
  process.stdout.write(format === 'json' ? `${JSON.stringify({ counters: entries.map(toJson) }, null, 2)}\n` : table(entries));
  return 0;
}

function year(name: string, value: unknown): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 2000 || n > 2200) throw new FlaError('FLA_ERR_USAGE', `--${name} must be a year like 2026 (got "${String(value)}")`);
  return n;
}

const h = (hundredths: number): number => Math.round(hundredths) / 100;

/** CLI.md "Counters JSON": hours as numbers with two decimals, every type present. */
function toJson(e: CounterEntry) {
  return {
    CompanyID: e.CompanyID,
    INSS: e.INSS,
    window: e.window,
    types: Object.fromEntries(RIGHT_TYPES.map((t) => [t, { granted: h(e.types[t].granted), used: h(e.types[t].used), remaining: h(e.types[t].remaining) }])),
    years: Object.fromEntries(Object.entries(e.years).map(([y, types]) => [y, Object.fromEntries(Object.entries(types).map(([t, f]) => [t, { granted: h(f!.granted), used: h(f!.used) }]))])),
    uncovered: h(e.uncovered),
  };
}

function table(entries: readonly CounterEntry[]): string {
  if (entries.length === 0) return 'no counters match\n';
  const f = (n: number): string => (n / 100).toFixed(2).padStart(8);
  const lines = ['CompanyID   INSS         name                  window     type      granted     used  remaining  uncovered'];
  for (const e of entries) {
    RIGHT_TYPES.forEach((t, i) => {
      const who = i === 0 ? `${e.CompanyID}  ${e.INSS}  ${`${e.name} ${e.firstName}`.slice(0, 20).padEnd(20)}  ${e.window}` : ' '.repeat(56);
      lines.push(`${who}  ${t.padEnd(8)} ${f(e.types[t].granted)} ${f(e.types[t].used)}   ${f(e.types[t].remaining)}${i === 0 ? `   ${f(e.uncovered)}` : ''}`);
    });
  }
  return `${lines.join('\n')}\n`;
}
