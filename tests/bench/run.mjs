#!/usr/bin/env node
// `npm run bench`: throughput and peak memory of `fla validate` beside `xmllint --stream --schema`
// on the same generated files (cached in .bench/). Peak RSS is sampled over the whole process
// tree every 20 ms, because fla validates in a child process. Sizes: FLA_BENCH_SIZES=10,200,1000 (MB).
// `fla process` runs twice per size in FLA_BENCH_NEXT (200 by default): into an empty ledger, and
// the next quarter's file of the same workers into the ledger that holds the first (every worker
// then has history, as at a secretariat's quarter-end).
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { finished } from 'node:stream/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CACHE = join(ROOT, '.bench');
const FLA = join(ROOT, 'bin', 'fla');
// What `fla` runs with: the V8 options on its shebang line (a young generation of 4 MB, see README).
const NODE_FLAGS = readFileSync(FLA, 'utf8').split('\n')[0].split(/\s+/).filter((word) => word.startsWith('--'));
const XSD = join(ROOT, 'xsd', 'fla-declaration-v1.xsd');
const SIZES = (process.env.FLA_BENCH_SIZES ?? '10,200,1000').split(',').map(Number);
const RUNS = Number(process.env.FLA_BENCH_RUNS ?? 1);
const NEXT = (process.env.FLA_BENCH_NEXT ?? '200').split(',').filter(Boolean).map(Number);
const TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

function requireXmllint() {
  if (spawnSync('xmllint', ['--version']).status !== 0) {
    console.error('xmllint is missing: apt-get install libxml2-utils');
    process.exit(2);
  }
}

/** The bench file of a size; `quarter` 20262 gives the next quarter's file of the same workers. */
function generate(megabytes, quarter = '20261') {
  mkdirSync(CACHE, { recursive: true });
  const file = join(CACHE, `bench-${megabytes}MB${quarter === '20261' ? '' : `-${quarter}`}.xml`);
  if (existsSync(file)) return file;
  const probe = join(CACHE, 'probe.xml');
  if (!existsSync(probe)) run(process.execPath, [FLA, 'generate', '--persons', '2000', '--seed', '1', '--out', probe]);
  const persons = Math.round((megabytes * 1e6) / (statSync(probe).size / 2000));
  process.stderr.write(`generating ${file} (${persons} persons)…\n`);
  run(process.execPath, [FLA, 'generate', '--persons', String(persons), '--seed', '1', '--quarter', quarter, '--out', file]);
  return file;
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
}

/** Runs a command, sampling the RSS and CPU time of it and all its descendants; returns seconds, peak MB and CPU seconds. */
function measure(command, args) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    let peak = 0;
    // CPU ticks last seen per process: a process's final 20 ms may be missed.
    const ticks = new Map();
    const timer = setInterval(() => {
      peak = Math.max(peak, treeRssKb(child.pid, ticks));
    }, 20);
    child.on('exit', (code) => {
      clearInterval(timer);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const cpu = [...ticks.values()].reduce((a, b) => a + b, 0) / TICKS;
      if (code !== 0 && code !== 1) reject(new Error(`${command} exited ${code}: ${stderr}`));
      else resolve({ seconds, peakMb: peak / 1024, cpu, code });
    });
  });
}

function treeRssKb(pid, ticks) {
  let total = 0;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    // utime and stime are the 14th and 15th fields; the name before them may hold spaces.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticks.set(pid, Number(fields[11]) + Number(fields[12]));
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      for (const child of children ? children.split(' ') : []) total += treeRssKb(Number(child), ticks);
    }
  } catch {
    // The process ended between two samples.
  }
  return total;
}

/** Keeps the faster run's time, and the highest peak RSS seen over all runs. */
function better(result, r) {
  return result === undefined || r.seconds < result.seconds ? { ...r, peakMb: Math.max(r.peakMb, result?.peakMb ?? 0) } : { ...result, peakMb: Math.max(r.peakMb, result.peakMb) };
}

