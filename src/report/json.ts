// CLI.md "JSON report": the shape other tools rely on.
import type { Reporter } from './reporter.js';
import { messageOf } from './render.js';

export const jsonReporter: Reporter = (run, { lang }) => {
  const summary = { files: run.files.length, accepted: 0, rejected: 0, findings: { B: 0, W: 0, I: 0 } };
  const files = run.files.map((file) => {
    if (file.status === 'REJECTED') summary.rejected++;
    else summary.accepted++;
    for (const severity of ['B', 'W', 'I'] as const) summary.findings[severity] += file.counts[severity];
    return {
      file: file.file,
      sha256: file.sha256,
      status: file.status,
      layers: file.layers,
      findings: file.findings.map((f) => ({
        code: f.code,
        severity: f.severity,
        scope: f.scope,
        ...(f.line !== undefined ? { line: f.line } : {}),
        ...(f.column !== undefined ? { column: f.column } : {}),
        ...(f.xpath !== undefined ? { xpath: f.xpath } : {}),
        ...(f.keys !== undefined ? { keys: f.keys } : {}),
        ...(f.value !== undefined ? { value: f.value } : {}),
        message: messageOf(f, lang),
      })),
      ...(Object.keys(file.omitted).length > 0 ? { omitted: file.omitted } : {}),
      totals: file.totals,
    };
  });
  return `${JSON.stringify({ tool: run.tool, files, summary }, null, 2)}\n`;
};
