// Reads like a compiler's output: file:line:col  severity  code  message, then a summary.
import type { Reporter } from './reporter.js';
import { messageOf } from './render.js';
import { terminalSafe } from './terminal-text.js';

export const textReporter: Reporter = (run, { lang, verbose }) => {
  const lines: string[] = [];
  let blocking = 0;
  let warnings = 0;
  for (const file of run.files) {
    for (const f of file.findings) {
      if (f.severity === 'I' && !verbose) continue;
      const where = f.line === undefined ? file.file : `${file.file}:${f.line}:${f.column ?? 1}`;
      lines.push(`${where}  ${f.severity}  ${f.code}  ${messageOf(f, lang)}`);
    }
    for (const [code, n] of Object.entries(file.omitted)) lines.push(`${file.file}  …  ${code}  ${n} more finding(s) left out (--max-findings)`);
    blocking += file.counts.B;
    warnings += file.counts.W;
    const t = file.totals;
    lines.push(`${file.file}: ${file.status} — persons ${t.persons.accepted}/${t.persons.received} accepted, rights ${t.rights.accepted}/${t.rights.received}, trainings ${t.trainings.accepted}/${t.trainings.received}`);
  }
  const rejected = run.files.filter((f) => f.status === 'REJECTED').length;
  // A partially accepted file is no accepted one: some of it was rejected and must be sent again.
  const partially = run.files.filter((f) => f.status === 'PARTIALLY_ACCEPTED').length;
  const accepted = `${run.files.length - rejected - partially} accepted${partially > 0 ? `, ${partially} partially accepted` : ''}`;
  lines.push(`${run.files.length} file(s): ${accepted}, ${rejected} rejected; ${blocking} blocking, ${warnings} warning(s)`);
  // File names and declared values (in the messages) may hold characters that act on the terminal.
  return `${lines.map(terminalSafe).join('\n')}\n`;
};
