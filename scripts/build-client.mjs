// Builds the dashboard's browser client (src/dashboard/page/client): type-checks it against the DOM
// library and the model it renders, then emits only the client's own files to dist/dashboard/page/
// client/. A plain `tsc -p` would also emit the model and label modules the client imports types
// from, over the main build's copies.
import ts from 'typescript';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const clientDir = resolve(root, 'src/dashboard/page/client');
const configPath = resolve(clientDir, 'tsconfig.json');
const host = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (diagnostic) => fail([diagnostic]) };
const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, host);
if (parsed === undefined) process.exit(1);
const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
const diagnostics = ts.getPreEmitDiagnostics(program);
if (diagnostics.length > 0) fail(diagnostics);
const noEmit = process.argv.includes('--noEmit');
for (const file of program.getSourceFiles()) {
  if (noEmit || !file.fileName.startsWith(`${clientDir}/`)) continue;
  const result = program.emit(file);
  if (result.diagnostics.length > 0) fail(result.diagnostics);
}

function fail(problems) {
  const formatHost = { getCanonicalFileName: (name) => name, getCurrentDirectory: () => root, getNewLine: () => '\n' };
  process.stderr.write(ts.formatDiagnosticsWithColorAndContext(problems, formatHost));
  process.exit(1);
}
