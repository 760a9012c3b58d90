// JUnit XML as Jenkins, GitLab and GitHub test reporters read it: one suite per file, one failing
// test case per blocking finding; warnings as skipped cases with their message.
import type { Finding } from '../findings.js';
import type { Reporter } from './reporter.js';
import { messageOf } from './render.js';
import { escapeXml as x } from './xml-escape.js';

export const junitReporter: Reporter = (run, { lang, verbose }) => {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let skipped = 0;
  for (const file of run.files) {
    const cases: string[] = [];
    const shown = file.findings.filter((f) => f.severity !== 'I' || verbose);
    const blocking = shown.filter((f) => f.severity === 'B');
    const other = shown.filter((f) => f.severity !== 'B');
    for (const f of blocking) {
      const message = messageOf(f, lang);
      cases.push(`    <testcase classname="${x(file.file)}" name="${x(caseName(f))}" time="0"><failure type="${x(f.code)}" message="${x(message)}">${x(details(file.file, f, message))}</failure></testcase>`);
    }
    for (const f of other) {
      const message = messageOf(f, lang);
      cases.push(`    <testcase classname="${x(file.file)}" name="${x(caseName(f))}" time="0"><skipped message="${x(`${f.severity} ${f.code}: ${message}`)}"/></testcase>`);
    }
    if (cases.length === 0) cases.push(`    <testcase classname="${x(file.file)}" name="${x(`${file.status}: receipt and rules`)}" time="0"/>`);
    const omitted = Object.values(file.omitted).reduce((a, b) => a + b, 0);
    tests += cases.length;
    failures += blocking.length;
    skipped += other.length;
    suites.push(
      [
        `  <testsuite name="${x(file.file)}" tests="${cases.length}" failures="${blocking.length}" errors="0" skipped="${other.length}" time="0">`,
        '    <properties>',
        `      <property name="status" value="${file.status}"/>`,
        `      <property name="sha256" value="${file.sha256}"/>`,
        `      <property name="findings.omitted" value="${omitted}"/>`,
        '    </properties>',
        ...cases,
        '  </testsuite>',
      ].join('\n'),
    );
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="fla validate" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}" time="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
};

function caseName(f: Finding): string {
  return `${f.code}${f.line !== undefined ? ` at ${f.line}:${f.column ?? 1}` : ''}`;
}

function details(file: string, f: Finding, message: string): string {
  const where = f.line !== undefined ? `${file}:${f.line}:${f.column ?? 1}` : file;
  const keys = f.keys === undefined ? '' : `\nkeys: ${Object.entries(f.keys).map(([k, v]) => `${k}=${v}`).join(', ')}`;
  return `${where}  ${f.severity}  ${f.code}  ${message}${f.xpath !== undefined ? `\nxpath: ${f.xpath}` : ''}${keys}`;
}
