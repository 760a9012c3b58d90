// The engine's side of libxml2: one long-lived child process that reads files in turn, validating
// each against the XSD and sending its elements back as frames (src/receipt/frames.ts) while the
// engine maps and checks them. One parse per file, on the second core.
import { fork, type ChildProcess } from 'node:child_process';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { FlaError } from '../errors.js';
import { FrameReader, type ElementHandler, type FrameTarget } from './frames.js';
import type { ReceiptLimits } from './limits.js';
import { FRAMES_FD, type ValidationReply, type ValidationRequest } from './xsd-protocol.js';

const WORKER = fileURLToPath(new URL('./xsd-worker.js', import.meta.url));

/** One file asked of the child: its verdict, and its elements for whoever maps them. */
export interface Validation {
  readonly reply: Promise<ValidationReply>;
  /** Replays the file's elements into `handler`; resolves after the last one. */
  map(handler: ElementHandler): Promise<void>;
  /** Drops the elements of a file that will not be mapped, so that the files after it flow. */
  discard(): void;
}

const IGNORE: ElementHandler = { start() {}, leaf() {}, end() {}, text() {}, problem() {} };

interface Pending {
  readonly id: number;
  handler: ElementHandler | undefined;
  resolveReply(reply: ValidationReply): void;
  rejectReply(error: Error): void;
  mapped: { resolve(): void; reject(error: Error): void } | undefined;
  failure: Error | undefined;
}

export class XsdValidator {
  private child: ChildProcess | null = null;
  private reader: FrameReader | null = null;
  private nextId = 1;
  /** In the order asked: the first one is the file whose frames are arriving. */
  private readonly queue: Pending[] = [];
  private readonly awaitingReply = new Map<number, Pending>();

  constructor(private readonly xsd: string) {}

  validate(file: string, limits: Pick<ReceiptLimits, 'maxDepth' | 'maxTextChars'>, maxErrors: number): Validation {
    const child = this.ensureChild();
    const request: ValidationRequest = { id: this.nextId++, xsd: this.xsd, file, maxErrors, maxDepth: limits.maxDepth, maxTextChars: limits.maxTextChars };
    let entry!: Pending;
    const reply = new Promise<ValidationReply>((resolve, reject) => {
      entry = { id: request.id, handler: undefined, resolveReply: resolve, rejectReply: reject, mapped: undefined, failure: undefined };
    });
    this.queue.push(entry);
    this.awaitingReply.set(entry.id, entry);
    hold(child, true);
    child.send(request);
    const attach = (handler: ElementHandler, mapped: { resolve(): void; reject(error: Error): void }): void => {
      if (entry.failure !== undefined) return mapped.reject(entry.failure);
      entry.handler = handler;
      entry.mapped = mapped;
      // Frames may be waiting for this file; a handler that throws on them fails it as below.
      const child = this.child;
      if (this.queue[0] !== entry || child === null) return;
      try {
        if (this.reader?.push(Buffer.alloc(0))) framesOf(child).resume();
      } catch (error) {
        this.fail(child, error instanceof Error ? error : new Error(String(error)));
      }
    };
    return {
      reply,
      map: (handler) => new Promise<void>((resolve, reject) => attach(handler, { resolve, reject })),
      discard: () => {
        if (entry.handler === undefined) attach(IGNORE, { resolve: () => undefined, reject: () => undefined });
      },
    };
  }

  /** Starts the child now rather than with the first file. */
  start(): void {
    this.ensureChild();
  }

  close(): void {
    this.child?.kill();
    this.child = null;
  }

  private target(): FrameTarget | undefined {
    const head = this.queue[0];
    if (head?.handler === undefined) return undefined;
    return {
      handler: head.handler,
      fileEnd: () => {
        this.queue.shift();
        head.mapped?.resolve();
        this.release();
      },
    };
  }

  private ensureChild(): ChildProcess {
    if (this.child !== null) return this.child;
    const child = takeSpare() ?? forkWorker();
    const frames = framesOf(child);
    const reader = new FrameReader(() => this.target());
    frames.on('data', (chunk: Buffer) => {
      try {
        if (!reader.push(chunk)) frames.pause();
      } catch (error) {
        // A handler that throws is the engine's bug: it surfaces where that file is mapped.
        this.fail(child, error instanceof Error ? error : new Error(String(error)));
      }
    });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      if (stderr.length < 4000) stderr += d.toString();
    });
    child.on('message', (reply: ValidationReply) => {
      const entry = this.awaitingReply.get(reply.id);
      this.awaitingReply.delete(reply.id);
      entry?.resolveReply(reply);
      this.release();
    });
    child.on('exit', (code, signal) => {
      this.fail(child, new FlaError('FLA_ERR_VALIDATOR', `the XSD validator stopped (${signal ?? `exit ${code}`})${stderr ? `: ${stderr.trim().split('\n')[0]}` : ''}`));
    });
    this.child = child;
    this.reader = reader;
    hold(child, false);
    return child;
  }

  /** Everything still asked of this child fails with `error`; the next file starts a new child. */
  private fail(child: ChildProcess, error: Error): void {
    // A child already replaced (its files failed when it was) exits late: the files now waiting
    // belong to its successor and must not fail with it.
    if (this.child !== null && this.child !== child) return;
    if (this.child === child) {
      this.child = null;
      this.reader = null;
      child.kill();
    }
    for (const entry of this.queue) {
      entry.failure = error;
      entry.mapped?.reject(error);
    }
    for (const entry of this.awaitingReply.values()) entry.rejectReply(error);
    this.queue.length = 0;
    this.awaitingReply.clear();
  }

  private release(): void {
    if (this.child !== null && this.queue.length === 0 && this.awaitingReply.size === 0) hold(this.child, false);
  }
}

function framesOf(child: ChildProcess): Readable {
  return child.stdio[FRAMES_FD] as Readable;
}

function forkWorker(): ChildProcess {
  // The child's JavaScript only relays libxml2's verdict: a 1 MB young generation instead of the
  // default 16 MB keeps the whole process tree inside the memory budget (README, Performance).
  return fork(WORKER, [String(process.pid)], { execArgv: ['--max-semi-space-size=1'], stdio: ['ignore', 'ignore', 'pipe', 'ipc', 'pipe'], serialization: 'advanced' });
}

let spare: ChildProcess | null = null;

/**
 * Starts a child before the engine exists, for the first XsdValidator to adopt: `bin/fla` calls
 * this first thing for the commands that validate, so that the child's start (Node, the addon)
 * overlaps the loading of the command line's modules rather than following it.
 */
export function prestart(): void {
  if (spare !== null) return;
  const child = forkWorker();
  spare = child;
  // Unused (a usage error, say), it must neither keep this process alive nor outlive it.
  hold(child, false);
  process.once('exit', () => {
    if (spare === child) child.kill();
  });
}

function takeSpare(): ChildProcess | null {
  const child = spare;
  spare = null;
  return child !== null && child.exitCode === null && child.signalCode === null ? child : null;
}

/** An idle validator must not keep the process alive; a busy one must. */
function hold(child: ChildProcess, busy: boolean): void {
  const channel = (child as unknown as { channel?: { ref(): void; unref(): void } }).channel;
  // Its pipes (stderr, frames) are sockets, which keep the loop alive as the channel does.
  const pipes = [child.stderr, framesOf(child)] as unknown as Array<{ ref?(): void; unref?(): void } | null>;
  if (busy) {
    child.ref();
    channel?.ref();
    for (const pipe of pipes) pipe?.ref?.();
  } else {
    child.unref();
    channel?.unref();
    for (const pipe of pipes) pipe?.unref?.();
  }
}
