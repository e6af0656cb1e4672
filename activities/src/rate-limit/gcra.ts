/** A limit as Meta states it: one message every `intervalMs` on average, and at most `burst` at once. */
export interface RateRule {
  intervalMs: number;
  burst: number;
}

export type Reservation = { granted: true; waitMs: number } | { granted: false; waitMs: number };

/**
 * The generic cell rate algorithm, with reservations. `tat` (theoretical arrival time) is when the next message
 * would be due at the steady rate; a message may go `burst - 1` intervals ahead of it. Reserving returns when this
 * message may go (now or later) and moves `tat` on by one interval; a slot further off than `maxWaitMs` is not
 * reserved, so a caller that gives up costs nobody capacity. The Redis script in redis-limiter.ts is the same.
 */
export function reserve(
  tat: number,
  now: number,
  rule: RateRule,
  maxWaitMs: number,
): { reservation: Reservation; nextTat: number } {
  const due = Math.max(tat, now);
  const slot = Math.max(now, due - (rule.burst - 1) * rule.intervalMs);
  const waitMs = slot - now;
  if (waitMs > maxWaitMs) return { reservation: { granted: false, waitMs }, nextTat: tat };
  return { reservation: { granted: true, waitMs }, nextTat: due + rule.intervalMs };
}

/** Keeps each key's `tat` where the algorithm can read and move it in one step. */
export interface SlotStore {
  reserve(key: string, rule: RateRule, maxWaitMs: number): Promise<Reservation>;
}

/** The algorithm in this process only: for tests, and for a worker that lost Redis (each process limits alone). */
export class MemorySlotStore implements SlotStore {
  private readonly tats = new Map<string, number>();
  private readonly clock: () => number;
  constructor(clock: () => number = () => performance.timeOrigin + performance.now()) {
    this.clock = clock;
  }

  async reserve(key: string, rule: RateRule, maxWaitMs: number): Promise<Reservation> {
    const now = this.clock();
    const { reservation, nextTat } = reserve(this.tats.get(key) ?? 0, now, rule, maxWaitMs);
    if (reservation.granted) this.tats.set(key, nextTat);
    if (this.tats.size > 10_000) this.forgetPast(now);
    return reservation;
  }

  /** A key whose `tat` has passed behaves as if it had never been seen. */
  private forgetPast(now: number): void {
    for (const [key, tat] of this.tats) if (tat <= now) this.tats.delete(key);
  }
}
