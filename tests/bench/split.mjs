#!/usr/bin/env node
// `npm run bench:split`: how much of `fla process` on the 200 MB bench file is the main thread's,
// and what is left of it without the ledger-free rules, then also without the answers. It bounds
// what moving either to the other core could give (README, Performance). The engine runs in this
// process (no CLI start-up), into an empty ledger each time; variants take turns, best of
// FLA_BENCH_RUNS (default 3). Needs the bench file: `FLA_BENCH_SIZES=200 npm run bench` makes it.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const FILE = join(ROOT, '.bench', 'bench-200MB.xml');
const RUNS = Number(process.env.FLA_BENCH_RUNS ?? 3);
if (!existsSync(FILE)) {
  console.error(`${FILE} is missing: FLA_BENCH_SIZES=200 npm run bench makes it`);
  process.exit(2);
}

const { Engine } = await import(join(ROOT, 'dist', 'engine.js'));
const { openLedger } = await import(join(ROOT, 'dist', 'ledger', 'database.js'));
const { renderAnswers, writeAnswers } = await import(join(ROOT, 'dist', 'answers', 'files.js'));
const { storedAnswers } = await import(join(ROOT, 'dist', 'ledger', 'answers.js'));
const { RULES } = await import(join(ROOT, 'dist', 'rules', 'registry.js'));
const { LEDGER_RULES } = await import(join(ROOT, 'dist', 'rules', 'ledger', 'index.js'));

const VARIANTS = [
  { label: `all ${RULES.length} rules, answers`, rules: RULES, answers: true },
  { label: `the ${LEDGER_RULES.length} ledger rules only, answers`, rules: LEDGER_RULES, answers: true },
  { label: `the ${LEDGER_RULES.length} ledger rules only, no answers`, rules: LEDGER_RULES, answers: false },
];

const engine = new Engine();
const best = new Map();
try {
  for (let i = 0; i < RUNS; i++) {
    for (const variant of VARIANTS) {
      const dir = mkdtempSync(join(tmpdir(), 'fla-bench-split-'));
      const db = openLedger(join(dir, 'ledger.sqlite'));
      try {
        const started = performance.now();
        const cpu = process.cpuUsage();
        const receivedAt = new Date();
        const render = (report, source) => renderAnswers(report, { environment: 'R', fileName: 'bench.xml', receivedAt }, source);
        const report = await engine.processFile(FILE, { rules: variant.rules }, { db, sender: 'cli', environment: 'R', fileName: 'bench.xml', ticket: `SPLIT-${i}`, receivedAt: receivedAt.toISOString(), ...(variant.answers ? { renderAnswers: render } : {}) });
        if (variant.answers) await writeAnswers(FILE, report.ticket, storedAnswers(db, report.ticket), dir);
        const used = process.cpuUsage(cpu);
        const run = { seconds: (performance.now() - started) / 1000, cpu: (used.user + used.system) / 1e6 };
        const kept = best.get(variant.label);
        if (kept === undefined || run.seconds < kept.seconds) best.set(variant.label, run);
      } finally {
        db.close();
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }
} finally {
  engine.close();
}
console.log(`\nfla process on ${FILE} in this process, best of ${RUNS} (CPU of this process: main thread, libuv's pool, V8's helpers; the libxml2 child apart)`);
console.log('| variant | wall s | CPU s |');
console.log('| --- | --- | --- |');
for (const [label, run] of best) console.log(`| ${label} | ${run.seconds.toFixed(2)} | ${run.cpu.toFixed(2)} |`);
