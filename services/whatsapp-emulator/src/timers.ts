import type { Logger } from '@botflow/service-kit';

/** Scheduled work (status reports, webhook retries) that `clear()` cancels when the emulator resets or closes. */
export class Timers {
  private readonly handles = new Set<NodeJS.Timeout>();
  private readonly log: Logger;
  constructor(log: Logger) {
    this.log = log;
  }

  schedule(ms: number, task: () => unknown): void {
    const handle = setTimeout(() => {
      this.handles.delete(handle);
      Promise.resolve()
        .then(task)
        .catch((err: unknown) => this.log.error({ err }, 'scheduled task failed'));
    }, ms);
    this.handles.add(handle);
  }

  get pending(): number {
    return this.handles.size;
  }

  clear(): void {
    for (const handle of this.handles) clearTimeout(handle);
    this.handles.clear();
  }
}
