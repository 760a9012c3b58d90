// One look at the drop folder (DROPFOLDER.md "Names"): which submissions are complete and stable,
// which names are refused, which sets are withdrawn — oldest first. Reads names and sizes only.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkFolder, parseDropName, submissionKey, bestEffortAnswerBase, type DropName } from './names.js';
import type { Area, Manifest } from './state.js';

export type Candidate = Omit<Manifest, 'ticket' | 'claimedAt'> & { readonly senderFolder: string; readonly since: number };

export interface ScanResult {
  readonly ready: Candidate[];
  /** Submissions seen but not ready yet (no GO, a missing part, a part still growing). */
  readonly waiting: number;
  /** When a complete set only waits to be stable: how long until it may be, so no event is needed. */
  readonly retryInMs: number | null;
}

interface FileSeen {
  readonly name: string;
  readonly parsed: DropName;
  readonly size: number;
  readonly mtimeMs: number;
}

const SENDER = /^\d{6}$/;
const PARTS_RETRY_MS = 1000;

export function scanDropFolder(root: string, stableMs: number, now = Date.now()): ScanResult {
  const ready: Candidate[] = [];
  let waiting = 0;
  let retryInMs: number | null = null;
  for (const sender of list(root).filter((name) => SENDER.test(name))) {
    for (const area of ['IN', 'INTEST'] as const) {
      const folder = join(root, sender, area);
      const result = scanArea(folder, sender, area, stableMs, now);
      ready.push(...result.ready);
      waiting += result.waiting;
      if (result.retryInMs !== null) retryInMs = Math.min(retryInMs ?? Infinity, result.retryInMs);
    }
  }
  ready.sort((a, b) => a.since - b.since || (a.base < b.base ? -1 : 1));
  return { ready, waiting, retryInMs };
}

function scanArea(folder: string, sender: string, area: Area, stableMs: number, now: number): ScanResult {
  const ready: Candidate[] = [];
  const sets = new Map<string, FileSeen[]>();
  for (const name of list(folder)) {
    const parsed = parseDropName(name);
    if (parsed.kind === 'other') continue;
    const info = stat(join(folder, name));
    if (info === null) continue;
    const seen = { name, parsed, size: info.size, mtimeMs: info.mtimeMs };
    const refusal = checkFolder(name, { sender, area })[0];
    if (refusal !== undefined) {
      // A refused name is answered on its own, once it has stopped changing.
      if (now - seen.mtimeMs >= stableMs) {
        ready.push({ sender, area, senderFolder: folder, base: bestEffortAnswerBase(name), environment: area === 'IN' ? 'R' : 'T', files: [name], parts: [], refusal: { code: refusal.code, messageId: refusal.messageId, data: refusal.data }, since: seen.mtimeMs });
      }
      continue;
    }
    const key = submissionKey(parsed as Exclude<DropName, { kind: 'invalid' | 'other' }>);
    sets.set(key, [...(sets.get(key) ?? []), seen]);
  }
  let waiting = 0;
  let retryInMs: number | null = null;
  for (const [key, files] of sets) {
    const go = files.find((f) => f.parsed.kind === 'GO');
    const td = files.find((f) => f.parsed.kind === 'TD');
    const first = files[0]!.parsed as Extract<DropName, { kind: 'FI' | 'GO' | 'TD' }>;
    const base = key;
    const common = { sender, area, senderFolder: folder, base, environment: first.env, files: files.map((f) => f.name) };
    if (td !== undefined) {
      // A TD withdraws the set; the GO and the parts that came go to the failed area with it.
      ready.push({ ...common, parts: [], refusal: { code: 'TD' }, since: td.mtimeMs });
      continue;
    }
    const parts = files.filter((f) => f.parsed.kind === 'FI').sort((a, b) => partOf(a) - partOf(b));
    const complete = go !== undefined && parts.length === first.parts && parts.every((p, i) => partOf(p) === i + 1);
    const stable = files.every((f) => now - f.mtimeMs >= stableMs);
    if (complete && stable) ready.push({ ...common, parts: parts.map((p) => p.name), since: go.mtimeMs });
    else {
      waiting++;
      if (complete) retryInMs = Math.min(retryInMs ?? Infinity, stableMs - Math.min(...files.map((f) => now - f.mtimeMs)) + 5);
      // A GO that came before its parts: the watcher does not report parts, so look again soon.
      else if (go !== undefined) retryInMs = Math.min(retryInMs ?? Infinity, PARTS_RETRY_MS);
    }
  }
  return { ready, waiting, retryInMs };
}

function partOf(file: FileSeen): number {
  return file.parsed.kind === 'FI' ? file.parsed.part : 0;
}

function list(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function stat(path: string): { size: number; mtimeMs: number } | null {
  try {
    const s = statSync(path);
    return s.isFile() ? { size: s.size, mtimeMs: s.mtimeMs } : null;
  } catch {
    return null;
  }
}
