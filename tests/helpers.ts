// Tests run the compiled engine (dist/, built by `npm test`), exactly as `bin/fla` does.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');
export const FIXTURES = join(ROOT, 'fixtures');
export const BIN = join(ROOT, 'bin', 'fla');

export function tempDir(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'fla-test-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

const LEDGER_TABLES: Record<string, string> = {
  received_files: 'sender, file_name, sha256, environment, receipt_code, status',
  forms: 'form_index, sender, reference_nbr, company_id, quarter, result_code',
  workers: 'company_id, inss, name, first_name',
  persons: 'sequence_nbr, company_id, inss, result_code',
  right_versions: 'company_id, inss, year, right_type, hours, current',
  training_versions: 'company_id, user_reference, inss, action, cancelled, start_day, end_day, year, hours, uses_credit, right_type, current',
  findings: 'code, severity, line, xpath, value',
  counters: 'company_id, inss, window_start, legal_granted, legal_used, sector_granted, sector_used, employer_granted, employer_used, uncovered, years',
};

/** A ledger's content without what differs between two runs (tickets, times, ids), to compare ledgers. */
export async function dumpLedger(path: string): Promise<string> {
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(path, { readonly: true });
  try {
    return JSON.stringify(Object.entries(LEDGER_TABLES).map(([table, columns]) => db.prepare(`SELECT ${columns} FROM ${table} ORDER BY ${columns}`).all()));
  } finally {
    db.close();
  }
}
