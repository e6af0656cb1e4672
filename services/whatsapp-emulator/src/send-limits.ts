/** Meta's pair rate limit: `burst` messages to one customer at once, then one per `intervalMs` on average. */
export interface PairRateLimit {
  burst: number;
  intervalMs: number;
}

/**
 * The pair rate limit (131056), as Meta describes it: a burst borrows from later capacity, so after `burst`
 * messages at once the customer gets the next one only `intervalMs` later. Refused sends cost nothing.
 */
export class PairLimiter {
  limit: PairRateLimit | null = null;
  private readonly due = new Map<string, number>();

  /** Whether this send may go now; counts it when it may. */
  allow(phoneNumberId: string, recipient: string, now = Date.now()): boolean {
    if (this.limit === null) return true;
    const key = `${phoneNumberId}:${recipient.replace(/\D/g, '') || recipient}`;
    const due = Math.max(this.due.get(key) ?? 0, now);
    if (due - now > (this.limit.burst - 1) * this.limit.intervalMs) return false;
    this.due.set(key, due + this.limit.intervalMs);
    return true;
  }

  reset(): void {
    this.limit = null;
    this.due.clear();
  }
}

/** Accepted sends of one number over time: the busiest calendar second and the busiest 1,000 ms anywhere. */
class NumberThroughput {
  accepted = 0;
  maxInAnyOneSecond = 0;
  maxInACalendarSecond = 0;
  /** Accepted sends per calendar second (epoch seconds), the last few minutes. */
  readonly perSecond = new Map<number, number>();
  private readonly lastSecond: number[] = [];

  record(now: number): void {
    this.accepted += 1;
    this.lastSecond.push(now);
    while ((this.lastSecond[0] ?? now) <= now - 1000) this.lastSecond.shift();
    this.maxInAnyOneSecond = Math.max(this.maxInAnyOneSecond, this.lastSecond.length);
    const second = Math.floor(now / 1000);
    const count = (this.perSecond.get(second) ?? 0) + 1;
    this.perSecond.set(second, count);
    this.maxInACalendarSecond = Math.max(this.maxInACalendarSecond, count);
    for (const s of this.perSecond.keys()) {
      if (s >= second - 300) break;
      this.perSecond.delete(s);
    }
  }

  toJSON(now = Date.now()) {
    const inLastSecond = this.lastSecond.filter((t) => t > now - 1000).length;
    return {
      accepted: this.accepted,
      inLastSecond,
      maxInAnyOneSecond: this.maxInAnyOneSecond,
      maxInACalendarSecond: this.maxInACalendarSecond,
      perSecond: [...this.perSecond].map(([second, count]) => ({ second, count })),
    };
  }
}

/** Messages accepted per second, per business number: what a rate limit on the sender side must keep under. */
export class ThroughputMeter {
  private readonly numbers = new Map<string, NumberThroughput>();

  record(phoneNumberId: string, now = Date.now()): void {
    let meter = this.numbers.get(phoneNumberId);
    if (meter === undefined) {
      meter = new NumberThroughput();
      this.numbers.set(phoneNumberId, meter);
    }
    meter.record(now);
  }

  reset(): void {
    this.numbers.clear();
  }

  toJSON() {
    const byPhoneNumber = Object.fromEntries([...this.numbers].map(([id, meter]) => [id, meter.toJSON()]));
    const all = Object.values(byPhoneNumber);
    return {
      accepted: all.reduce((n, m) => n + m.accepted, 0),
      maxInAnyOneSecond: Math.max(0, ...all.map((m) => m.maxInAnyOneSecond)),
      byPhoneNumber,
    };
  }
}

/** The sending limits the emulator enforces beyond `faults.throughputPerSecond`, and what it measured. */
export class SendLimits {
  readonly pair = new PairLimiter();
  readonly throughput = new ThroughputMeter();
  pairRejections = 0;

  reset(): void {
    this.pair.reset();
    this.throughput.reset();
    this.pairRejections = 0;
  }
}
