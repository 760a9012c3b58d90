// The drop-folder daemon (DROPFOLDER.md): claims complete submissions, processes each once in one
// transaction through the engine, answers after the commit, and on start finishes whatever a crash
// left in processing/. Chokidar events trigger scans; a periodic rescan catches what they miss.
import { closeSync, existsSync, openSync, readdirSync, readSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { renderAnswers } from '../answers/files.js';
import { newTicket } from '../answers/ticket.js';
import { syncFolderSync, writeAnswerFileSync } from '../answers/write-file.js';
import { Engine, type LedgerOptions, type ProcessReport } from '../engine.js';
import { FlaError, type ErrorCode } from '../errors.js';
import type { Finding } from '../findings.js';
import { storedAnswers, type StoredAnswers } from '../ledger/answers.js';
import { isSqliteError, type Db } from '../ledger/database.js';
import { receiptFinding } from '../receipt/receipt-finding.js';
import type { Lang } from '../findings.js';
import type { Logger } from './log.js';
import { answerGoName, answerName } from './names.js';
import { irregularFiles } from './claim-files.js';
import { scanDropFolder, StabilityTracker, type Candidate } from './scan.js';
import { StateFolder, type Health, type Manifest } from './state.js';

/** Answers go out (and their GO markers) for this many submissions at a time, at most. */
const ANSWER_BATCH = 50;
/** From this many ready sets on, the watcher is closed while they are processed. */
const QUIET_BACKLOG = 20;
/** A claim that keeps failing is taken again after 1, 2, 4… rescan intervals, at most this long. */
const RETRY_MAX_MS = 3_600_000;

interface Processed {
  readonly manifest: Manifest;
  readonly answers: StoredAnswers;
}

export interface DaemonOptions {
  readonly root: string;
  readonly db: Db;
  readonly state: StateFolder;
  readonly logger: Logger;
  readonly rescanMs: number;
  /** A file counts as complete once unchanged this long. */
  readonly stableMs: number;
  /** The same where the GO came before its parts were complete (a slow or stalled upload). */
  readonly goFirstStableMs: number;
  readonly poll: boolean;
  readonly languages?: readonly Lang[];
}

export class DropFolderDaemon {
  private readonly engine = new Engine();
  private watcher: FSWatcher | null = null;
  private timer: NodeJS.Timeout | null = null;
  private scanning: Promise<void> | null = null;
  private pending: NodeJS.Timeout | null = null;
  private retry: NodeJS.Timeout | null = null;
  private again = false;
  private stopping = false;
  private processed = 0;
  private lastScan: string | null = null;
  private lastError: string | null = null;
  /** Submissions that failed operationally (left where they were), and scans that failed. */
  private readonly failedTickets = new Set<string>();
  /** Claims that failed and wait in processing/: how often, and when they may be taken again. */
  private readonly backoff = new Map<string, { readonly attempts: number; readonly dueAt: number }>();
  /** Long-running (not --once): a failed claim is taken again by a later scan. */
  private retrying = false;
  private failedScans = 0;
  private waiting = 0;
  private readonly startedAt = new Date().toISOString();
  /** Sizes and mtimes seen by earlier scans: a change between two scans restarts a file's quiet time. */
  private readonly stability = new StabilityTracker();

  constructor(private readonly options: DaemonOptions) {}

  /** Finishes what a crash left, takes what waits, then follows events until stopped. */
  async start(): Promise<void> {
    this.retrying = true;
    await this.recover();
    // DROPFOLDER.md "Start-up": take what already waits before following events, so that the
    // watcher's first crawl of the tree does not compete with a backlog.
    await this.scanAndProcess();
    await this.follow();
    this.timer = setInterval(() => {
      // A long submission holds the scan loop: a look in between keeps health.json's last scan,
      // waiting and in-progress figures true while it runs.
      if (this.scanning !== null) this.look();
      this.trigger();
    }, this.options.rescanMs);
    // What arrived during the backlog or the crawl.
    this.trigger();
  }

  private async follow(): Promise<void> {
    this.watcher = watch(this.options.root, {
      ignoreInitial: true,
      depth: 2,
      usePolling: this.options.poll,
      atomic: false,
      interval: Math.min(this.options.rescanMs, 1000),
      // Chokidar follows the folders; each file event only nudges a scan, which reads names and
      // sizes itself. Letting chokidar stat every file of a large upload cost more than the scans.
      ignored: (path: string) => path.startsWith(this.options.state.root) || /[\\/]OUT(TEST)?([\\/]|$)/.test(path.slice(this.options.root.length)) || /[\\/](FI|GO|TD)\.[^\\/]*$|[\\/]\.[^\\/]*$/.test(path),
    });
    this.watcher
      .on('raw', () => this.soon())
      .on('add', () => this.soon())
      .on('change', () => this.soon())
      .on('error', (error: unknown) => this.fail('watcher', error));
    await new Promise<void>((ready) => this.watcher!.once('ready', () => ready()));
  }

  /** `fla watch --once`: recover, then process until nothing complete is left; waits for growing files. */
  async runOnce(): Promise<void> {
    await this.recover();
    for (;;) {
      const before = this.processed;
      await this.scanAndProcess();
      if (this.processed === before) {
        if (this.waiting === 0 || this.stopping) return;
        // Something is there but not complete or not stable yet: look again shortly, then give up.
        await new Promise((resolve) => setTimeout(resolve, this.options.stableMs));
        await this.scanAndProcess();
        if (this.processed === before) return;
      }
    }
  }

  /** What failed operationally since start: `fla watch --once` exits 2 when anything did. */
  failures(): { readonly submissions: number; readonly scans: number } {
    return { submissions: this.failedTickets.size, scans: this.failedScans };
  }

  /** SIGTERM: finish the submission in hand, then stop. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer !== null) clearInterval(this.timer);
    for (const timer of [this.pending, this.retry]) if (timer !== null) clearTimeout(timer);
    await this.watcher?.close();
    await this.scanning;
    this.engine.close();
    this.writeHealth();
  }

  /**
   * Events come in bursts (an upload of many sets): one scan shortly after the last of them, and at
   * most one retry timer for sets that only wait to be stable.
   */
  private soon(delayMs = 25): void {
    if (this.pending !== null) clearTimeout(this.pending);
    this.pending = setTimeout(() => {
      this.pending = null;
      this.trigger();
    }, delayMs);
    this.pending.unref();
  }

  private trigger(): void {
    if (this.stopping) return;
    if (this.scanning !== null) {
      this.again = true;
      return;
    }
    this.scanning = (async () => {
      do {
        this.again = false;
        await this.scanAndProcess();
      } while (this.again && !this.stopping);
    })().finally(() => {
      this.scanning = null;
      // A trigger that came after the loop's last check must not be lost.
      if (this.again) this.trigger();
    });
  }

  /** Scans without taking anything: what waits, for health.json, while a submission is processed. */
  private look(): void {
    try {
      const { ready, waiting } = scanDropFolder(this.options.root, this.stabilityRule(), this.stability);
      // Counts the sets of the current batch not taken yet; the batch's loop takes them off one by one.
      this.waiting = waiting + ready.length;
      this.lastScan = new Date().toISOString();
    } catch (error) {
      this.fail('scan', error);
    }
    this.writeHealth();
  }

  private stabilityRule(): { stableMs: number; goFirstStableMs: number } {
    return { stableMs: this.options.stableMs, goFirstStableMs: this.options.goFirstStableMs };
  }

  private async scanAndProcess(): Promise<void> {
    // Claims waiting out a failure first: they are older than anything the scan may find.
    if (this.retrying && !this.stopping) await this.retryClaims();
    try {
      const { ready, waiting, retryInMs } = scanDropFolder(this.options.root, this.stabilityRule(), this.stability);
      this.waiting = waiting + ready.length;
      if (retryInMs !== null && this.timer !== null && !this.stopping && this.retry === null) {
        this.retry = setTimeout(() => {
          this.retry = null;
          this.trigger();
        }, retryInMs);
        this.retry.unref();
      }
      this.lastScan = new Date().toISOString();
      this.writeHealth();
      // A large upload: chokidar digesting its events slowed processing fourfold, and the scans see
      // the files anyway, so the watcher rests until the backlog is done.
      const rest = ready.length >= QUIET_BACKLOG && this.watcher !== null && !this.stopping;
      if (rest) {
        await this.watcher!.close();
        this.watcher = null;
      }
      // Answers go out in batches: one folder sync per batch instead of two per submission.
      let batch: Processed[] = [];
      for (const candidate of ready) {
        if (this.stopping) break;
        const processed = await this.take(candidate);
        if (processed !== null) batch.push(processed);
        this.waiting = Math.max(0, this.waiting - 1);
        if (batch.length >= ANSWER_BATCH) {
          this.deliver(batch);
          batch = [];
        }
      }
      this.deliver(batch);
      if (rest && !this.stopping) {
        await this.follow();
        this.again = true;
      }
    } catch (error) {
      this.fail('scan', error);
    }
    this.writeHealth();
  }

  private async take(candidate: Candidate): Promise<Processed | null> {
    const { senderFolder, since: _since, ...rest } = candidate;
    const manifest: Manifest = { ...rest, ticket: newTicket(), claimedAt: new Date().toISOString() };
    try {
      this.options.state.claim(manifest, senderFolder);
    } catch (error) {
      // A file removed between the scan and the claim, or a move refused. A claim holding nothing
      // yet is undone and the next scan decides; retrying it would only find its files gone.
      let undone = false;
      try {
        undone = this.options.state.undo(manifest.ticket);
      } catch {
        // Left as it is: retried like any failed claim.
      }
      this.fail('claim', error, manifest, !undone);
      return null;
    }
    // In progress from now on, for whoever reads health.json while it is processed (before the
    // log line, so that a reader who saw the line finds the file up to date).
    this.writeHealth();
    this.log('claimed', manifest, { files: manifest.files });
    return this.complete(manifest);
  }

  /** On start: every claim still in processing/ is finished (or processed, if nothing was committed). */
  private async recover(): Promise<void> {
    this.removeStaleTemporaries();
    for (const manifest of this.options.state.inProgress()) await this.finishClaim(manifest, 'recovering');
  }

  /** While running: each claim left in processing/ by a failure is taken again once its backoff is over. */
  private async retryClaims(): Promise<void> {
    let claims: Manifest[];
    try {
      claims = this.options.state.inProgress();
    } catch (error) {
      this.fail('scan', error);
      return;
    }
    const held = new Set(claims.map((manifest) => manifest.ticket));
    for (const ticket of this.backoff.keys()) if (!held.has(ticket)) this.backoff.delete(ticket);
    const now = Date.now();
    for (const manifest of claims) {
      if (this.stopping) return;
      // One with no failure on record was left by a scan that failed as a whole: due at once.
      const due = this.backoff.get(manifest.ticket);
      if (due !== undefined && due.dueAt > now) continue;
      await this.finishClaim(manifest, 'retrying', { attempt: (due?.attempts ?? 0) + 1 });
    }
  }

  /** Moves in what the claim still lacks, then processes it or answers it from the ledger, with its own ticket. */
  private async finishClaim(manifest: Manifest, event: 'recovering' | 'retrying', extra: Record<string, unknown> = {}): Promise<void> {
    try {
      for (const file of this.options.state.moveIn(manifest, this.senderFolder(manifest))) {
        this.options.logger.warn({ event: 'reupload', ticket: manifest.ticket, sender: manifest.sender, file }, 'uploaded again while claimed: left in the sender folder, to be taken as a submission of its own');
      }
    } catch (error) {
      // One claim that cannot be finished must not keep the others waiting: it stays as it is,
      // files and manifest, for a later attempt or an operator.
      this.fail('recover', error, manifest);
      return;
    }
    this.log(event, manifest, extra);
    const processed = await this.complete(manifest);
    try {
      if (processed !== null) this.deliver([processed]);
    } catch (error) {
      this.fail('answer', error, manifest);
    }
  }

  /** Processed once (or found processed before a crash): its answers as the ledger stored them. */
  private async complete(manifest: Manifest): Promise<Processed | null> {
    try {
      let stored = this.storedAnswers(manifest.ticket);
      if (stored === null) {
        const report = await this.process(manifest);
        this.log('processed', manifest, { status: report.status, applied: report.applied, blocking: report.counts.B, warnings: report.counts.W });
        stored = this.storedAnswers(manifest.ticket);
      }
      if (stored === null) throw new Error(`no answers stored for ticket ${manifest.ticket}`);
      return { manifest, answers: stored };
    } catch (error) {
      // Left in processing/: a later rescan (after its backoff) or the next start takes it again.
      this.fail('process', error, manifest);
      return null;
    }
  }

  /** Writes the answers, syncs each answer folder once, then the GO markers, then releases the claims. */
  private deliver(batch: readonly Processed[]): void {
    if (batch.length === 0) return;
    const markers: string[] = [];
    const folders = new Set<string>();
    const delivered: Processed[] = [];
    for (const processed of batch) {
      try {
        markers.push(...this.writeOutAnswers(processed.manifest, processed.answers));
        folders.add(this.outFolder(processed.manifest));
        delivered.push(processed);
      } catch (error) {
        this.fail('answer', error, processed.manifest);
      }
    }
    folders.forEach(syncFolderSync);
    for (const marker of markers) if (!existsSync(marker)) closeSync(openSync(marker, 'w'));
    folders.forEach(syncFolderSync);
    for (const { manifest, answers } of delivered) {
      try {
        const outcome = answers.positive ? 'done' : 'failed';
        this.options.state.finish(manifest.ticket, outcome);
        this.backoff.delete(manifest.ticket);
        this.processed++;
        this.log(outcome === 'done' ? 'answered' : 'refused', manifest);
      } catch (error) {
        this.fail('finish', error, manifest);
      }
    }
    this.writeHealth();
  }

  private async process(manifest: Manifest): Promise<ProcessReport> {
    const dir = this.options.state.processingDir(manifest.ticket);
    const fileName = manifest.parts[0] ?? manifest.files[0] ?? manifest.base;
    const receivedAt = new Date(manifest.claimedAt);
    const ledger: LedgerOptions = {
      db: this.options.db,
      sender: manifest.sender,
      environment: manifest.environment,
      fileName,
      ticket: manifest.ticket,
      receivedAt: manifest.claimedAt,
      renderAnswers: (report, source) => renderAnswers(report, { environment: manifest.environment, fileName, receivedAt, ...(this.options.languages !== undefined ? { languages: this.options.languages } : {}) }, source),
    };
    const names = manifest.parts.length > 0 ? manifest.parts : manifest.files;
    // Nothing but regular files is read, not even to hash a refused submission (claim-files.ts).
    const irregular = irregularFiles(dir, manifest.files);
    const readable = names.filter((name) => !irregular.some((i) => i.name === name)).map((name) => join(dir, name));
    if (manifest.refusal === undefined && irregular.length === 0) return this.engine.processFile(readable, {}, ledger);
    const findings: Finding[] = manifest.refusal !== undefined ? [refusalFinding(manifest)] : irregular.map((i) => receiptFinding('ACRF-120', i.kind, { name: i.name }));
    // A refused submission's GO marker may have gone (a sender who removed it): hash what is there.
    return this.engine.rejectSubmission(readable.filter((path) => existsSync(path)), findings, ledger);
  }

  private storedAnswers(ticket: string): StoredAnswers | null {
    return storedAnswers(this.options.db, ticket);
  }

  /** FO.ACRF / FO.NOTI in OUT or OUTTEST, never replacing another submission's; returns their GO markers. */
  private writeOutAnswers(manifest: Manifest, answers: StoredAnswers): string[] {
    const out = this.outFolder(manifest);
    const markers: string[] = [];
    for (const [kind, xml] of [['ACRF', answers.receipt], ['NOTI', answers.notification]] as const) {
      if (xml === null) continue;
      const plain = answerName(kind, manifest.base);
      // Ours already (written before a crash), or another submission's: then the ticket goes in the name.
      const taken = existsSync(join(out, plain)) && !answerHead(join(out, plain)).includes(`<Ticket>${manifest.ticket}</Ticket>`);
      const path = join(out, taken ? answerName(kind, manifest.base, manifest.ticket) : plain);
      if (!existsSync(path)) writeAnswerFileSync(path, xml, { syncFolder: false });
      markers.push(join(out, answerGoName(kind, manifest.base, taken ? manifest.ticket : undefined)));
    }
    return markers;
  }

  private outFolder(manifest: Manifest): string {
    return join(this.options.root, manifest.sender, manifest.area === 'IN' ? 'OUT' : 'OUTTEST');
  }

  /** A write killed half-way leaves its temporary answer behind; with the lock held, none is live. */
  private removeStaleTemporaries(): void {
    for (const sender of safeList(this.options.root).filter((name) => /^\d{6}$/.test(name))) {
      for (const area of ['OUT', 'OUTTEST']) {
        const folder = join(this.options.root, sender, area);
        for (const name of safeList(folder).filter((n) => n.startsWith('.') && n.endsWith('.tmp'))) rmSync(join(folder, name), { force: true });
      }
    }
  }

  private senderFolder(manifest: Manifest): string {
    return join(this.options.root, manifest.sender, manifest.area);
  }

  private log(event: string, manifest: Manifest, extra: Record<string, unknown> = {}): void {
    this.options.logger.info({ event, ticket: manifest.ticket, sender: manifest.sender, file: manifest.parts[0] ?? manifest.files[0], ...extra }, event);
  }

  /** Logs a failure with its code; a claim that stays in processing/ gets its next attempt (retry). */
  private fail(stage: string, error: unknown, manifest?: Manifest, retry = manifest !== undefined): void {
    const message = error instanceof Error ? error.message : String(error);
    const code = errorCode(stage, error);
    this.lastError = `${new Date().toISOString()} ${stage}: ${code}: ${message}`;
    let next = {};
    if (manifest !== undefined) {
      this.failedTickets.add(manifest.ticket);
      if (retry) {
        const attempts = (this.backoff.get(manifest.ticket)?.attempts ?? 0) + 1;
        const dueAt = Date.now() + Math.min(RETRY_MAX_MS, Math.max(this.options.rescanMs, 1000) * 2 ** (attempts - 1));
        this.backoff.set(manifest.ticket, { attempts, dueAt });
        if (this.retrying) next = { attempt: attempts, retryAt: new Date(dueAt).toISOString() };
      }
    } else this.failedScans++;
    this.options.logger.error({ event: 'error', stage, ...(manifest !== undefined ? { ticket: manifest.ticket, sender: manifest.sender, ...next } : {}), code, error: message }, `${stage} failed`);
  }

  private writeHealth(): void {
    // Counting the claims reads the state folder too: if that is gone, log it and keep serving.
    try {
      const health: Health = {
        pid: process.pid,
        startedAt: this.startedAt,
        lastScan: this.lastScan,
        waiting: Math.max(0, this.waiting),
        inProgress: this.options.state.inProgress().length,
        processed: this.processed,
        lastError: this.lastError,
      };
      this.options.state.writeHealth(health);
    } catch (error) {
      this.options.logger.error({ event: 'error', stage: 'health', code: errorCode('health', error), error: (error as Error).message }, 'health file not written');
    }
  }
}

/**
 * The code an error is logged with. A file system error is no bug of ours (OUT removed, a full disk):
 * it is a read while scanning or processing, a write (answer, claim, move, health file) otherwise.
 */
function errorCode(stage: string, error: unknown): ErrorCode {
  if (error instanceof FlaError) return error.code;
  if (isSqliteError(error)) return 'FLA_ERR_DB';
  const { code, syscall } = (error ?? {}) as { code?: unknown; syscall?: unknown };
  if (typeof code === 'string' && typeof syscall === 'string') return ['scan', 'watcher', 'process'].includes(stage) ? 'FLA_ERR_READ' : 'FLA_ERR_WRITE';
  return 'FLA_ERR_INTERNAL';
}

/** The receipt finding of a submission refused before reading (a bad name, a withdrawal). */
function refusalFinding(manifest: Manifest): Finding {
  const refusal = manifest.refusal!;
  if ('messageId' in refusal) return receiptFinding(refusal.code, refusal.messageId, refusal.data);
  // A withdrawal claimed by a version that gave it no code: the same answer as a withdrawal now.
  return receiptFinding('ACRF-119', 'withdrawn', { name: manifest.files.find((name) => name.startsWith('TD.')) ?? manifest.base });
}

/** The start of an answer, where its Ticket is: enough to tell whose it is without reading it all. */
function answerHead(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(4096);
    return buffer.toString('utf8', 0, readSync(fd, buffer, 0, buffer.length, 0));
  } finally {
    closeSync(fd);
  }
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
