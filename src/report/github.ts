// GitHub Actions workflow commands: one annotation per finding, on the file and line.
import type { Severity } from '../findings.js';
import type { Reporter } from './reporter.js';
import { messageOf } from './render.js';

const COMMAND: Readonly<Record<Severity, string>> = { B: 'error', W: 'warning', I: 'notice' };

export const githubReporter: Reporter = (run, { lang, verbose }) => {
  const lines: string[] = [];
  for (const file of run.files) {
    for (const f of file.findings) {
      if (f.severity === 'I' && !verbose) continue;
      const properties = [`file=${property(file.file)}`, ...(f.line !== undefined ? [`line=${f.line}`, `col=${f.column ?? 1}`] : []), `title=${property(`${f.code} (${f.severity} ${f.scope})`)}`];
      lines.push(`::${COMMAND[f.severity]} ${properties.join(',')}::${data(messageOf(f, lang))}`);
    }
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
};

// The escaping of @actions/core: data escapes %, CR and LF; properties also ':' and ','.
function data(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function property(text: string): string {
  return data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
