// SARIF 2.1.0: the catalogue as tool.driver.rules, each finding a result with a physical
// location (file, line, column) and its XPath as a logical location.
import type { Severity } from '../findings.js';
import type { Reporter } from './reporter.js';
import { describeCode } from '../messages/catalogue.js';
import { ALL_CODES } from './codes.js';
import { messageOf } from './render.js';

const LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = { B: 'error', W: 'warning', I: 'note' };

export const sarifReporter: Reporter = (run, { lang, verbose }) => {
  const index = new Map(ALL_CODES.map((c, i) => [c.code, i]));
  const rules = ALL_CODES.map((c) => ({
    id: c.code,
    shortDescription: { text: describeCode(c.code, lang) },
    defaultConfiguration: { level: LEVEL[c.severity] },
    properties: { severity: c.severity, scope: c.scope, layer: c.layer },
  }));
  const results = run.files.flatMap((file) =>
    file.findings
      .filter((f) => f.severity !== 'I' || verbose)
      .map((f) => ({
        ruleId: f.code,
        ...(index.has(f.code) ? { ruleIndex: index.get(f.code)! } : {}),
        level: LEVEL[f.severity],
        message: { text: messageOf(f, lang) },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: toUri(file.file) },
              ...(f.line !== undefined ? { region: { startLine: f.line, startColumn: f.column ?? 1 } } : {}),
            },
            ...(f.xpath !== undefined ? { logicalLocations: [{ fullyQualifiedName: f.xpath, kind: 'element' }] } : {}),
          },
        ],
        properties: { scope: f.scope, ...(f.keys !== undefined ? { keys: f.keys } : {}), ...(f.value !== undefined ? { value: f.value } : {}) },
      })),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'fla-batch', version: run.tool.version, semanticVersion: run.tool.version, rules, properties: { ruleSet: run.tool.ruleSet } } },
        results,
        artifacts: run.files.map((f) => ({ location: { uri: toUri(f.file) }, length: f.bytes, hashes: { 'sha-256': f.sha256 } })),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

/** A relative path as a URI reference: forward slashes, reserved characters percent-encoded. */
function toUri(path: string): string {
  return path.split(/[\\/]/).map(encodeURIComponent).join('/');
}
