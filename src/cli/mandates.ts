// `fla mandates list|add|remove`: the sender → employer mandates of DROPFOLDER.md "Authorisation".
import { FlaError } from '../errors.js';
import { openLedger } from '../ledger/database.js';
import { FLA_2024 } from '../rules/rule.js';
import { addMandate, listMandates, mandatesConfigured, removeMandate, type Mandate } from '../watch/mandates.js';
import { resolveSettings } from './config.js';

/** Without --from a mandate holds from the first day of the FLA scheme. */
export const DEFAULT_VALID_FROM = FLA_2024.since;

export async function mandatesListCommand(flags: Record<string, unknown>): Promise<number> {
  const settings = resolveSettings({ db: flags.db });
  const db = openLedger(settings.db, { readonly: true });
  let mandates: Mandate[];
  let configured: boolean;
  try {
    mandates = listMandates(db, { ...(flags.sender !== undefined ? { sender: String(flags.sender) } : {}), ...(flags.company !== undefined ? { companyId: String(flags.company) } : {}) });
    configured = mandatesConfigured(db);
  } finally {
    db.close();
  }
  if (String(flags.format ?? 'text') === 'json') {
    process.stdout.write(`${JSON.stringify({ configured, mandates: mandates.map((m) => ({ sender: m.sender, CompanyID: m.companyId, validFrom: m.validFrom, validUntil: m.validUntil })) }, null, 2)}\n`);
    return 0;
  }
  if (mandates.length === 0) {
    process.stdout.write(configured ? 'no mandates match\n' : 'no mandates configured: every sender may declare for any employer\n');
    return 0;
  }
  const lines = ['sender  CompanyID   from        until', ...mandates.map((m) => `${m.sender}  ${m.companyId}  ${m.validFrom}  ${m.validUntil ?? '-'}`)];
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

export async function mandatesAddCommand(flags: Record<string, unknown>): Promise<number> {
  const settings = resolveSettings({ db: flags.db });
  const db = openLedger(settings.db);
  try {
    const m = addMandate(db, { sender: required(flags, 'sender'), companyId: required(flags, 'company'), validFrom: flags.from === undefined ? DEFAULT_VALID_FROM : String(flags.from), validUntil: flags.until === undefined ? null : String(flags.until) });
    process.stdout.write(`mandate: sender ${m.sender} for ${m.companyId} from ${m.validFrom} ${m.validUntil === null ? '(open-ended)' : `until ${m.validUntil}`}\n`);
  } finally {
    db.close();
  }
  return 0;
}

export async function mandatesRemoveCommand(flags: Record<string, unknown>): Promise<number> {
  const settings = resolveSettings({ db: flags.db });
  const db = openLedger(settings.db);
  try {
    const sender = required(flags, 'sender');
    const companyId = required(flags, 'company');
    const from = flags.from === undefined ? undefined : String(flags.from);
    const removed = removeMandate(db, { sender, companyId, ...(from !== undefined ? { validFrom: from } : {}) });
    if (removed === 0) throw new FlaError('FLA_ERR_USAGE', `sender ${sender} holds no mandate for ${companyId}${from !== undefined ? ` starting ${from}` : ''}; see fla mandates list`);
    process.stdout.write(`removed ${removed} mandate${removed === 1 ? '' : 's'} of sender ${sender} for ${companyId}\n`);
  } finally {
    db.close();
  }
  return 0;
}

function required(flags: Record<string, unknown>, name: string): string {
  const value = flags[name];
  if (value === undefined) throw new FlaError('FLA_ERR_USAGE', `--${name} is required`);
  return String(value);
}
