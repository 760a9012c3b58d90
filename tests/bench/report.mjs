#!/usr/bin/env node
// `npm run bench:report`: `fla report` for one employer of 50,000 workers (FLA_BENCH_WORKERS): wall
// time, peak RSS (sampled every 20 ms) and the size of the page written. Targets (issue #13): 5 s,
// 256 MB, 10 MB. The ledger is built once and cached in .bench/: the generator's files for two
// quarters of the same workers, made into one employer's (the generator spreads persons over
// employers of about 5,000), then processed with fla process. FLA_BENCH_RUNS runs (default 3):
// the fastest time and the highest peak are kept; the CPU time says how much of the wall time was
// the machine's other load.
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CACHE = join(ROOT, '.bench');
const FLA = join(ROOT, 'bin', 'fla');
const NODE_FLAGS = readFileSync(FLA, 'utf8').split('\n')[0].split(/\s+/).filter((word) => word.startsWith('--'));
const WORKERS = Number(process.env.FLA_BENCH_WORKERS ?? 50_000);
const RUNS = Number(process.env.FLA_BENCH_RUNS ?? 3);
const AS_OF = '2026-06-30';
const TARGETS = { seconds: 5, peakMb: 256, fileMb: 10 };

function run(args) {
  const result = spawnSync(process.execPath, [...NODE_FLAGS, FLA, ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0 && result.status !== 1) throw new Error(`fla ${args.join(' ')} exited ${result.status}`);
}

/**
 * The generator's quarterly file rewritten as one employer's: every declaration gets the first
 * one's CompanyID, and training references get their declaration's number, since the generator
 * numbers them per declaration and one employer's must be unique (rule 10051-006).
 */
async function singleEmployerFile(quarter) {
  const file = join(CACHE, `report-${WORKERS}-${quarter}.xml`);
  if (existsSync(file)) return file;
  const generated = `${file}.generated`;
  process.stderr.write(`generating ${file}…\n`);
  run(['generate', '--persons', String(WORKERS), '--seed', '1', '--quarter', quarter, '--out', generated]);
  const out = createWriteStream(`${file}.partial`);
  let company = null;
  let form = 0;
  for await (const line of createInterface({ input: createReadStream(generated), crlfDelay: Infinity })) {
    let text = line;
    if (text === '  <Form>') form++;
    const employer = /^ {6}<CompanyID>(\d{10})<\/CompanyID>$/.exec(text);
    if (employer) {
      company ??= employer[1];
      text = `      <CompanyID>${company}</CompanyID>`;
    }
    text = text.replace('<TrainingUserReference>TR-', `<TrainingUserReference>TR-F${form}-`);
    if (!out.write(`${text}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  renameSync(`${file}.partial`, file);
  rmSync(generated);
  return file;
}

async function ledger() {
  const path = join(CACHE, `report-${WORKERS}.sqlite`);
  if (existsSync(path)) return path;
  const files = [await singleEmployerFile('20261'), await singleEmployerFile('20262')];
  const building = `${path}.building`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(building + suffix, { force: true });
  for (const file of files) {
    process.stderr.write(`fla process ${file}…\n`);
    run(['process', '--quiet', file, '--db', building, '--out', join(CACHE, 'report-answers')]);
  }
  const db = new Database(building);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  renameSync(building, path);
  for (const suffix of ['-wal', '-shm']) rmSync(building + suffix, { force: true });
  return path;
}

const TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/** Wall seconds, CPU seconds (user + system, as last sampled) and peak RSS (MB) of one command. */
function measure(args) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [...NODE_FLAGS, FLA, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    let peak = 0;
    let ticks = 0;
    const timer = setInterval(() => {
      try {
        peak = Math.max(peak, Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0));
        // utime and stime are the 14th and 15th fields; the name before them may hold spaces.
        const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        ticks = Number(fields[11]) + Number(fields[12]);
      } catch {
        // The process ended between two samples.
      }
    }, 20);
    child.on('exit', (code) => {
      clearInterval(timer);
      if (code !== 0) reject(new Error(`fla report exited ${code}: ${stderr}`));
      else resolve({ seconds: Number(process.hrtime.bigint() - started) / 1e9, cpu: ticks / TICKS, peakMb: peak / 1024 });
    });
  });
}

mkdirSync(CACHE, { recursive: true });
const db = await ledger();
const probe = new Database(db, { readonly: true });
const { company, workers } = probe.prepare(`SELECT company_id AS company, count(*) AS workers FROM counters WHERE window_start = 2024 GROUP BY company_id ORDER BY workers DESC LIMIT 1`).get();
const trainings = probe.prepare(`SELECT count(*) FROM training_versions WHERE company_id = ?`).pluck().get(company);
probe.close();
const out = join(CACHE, 'report.html');
let best;
for (let i = 0; i < RUNS; i++) {
  const r = await measure(['report', '--db', db, '--company', company, '--window', '2024', '--as-of', AS_OF, '--lang', 'nl', '--out', out]);
  best = best === undefined ? r : { seconds: Math.min(best.seconds, r.seconds), cpu: Math.min(best.cpu, r.cpu), peakMb: Math.max(best.peakMb, r.peakMb) };
}
const fileMb = statSync(out).size / 1e6;
const mark = (value, target) => `${value <= target ? 'ok' : 'OVER'} (target ${target})`;
console.log(`fla report, employer ${company}: ${workers} workers, ${trainings} training versions, ${RUNS} runs, Node ${process.version}`);
console.log(`  time      ${best.seconds.toFixed(2)} s   ${mark(best.seconds, TARGETS.seconds)}; CPU ${best.cpu.toFixed(2)} s (main thread and zlib's, as last sampled); load average ${readFileSync('/proc/loadavg', 'utf8').split(' ')[0]}`);
console.log(`  peak RSS  ${best.peakMb.toFixed(0)} MB   ${mark(best.peakMb, TARGETS.peakMb)}`);
console.log(`  file      ${fileMb.toFixed(2)} MB  ${mark(fileMb, TARGETS.fileMb)}`);
process.exitCode = best.seconds <= TARGETS.seconds && best.peakMb <= TARGETS.peakMb && fileMb <= TARGETS.fileMb ? 0 : 1;
