import { ChunkWriter } from '../chunk-writer.js';
import { FlaError } from '../errors.js';
import { RIGHT_TYPES } from '../ledger/allocation.js';
import { counterEntries, type CounterEntry, type CounterQuery } from '../ledger/counters.js';
import { ledgerError, openLedger } from '../ledger/database.js';
import { FLA_2024_WINDOWS, windowLabel, windowStart } from '../ledger/windows.js';
import { terminalSafe } from '../report/terminal-text.js';
import { resolveSettings } from './config.js';

export async function countersCommand(flags: Record<string, unknown>): Promise<number> {
  const settings = resolveSettings({ db: flags.db });
  const query: { -readonly [K in keyof CounterQuery]: CounterQuery[K] } = {};
  if (flags.company !== undefined) query.companyId = String(flags.company);
  if (flags.inss !== undefined) query.inss = String(flags.inss);
  if (flags.name !== undefined) query.name = String(flags.name);
  if (flags.year !== undefined) query.year = year(flags.year);
  if (flags.window !== undefined) query.windowStart = window(String(flags.window));
  if (query.year !== undefined && query.windowStart !== undefined && windowStart(query.year) !== query.windowStart) {
    throw new FlaError('FLA_ERR_USAGE', `--year ${query.year} lies in the window ${windowLabel(windowStart(query.year))}, not in --window ${windowLabel(query.windowStart)}`);
  }
  const format = String(flags.format ?? 'text');
  const db = openLedger(settings.db, { readonly: true });
  try {
    await (format === 'json' ? writeJson : writeTable)(counterEntries(db, query), new ChunkWriter(process.stdout));
  } catch (error) {
    throw ledgerError(error, settings.db);
  } finally {
    db.close();
  }
  return 0;
}

function year(value: unknown): number {
  const n = Number(value);
  // Digits only: Number() also reads 0x7e8 and 2.026e3 as 2024 and 2026.
  if (!/^[0-9]{4}$/.test(String(value)) || n < 2000 || n > 2200) throw new FlaError('FLA_ERR_USAGE', `--year must be a year like 2026 (got "${String(value)}")`);
  return n;
}

/** A window's first year from `2024` or `2024-2028`; windows are fixed (src/ledger/windows.ts), so `2025` names none. */
export function window(value: string): number {
  const { anchor, length } = FLA_2024_WINDOWS;
  const match = /^([0-9]{4})(?:-([0-9]{4}))?$/.exec(value);
  const start = match === null ? NaN : Number(match[1]);
  if (match !== null && start >= anchor && windowStart(start) === start && (match[2] === undefined || windowLabel(start) === value)) return start;
  const within = match !== null && match[2] === undefined && start >= anchor ? `, which lies in ${windowLabel(windowStart(start))}` : '';
  throw new FlaError('FLA_ERR_USAGE', `--window must be a five-year window, by its first year or in full: ${anchor} or ${windowLabel(anchor)}, ${anchor + length} or ${windowLabel(anchor + length)}, … (got "${value}"${within})`);
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

/** CLI.md "Counters JSON", entry by entry; the same text as JSON.stringify({ counters }, null, 2). */
async function writeJson(entries: Iterable<CounterEntry>, out: ChunkWriter): Promise<void> {
  let first = true;
  for (const e of entries) {
    out.push(`${first ? '{\n  "counters": [\n' : ',\n'}${JSON.stringify(toJson(e), null, 2).replace(/^/gm, '    ')}`);
    first = false;
    if (out.full) await out.flush();
  }
  out.push(first ? '{\n  "counters": []\n}\n' : '\n  ]\n}\n');
  await out.flush();
}

async function writeTable(entries: Iterable<CounterEntry>, out: ChunkWriter): Promise<void> {
  const f = (n: number): string => (n / 100).toFixed(2).padStart(8);
  let first = true;
  for (const e of entries) {
    if (first) out.push('CompanyID   INSS         name                  window     type      granted     used  remaining  uncovered\n');
    first = false;
    RIGHT_TYPES.forEach((t, i) => {
      const who = i === 0 ? `${e.CompanyID}  ${e.INSS}  ${terminalSafe(`${e.name} ${e.firstName}`.slice(0, 20)).padEnd(20)}  ${e.window}` : ' '.repeat(56);
      out.push(`${who}  ${t.padEnd(8)} ${f(e.types[t].granted)} ${f(e.types[t].used)}   ${f(e.types[t].remaining)}${i === 0 ? `   ${f(e.uncovered)}` : ''}\n`);
    });
    if (out.full) await out.flush();
  }
  if (first) out.push('no counters match\n');
  await out.flush();
}
