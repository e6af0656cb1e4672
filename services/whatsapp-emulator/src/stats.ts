/** Counts sends per second (overall and per phone number) and remembers the busiest second. */
class RateCounter {
  total = 0;
  maxPerSecond = 0;
  private second = 0;
  private inSecond = 0;

  hit(now = Date.now()): number {
    const second = Math.floor(now / 1000);
    if (second !== this.second) {
      this.second = second;
      this.inSecond = 0;
    }
    this.total += 1;
    this.inSecond += 1;
    this.maxPerSecond = Math.max(this.maxPerSecond, this.inSecond);
    return this.inSecond;
  }

  toJSON() {
    return { total: this.total, maxPerSecond: this.maxPerSecond };
  }
}

export class Stats {
  sends = new RateCounter();
  sendsByPhoneNumber = new Map<string, RateCounter>();
  rejected = { auth: 0, unknownPhoneNumber: 0, validation: 0, injected: 0, throughput: 0 };
  accepted = 0;
  failedStatuses = 0;
  markedRead = 0;
  inbound = 0;
  webhooks = { attempts: 0, delivered: 0, retried: 0, failed: 0, duplicated: 0 };

  /** Records a send attempt that passed authentication; returns how many this number made in the current second. */
  countSend(phoneNumberId: string): number {
    this.sends.hit();
    let counter = this.sendsByPhoneNumber.get(phoneNumberId);
    if (counter === undefined) {
      counter = new RateCounter();
      this.sendsByPhoneNumber.set(phoneNumberId, counter);
    }
    return counter.hit();
  }

  reset(): void {
    Object.assign(this, new Stats());
  }

  toJSON() {
    return {
      sends: {
        ...this.sends.toJSON(),
        accepted: this.accepted,
        byPhoneNumber: Object.fromEntries(this.sendsByPhoneNumber),
      },
      rejected: this.rejected,
      failedStatuses: this.failedStatuses,
      markedRead: this.markedRead,
      inbound: this.inbound,
      webhooks: this.webhooks,
    };
  }
}