requireXmllint();
const rows = [];
for (const size of SIZES) {
  const file = generate(size);
  const mb = statSync(file).size / 1e6;
  // Each process run starts from an empty ledger: the file would otherwise be refused (ACRF-133).
  const dbDir = mkdtempSync(join(tmpdir(), 'fla-bench-'));
  const db = join(dbDir, `${size}.sqlite`);
  const processFile = (path) => measure(process.execPath, [...NODE_FLAGS, FLA, 'process', '--quiet', path, '--db', db, '--out', dbDir]);
  let ref;
  let validate;
  let processed;
  // Runs take turns (xmllint, validate, process, then again) so that a machine that slows down
  // for a while, a shared one especially, slows every command rather than one of them.
  for (let i = 0; i < RUNS; i++) {
    ref = better(ref, await measure('xmllint', ['--stream', '--noout', '--schema', XSD, file]));
    validate = better(validate, await measure(process.execPath, [...NODE_FLAGS, FLA, 'validate', '--quiet', file]));
    emptyLedger(db);
    processed = better(processed, await processFile(file));
  }
  rows.push({ label: `${mb.toFixed(0)} MB`, mb, ref, validate, processed });
  if (NEXT.includes(size)) {
    // The ledger the last run left (closed, so checkpointed) is the starting point of every run.
    const first = join(dbDir, 'first-quarter.sqlite');
    copyFileSync(db, first);
    const next = generate(size, '20262');
    const nextMb = statSync(next).size / 1e6;
    let nextRef;
    let nextProcessed;
    for (let i = 0; i < RUNS; i++) {
      nextRef = better(nextRef, await measure('xmllint', ['--stream', '--noout', '--schema', XSD, next]));
      emptyLedger(db);
      copyFileSync(first, db);
      nextProcessed = better(nextProcessed, await processFile(next));
    }
    rows.push({ label: `${nextMb.toFixed(0)} MB, next quarter`, mb: nextMb, ref: nextRef, processed: nextProcessed });
  }
  rmSync(dbDir, { recursive: true, force: true });
  process.stderr.write(`${file}: done\n`);
}
const fmt = (n, d = 1) => n.toFixed(d);
console.log(`\nfla vs xmllint --stream --schema on the same file and XSD (best of ${RUNS}; node ${process.version}; peak RSS and CPU of the whole process tree)`);
console.log('| file | xmllint MB/s, RSS | fla validate MB/s, RSS | ratio | fla process MB/s, RSS | ratio | process CPU s |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const { label, mb, ref, validate, processed } of rows) {
  const cell = (r) => `${fmt(mb / r.seconds)}, ${fmt(r.peakMb, 0)} MB`;
  const validateCells = validate === undefined ? '– | –' : `${cell(validate)} | ${fmt(ref.seconds / validate.seconds, 2)}×`;
  console.log(`| ${label} | ${cell(ref)} | ${validateCells} | ${cell(processed)} | ${fmt(ref.seconds / processed.seconds, 2)}× | ${fmt(processed.cpu)} |`);
}

/** Removes a ledger and its WAL and shared-memory files. */
function emptyLedger(db) {
  for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
}

if (process.env.FLA_BENCH_SMALL !== '0') await smallFiles(Number(process.env.FLA_BENCH_SMALL ?? 1000));
if (process.env.FLA_BENCH_WATCH !== '0') await dropFolder(Number(process.env.FLA_BENCH_WATCH ?? 1000));

