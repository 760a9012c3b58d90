#!/usr/bin/env node
// `npm run bench`: throughput and peak memory of `fla validate` beside `xmllint --stream --schema`
// on the same generated files (cached in .bench/). Peak RSS is sampled over the whole process
// tree every 20 ms, because fla validates in a child process. Sizes: FLA_BENCH_SIZES=10,200,1000 (MB).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CACHE = join(ROOT, '.bench');
const FLA = join(ROOT, 'bin', 'fla');
const XSD = join(ROOT, 'xsd', 'fla-declaration-v1.xsd');
const SIZES = (process.env.FLA_BENCH_SIZES ?? '10,200,1000').split(',').map(Number);
const RUNS = Number(process.env.FLA_BENCH_RUNS ?? 1);

function requireXmllint() {
  if (spawnSync('xmllint', ['--version']).status !== 0) {
    console.error('xmllint is missing: apt-get install libxml2-utils');
    process.exit(2);
  }
}

function generate(megabytes) {
  mkdirSync(CACHE, { recursive: true });
  const file = join(CACHE, `bench-${megabytes}MB.xml`);
  if (existsSync(file)) return file;
  const probe = join(CACHE, 'probe.xml');
  run(process.execPath, [FLA, 'generate', '--persons', '2000', '--seed', '1', '--out', probe]);
  const persons = Math.round((megabytes * 1e6) / (statSync(probe).size / 2000));
  process.stderr.write(`generating ${file} (${persons} persons)…\n`);
  run(process.execPath, [FLA, 'generate', '--persons', String(persons), '--seed', '1', '--out', file]);
  return file;
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
}

/** Runs a command, sampling the RSS of it and all its descendants; returns seconds and peak MB. */
function measure(command, args) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    let peak = 0;
    const timer = setInterval(() => {
      peak = Math.max(peak, treeRssKb(child.pid));
    }, 20);
    child.on('exit', (code) => {
      clearInterval(timer);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0 && code !== 1) reject(new Error(`${command} exited ${code}: ${stderr}`));
      else resolve({ seconds, peakMb: peak / 1024, code });
    });
  });
}

function treeRssKb(pid) {
  let total = 0;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      for (const child of children ? children.split(' ') : []) total += treeRssKb(Number(child));
    }
  } catch {
    // The process ended between two samples.
  }
  return total;
}

async function best(command, args) {
  let result;
  for (let i = 0; i < RUNS; i++) {
    const r = await measure(command, args);
    if (result === undefined || r.seconds < result.seconds) result = { ...r, peakMb: Math.max(r.peakMb, result?.peakMb ?? 0) };
  }
  return result;
}

requireXmllint();
const rows = [];
for (const size of SIZES) {
  const file = generate(size);
  const mb = statSync(file).size / 1e6;
  const fla = await best(process.execPath, [FLA, 'validate', '--quiet', file]);
  const ref = await best('xmllint', ['--stream', '--noout', '--schema', XSD, file]);
  rows.push({ mb, fla, ref });
  process.stderr.write(`${file}: done\n`);
}
const fmt = (n, d = 1) => n.toFixed(d);
console.log(`\nfla validate vs xmllint --stream --schema (best of ${RUNS}; node ${process.version}; ${process.env.FLA_BENCH_NOTE ?? ''})`);
console.log('| file | fla MB/s | fla peak RSS | xmllint MB/s | xmllint peak RSS | speed ratio |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const { mb, fla, ref } of rows) {
  console.log(`| ${fmt(mb, 0)} MB | ${fmt(mb / fla.seconds)} | ${fmt(fla.peakMb, 0)} MB | ${fmt(mb / ref.seconds)} | ${fmt(ref.peakMb, 0)} MB | ${fmt(ref.seconds / fla.seconds, 2)}× |`);
}
