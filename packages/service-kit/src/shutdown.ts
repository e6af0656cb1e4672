import type { Logger } from 'pino';

type Closer = { name: string; close: () => Promise<unknown> };

/**
 * Graceful shutdown: on SIGTERM/SIGINT, closers run in reverse registration order (stop taking work first, then
 * drain, then close connections), each bounded so one stuck dependency cannot keep the process alive.
 */
export class Shutdown {
  private readonly closers: Closer[] = [];
  private started = false;
  private readonly log: Logger;
  private readonly timeoutMs: number;
  constructor(log: Logger, timeoutMs = 15000) {
    this.log = log;
    this.timeoutMs = timeoutMs;
  }

  add(name: string, close: () => Promise<unknown>): void {
    this.closers.push({ name, close });
  }

  listen(signals: NodeJS.Signals[] = ['SIGTERM', 'SIGINT']): void {
    for (const signal of signals) {
      process.once(signal, () => {
        this.log.info({ signal }, 'shutting down');
        void this.run().then((ok) => process.exit(ok ? 0 : 1));
      });
    }
  }

  /** Returns false when any closer failed or timed out. Safe to call more than once. */
  async run(): Promise<boolean> {
    if (this.started) return true;
    this.started = true;
    let ok = true;
    for (const { name, close } of [...this.closers].reverse()) {
      try {
        await Promise.race([
          close(),
          new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), this.timeoutMs).unref()),
        ]);
      } catch (err) {
        ok = false;
        this.log.error({ err, closer: name }, 'shutdown step failed');
      }
    }
    return ok;
  }
}
