// The engine's side of XSD validation: one long-lived child process that validates files in turn.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { FlaError } from '../errors.js';
import type { ValidationReply, ValidationRequest } from './xsd-protocol.js';

const WORKER = fileURLToPath(new URL('./xsd-worker.js', import.meta.url));

export class XsdValidator {
  private child: ChildProcess | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: ValidationReply) => void; reject: (e: Error) => void }>();

  constructor(private readonly xsd: string) {}

  validate(file: string, maxErrors: number): Promise<ValidationReply> {
    const child = this.ensureChild();
    const request: ValidationRequest = { id: this.nextId++, xsd: this.xsd, file, maxErrors };
    return new Promise((resolve, reject) => {
      this.pending.set(request.id, { resolve, reject });
      hold(child, true);
      child.send(request);
    });
  }

  close(): void {
    this.child?.kill();
    this.child = null;
  }

  private ensureChild(): ChildProcess {
    if (this.child !== null) return this.child;
    // The child's JavaScript only relays libxml2's errors: a 1 MB young generation instead of the
    // default 16 MB keeps the whole process tree inside the memory budget (README, Performance).
    const child = fork(WORKER, [], { execArgv: ['--max-semi-space-size=1'], stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'advanced' });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      if (stderr.length < 4000) stderr += d.toString();
    });
    child.on('message', (reply: ValidationReply) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (this.pending.size === 0) hold(child, false);
      waiting?.resolve(reply);
    });
    child.on('exit', (code, signal) => {
      if (this.child === child) this.child = null;
      const error = new FlaError('FLA_ERR_VALIDATOR', `the XSD validator stopped (${signal ?? `exit ${code}`})${stderr ? `: ${stderr.trim().split('\n')[0]}` : ''}`);
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    });
    hold(child, false);
    this.child = child;
    return child;
  }
}

/** An idle validator must not keep the process alive; a busy one must. */
function hold(child: ChildProcess, busy: boolean): void {
  const channel = (child as unknown as { channel?: { ref(): void; unref(): void } }).channel;
  if (busy) {
    child.ref();
    channel?.ref();
  } else {
    child.unref();
    channel?.unref();
  }
}
