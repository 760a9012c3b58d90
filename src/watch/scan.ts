// One look at the drop folder (DROPFOLDER.md "Names"): which submissions are complete and stable,
// which names are refused, which sets are withdrawn — oldest first. Reads names, lstat and the
// last bytes of a complete set's parts: nothing here follows a symbolic link (the claim's files are
// checked again to be regular files when they are processed, see claim-files.ts).
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { checkFolder, parseDropName, refusedSetKey, submissionKey, bestEffortAnswerBase, type DropName } from './names.js';
import { nameOnDisk, readFolderNames, type FolderName } from './raw-names.js';
import type { Area, Manifest } from './state.js';

export type Candidate = Omit<Manifest, 'ticket' | 'claimedAt'> & { readonly senderFolder: string; readonly since: number };

export interface ScanResult {
  readonly ready: Candidate[];
  /** Submissions seen but not ready yet (no GO, a missing part, a part still growing). */
  readonly waiting: number;
  /** When a complete set only waits to be stable: how long until it may be, so no event is needed. */
  readonly retryInMs: number | null;
}

export interface StabilityRule {
  /** A set whose GO came after its parts counts as complete once no file changed for this long. */
  readonly stableMs: number;
  /**
   * A set whose GO came first (a part written after it), and a refused name still alone, wait this
   * long instead: a client that pauses mid-upload (a stalled link) must not be taken half-written.
   */
  readonly goFirstStableMs: number;
}

interface FileSeen {
  readonly name: FolderName;
  readonly parsed: DropName;
  readonly mtimeMs: number;
  /** Since when size and mtime are as seen now: the later of the mtime and the last change observed. */
  readonly quietSince: number;
}

const SENDER = /^\d{6}$/;
const PARTS_RETRY_MS = 1000;

/**
 * Size and mtime of every file across scans (of one daemon): a change seen between two scans
 * restarts the file's quiet time even where the mtime says otherwise (a clock behind ours on a
 * network file system, a client that sets the mtime back).
 */
export class StabilityTracker {
  private seen = new Map<string, { size: number; mtimeMs: number; changedAt: number }>();
  private next = new Map<string, { size: number; mtimeMs: number; changedAt: number }>();
  /** Sets seen with their GO while a part was missing or changing: they wait the longer interval. */
  private goFirst = new Set<string>();
  private nextGoFirst = new Set<string>();

  observe(path: string, size: number, mtimeMs: number, now: number): number {
    const before = this.seen.get(path);
    const changedAt = before === undefined ? -Infinity : before.size !== size || before.mtimeMs !== mtimeMs ? now : before.changedAt;
    this.next.set(path, { size, mtimeMs, changedAt });
    return Math.max(mtimeMs, changedAt);
  }

  /** Whether the set was seen GO-first now or at an earlier scan (remembered while the set is there). */
  goCameFirst(set: string, now: boolean): boolean {
    const first = now || this.goFirst.has(set);
    if (first) this.nextGoFirst.add(set);
    return first;
  }

  /** Forgets what the scan that just ended did not see again. */
  endScan(): void {
    this.seen = this.next;
    this.next = new Map();
    this.goFirst = this.nextGoFirst;
    this.nextGoFirst = new Set();
  }
}

export function scanDropFolder(root: string, rule: StabilityRule, tracker = new StabilityTracker(), now = Date.now()): ScanResult {
  const ready: Candidate[] = [];
  let waiting = 0;
  let retryInMs: number | null = null;
  for (const sender of list(root).filter((name) => SENDER.test(name))) {
    for (const area of ['IN', 'INTEST'] as const) {
      const folder = join(root, sender, area);
      // A sender who replaced its IN by a link (to another sender's IN) would have the daemon
      // claim files outside its folder: only a real folder is scanned.
      if (lstatOrNull(folder)?.isDirectory() !== true) continue;
      const result = scanArea(folder, sender, area, rule, tracker, now);
      ready.push(...result.ready);
      waiting += result.waiting;
      if (result.retryInMs !== null) retryInMs = Math.min(retryInMs ?? Infinity, result.retryInMs);
    }
  }
  tracker.endScan();
  ready.sort((a, b) => a.since - b.since || (a.base < b.base ? -1 : 1));
  return { ready, waiting, retryInMs };
}

