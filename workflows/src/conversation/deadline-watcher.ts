import { CancellationScope, condition, isCancellation, sleep } from '@temporalio/workflow';

/**
 * One timer for all of a conversation's deadlines (question timeouts, session expiry), re-armed only when it fires
 * or when a deadline moves earlier than the armed one. A timer per turn would add two history events to every turn.
 */
export class DeadlineWatcher {
  private armedFor = Number.POSITIVE_INFINITY;
  private scope: CancellationScope | null = null;
  private stopped = false;
  /** Set when a deadline passed; the conversation clears it once it has handled the expiry. */
  due = false;
  private readonly nextDeadline: () => number;

  constructor(nextDeadline: () => number) {
    this.nextDeadline = nextDeadline;
  }

  /** Call after anything that may move the deadline earlier. */
  reschedule(): void {
    if (this.nextDeadline() < this.armedFor) this.scope?.cancel();
  }

  stop(): void {
    this.stopped = true;
    this.scope?.cancel();
  }

  async run(): Promise<void> {
    while (!this.stopped) {
      const deadline = this.nextDeadline();
      this.armedFor = deadline;
      this.scope = new CancellationScope();
      try {
        await this.scope.run(() => sleep(Math.max(deadline - Date.now(), 1)));
      } catch (err) {
        if (isCancellation(err)) continue;
        throw err;
      }
      if (Date.now() >= this.nextDeadline()) {
        this.due = true;
        await condition(() => !this.due || this.stopped);
      }
    }
  }
}