/** fla watch: a burst of small submissions dropped at once, then GO-to-NOTI latency one at a time. */
async function dropFolder(count) {
  const { generateDeclaration } = await import('../../dist/generate/generator.js');
  const dir = mkdtempSync(join(tmpdir(), 'fla-bench-watch-'));
  const root = join(dir, 'drop');
  const inbox = join(root, '012345', 'IN');
  const outbox = join(root, '012345', 'OUT');
  for (const area of ['IN', 'OUT', 'INTEST', 'OUTTEST']) mkdirSync(join(root, '012345', area), { recursive: true });
  const write = async (n) => {
    const sequence = String(n).padStart(5, '0');
    const file = join(inbox, `FI.FLAD.012345.20260420.${sequence}.R.1.1`);
    const out = createWriteStream(file);
    await generateDeclaration({ persons: 5, seed: 50_000 + n }, out);
    out.end();
    await finished(out);
    return `GO.FLAD.012345.20260420.${sequence}.R.1`;
  };
  try {
    for (let n = 1; n <= count; n++) writeFileSync(join(inbox, await write(n)), '');
    const started = process.hrtime.bigint();
    const daemon = spawn(process.execPath, [...NODE_FLAGS, FLA, 'watch', root, '--db', join(dir, 'ledger.sqlite'), '--stable', '0.1'], { stdio: 'ignore' });
    const answered = () => readdirSync(outbox).filter((f) => f.startsWith('GO.NOTI.')).length;
    while (answered() < count) await new Promise((resolve) => setTimeout(resolve, 20));
    const burst = Number(process.hrtime.bigint() - started) / 1e9;
    const latencies = [];
    for (let n = count + 1; n <= count + 40; n++) {
      const go = await write(n);
      const sent = process.hrtime.bigint();
      writeFileSync(join(inbox, go), '');
      const marker = join(outbox, go.replace('GO.FLAD.', 'GO.NOTI.').replace(/\.1$/, ''));
      while (!existsSync(marker)) await new Promise((resolve) => setTimeout(resolve, 5));
      latencies.push(Number(process.hrtime.bigint() - sent) / 1e6);
    }
    // The same again while the daemon runs: staged files renamed into IN at once, events only.
    const staging = join(dir, 'staging');
    mkdirSync(staging);
    const live = [];
    for (let n = count + 100; n < 2 * count + 100; n++) {
      const go = await write(n);
      const fi = go.replace('GO.', 'FI.') + '.1';
      renameSync(join(inbox, fi), join(staging, fi));
      live.push([fi, go]);
    }
    const before = answered();
    const dropped = process.hrtime.bigint();
    for (const [fi, go] of live) {
      renameSync(join(staging, fi), join(inbox, fi));
      writeFileSync(join(inbox, go), '');
    }
    while (answered() < before + count) await new Promise((resolve) => setTimeout(resolve, 20));
    const running = Number(process.hrtime.bigint() - dropped) / 1e9;
    daemon.kill('SIGTERM');
    latencies.sort((a, b) => a - b);
    const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))].toFixed(0);
    console.log(`\nfla watch: a burst of ${count} submissions (5 persons each) waiting at start answered in ${burst.toFixed(1)} s = ${(count / burst).toFixed(0)} submissions/s (daemon start included)`);
    console.log(`a burst of ${count} dropped at once into the running daemon answered in ${running.toFixed(1)} s = ${(count / running).toFixed(0)} submissions/s`);
    console.log(`GO to GO.NOTI for one submission at a time (${latencies.length} drops): median ${pct(0.5)} ms, p95 ${pct(0.95)} ms (stability delay 0.1 s included)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Many small files into one ledger, in one fla process run: does file 1,000 cost what file 1 did? */
async function smallFiles(count) {
  const dir = mkdtempSync(join(tmpdir(), 'fla-bench-small-'));
  try {
    const files = [];
    const { generateDeclaration } = await import('../../dist/generate/generator.js');
    for (let i = 0; i < count; i++) {
      const file = join(dir, `small-${String(i).padStart(5, '0')}.xml`);
      const out = createWriteStream(file);
      await generateDeclaration({ persons: 20, seed: 1000 + i }, out);
      out.end();
      await finished(out);
      files.push(file);
    }
    const db = join(dir, 'ledger.sqlite');
    const batches = 10;
    const per = Math.ceil(count / batches);
    const times = [];
    for (let b = 0; b < batches; b++) {
      const slice = files.slice(b * per, (b + 1) * per);
      const r = await measure(process.execPath, [...NODE_FLAGS, FLA, 'process', '--quiet', ...slice, '--db', db, '--out', join(dir, 'answers')]);
      times.push(r.seconds / slice.length);
    }
    const ms = (s) => `${(s * 1000).toFixed(1)} ms`;
    console.log(`\n${count} files of 20 persons into one ledger, in ${batches} runs of fla process (${per} files each):`);
    console.log(`per file, first run ${ms(times[0])}, last run ${ms(times.at(-1))}; all runs: ${times.map(ms).join(', ')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