function scanArea(folder: string, sender: string, area: Area, rule: StabilityRule, tracker: StabilityTracker, now: number): ScanResult {
  const ready: Candidate[] = [];
  const sets = new Map<string, FileSeen[]>();
  // Refused names, grouped as a set would be (FI parts with their GO), so that one broken
  // submission gets one negative receipt, not one per file.
  const refused = new Map<string, FileSeen[]>();
  for (const name of readFolderNames(folder)) {
    const parsed = parseDropName(name.text);
    if (parsed.kind === 'other') continue;
    const info = lstatOrNull(nameOnDisk(folder, name));
    if (info === null) continue;
    const path = join(folder, name.text);
    const seen: FileSeen = { name, parsed, mtimeMs: info.mtimeMs, quietSince: tracker.observe(path, info.size, info.mtimeMs, now) };
    if (checkFolder(name.text, { sender, area }).length > 0) {
      const key = refusedSetKey(name.text);
      refused.set(key, [...(refused.get(key) ?? []), seen]);
      continue;
    }
    const key = submissionKey(parsed as Exclude<DropName, { kind: 'invalid' | 'other' }>);
    sets.set(key, [...(sets.get(key) ?? []), seen]);
  }
  let waiting = 0;
  let retryInMs: number | null = null;
  const wait = (inMs: number): void => {
    waiting++;
    retryInMs = Math.min(retryInMs ?? Infinity, inMs);
  };
  const quietFor = (files: readonly FileSeen[]): number => Math.min(...files.map((f) => now - f.quietSince));
  for (const files of refused.values()) {
    const first = [...files].sort(byKindThenName)[0]!;
    const refusal = checkFolder(first.name.text, { sender, area })[0]!;
    // Alone, a refused FI may still get its GO (or a GO its FI): both are answered together.
    const whole = files.some((f) => f.name.text.startsWith('FI.')) && files.some((f) => !f.name.text.startsWith('FI.'));
    const needed = whole ? rule.stableMs : Math.max(rule.stableMs, rule.goFirstStableMs);
    const quiet = quietFor(files);
    if (quiet < needed) {
      wait(needed - quiet + 5);
      continue;
    }
    ready.push({
      ...listed(sender, area, folder, files),
      base: bestEffortAnswerBase(first.name.text),
      environment: area === 'IN' ? 'R' : 'T',
      parts: [],
      refusal: { code: refusal.code, messageId: refusal.messageId, data: refusal.data },
      since: Math.min(...files.map((f) => f.mtimeMs)),
    });
  }
  for (const [key, files] of sets) {
    const go = files.find((f) => f.parsed.kind === 'GO');
    const td = files.find((f) => f.parsed.kind === 'TD');
    const first = files[0]!.parsed as Extract<DropName, { kind: 'FI' | 'GO' | 'TD' }>;
    const common = { ...listed(sender, area, folder, files), base: key, environment: first.env };
    if (td !== undefined) {
      // A TD withdraws the set; the GO and the parts that came go to the failed area with it.
      ready.push({ ...common, parts: [], refusal: { code: 'ACRF-119', messageId: 'withdrawn', data: { name: td.name.text } }, since: td.mtimeMs });
      continue;
    }
    const parts = files.filter((f) => f.parsed.kind === 'FI').sort((a, b) => partOf(a) - partOf(b));
    const complete = go !== undefined && parts.length === first.parts && parts.every((p, i) => partOf(p) === i + 1);
    if (go === undefined) {
      waiting++;
      continue;
    }
    // The GO came first when a part was written after it, or when an earlier scan saw the GO
    // without every part there.
    const goFirst = tracker.goCameFirst(key, !complete || parts.some((p) => p.mtimeMs > go.mtimeMs));
    const long = Math.max(rule.stableMs, rule.goFirstStableMs);
    const quiet = quietFor(files);
    if (!complete) wait(PARTS_RETRY_MS);
    else if (quiet < (goFirst ? long : rule.stableMs)) wait((goFirst ? long : rule.stableMs) - quiet + 5);
    // Written within one clock tick, a GO and the first bytes of its FI have the same mtime: a part
    // that does not end as a declaration ends may be half-written, and waits as a GO-first set.
    else if (quiet < long && !parts.every((p) => endsAsDeclaration(join(folder, p.name.text)))) wait(long - quiet + 5);
    else ready.push({ ...common, parts: parts.map((p) => p.name.text), since: go.mtimeMs });
  }
  return { ready, waiting, retryInMs };
}

/** The manifest's file names, and the bytes of those whose name is not UTF-8. */
function listed(sender: string, area: Area, folder: string, files: readonly FileSeen[]): Pick<Candidate, 'sender' | 'area' | 'senderFolder' | 'files' | 'rawNames'> {
  const raw = files.filter((f) => f.name.raw !== undefined);
  return {
    sender,
    area,
    senderFolder: folder,
    files: files.map((f) => f.name.text),
    ...(raw.length > 0 ? { rawNames: Object.fromEntries(raw.map((f) => [f.name.text, f.name.raw!.toString('base64')])) } : {}),
  };
}

/** FI parts first, so that a broken submission's receipt is named after its data file. */
function byKindThenName(a: FileSeen, b: FileSeen): number {
  const rank = (f: FileSeen): number => (f.name.text.startsWith('FI.') ? 0 : 1);
  return rank(a) - rank(b) || (a.name.text < b.name.text ? -1 : 1);
}

const DECLARATION_END = /<\/(?:[A-Za-z_][\w.-]*:)?FLADeclarations\s*>\s*$/;

/**
 * Whether a part's last bytes are the root's end tag. Opened without following a link and only
 * if it is a regular file (anything else is refused when claimed, and there is no need to wait).
 */
function endsAsDeclaration(path: string): boolean {
  let fd: number;
  try {
    if (!lstatSync(path).isFile()) return true;
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch {
    return true;
  }
  try {
    const size = fstatSync(fd).size;
    const tail = Buffer.alloc(Math.min(size, 256));
    const read = readSync(fd, tail, 0, tail.length, size - tail.length);
    return DECLARATION_END.test(tail.toString('latin1', 0, read));
  } catch {
    return true;
  } finally {
    closeSync(fd);
  }
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

function lstatOrNull(path: string | Buffer): Stats | null {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}
