// Ctrl-C and SIGTERM during `fla process`. Before a file is committed, stopping at once is safe: the
// open transaction is never committed and the ledger stays as it was. Once it is committed its
// answers must be written too, or the sender never learns what was applied: the signal then waits
// until they are, and the run stops before the next file. A second signal stops at once (the
// answers can be written again later: `fla answers`, or the same file processed again).
import { constants } from 'node:os';

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
type StopSignal = (typeof SIGNALS)[number];

export class InterruptGuard {
  private holding: string | null = null;
  private pending: StopSignal | null = null;
  private readonly listeners = SIGNALS.map((signal) => [signal, () => this.received(signal)] as const);

  constructor(private readonly say: (line: string) => void) {
    for (const [signal, listener] of this.listeners) process.on(signal, listener);
  }

  /** The signal that asked the run to stop, once the work in hand was finished. */
  get stopRequested(): StopSignal | null {
    return this.pending;
  }

  /** From now on a signal waits until `release`: `what` is being finished (for the message). */
  hold(what: string): void {
    this.holding = what;
  }

  release(): void {
    this.holding = null;
  }

  /** The exit code of a run stopped by `signal`, as a shell reports one killed by it. */
  static exitCode(signal: StopSignal): number {
    return 128 + constants.signals[signal];
  }

  dispose(): void {
    for (const [signal, listener] of this.listeners) process.removeListener(signal, listener);
  }

  private received(signal: StopSignal): void {
    if (this.holding !== null && this.pending === null) {
      this.pending = signal;
      this.say(`fla: ${signal}: finishing ${this.holding} first, then stopping (${signal === 'SIGINT' ? 'Ctrl-C' : 'the signal'} again stops at once)\n`);
      return;
    }
    if (this.holding === null && this.pending !== null) return;
    // Nothing committed is in hand (or a second signal): die of the signal, as without this guard.
    this.dispose();
    process.kill(process.pid, signal);
  }
}
