import { setTimeout as sleep } from 'node:timers/promises';
import type { RateRule, SlotStore } from './gcra.ts';

/** Meta's sending limits, as this deployment applies them. */
export interface SendRateLimits {
  /** Messages per second one business number may send (Meta: 80 by default); 0 turns the limit off. */
  perSecond: number;
  /** Numbers with another throughput than `perSecond`, e.g. one Meta upgraded to 1,000/s. */
  perSecondByNumber?: Record<string, number>;
  /**
   * Messages of one number are spaced evenly, as if a second lasted this much longer: a send that leaves a few
   * milliseconds late (timers, network) then never puts more than `perSecond` into any one-second window at Meta.
   */
  guardMs?: number;
  /** Messages one customer may get at once before the pair pace applies (Meta: 45); 0 turns the limit off. */
  pairBurst: number;
  /** The pair pace: on average one message to the same customer every this many ms (Meta: 6,000). */
  pairIntervalMs: number;
}

export interface SendRoute {
  phoneNumberId: string;
  recipient: string;
}

/** No slot before the deadline: the send was not made and should be tried again after `retryAfterMs`. */
export class SlotUnavailable extends Error {
  override name = 'SlotUnavailable';
  readonly retryAfterMs: number;
  constructor(limit: 'number' | 'pair', retryAfterMs: number) {
    super(
      limit === 'number'
        ? `the business number's sending rate is used up for the next ${Math.ceil(retryAfterMs)} ms`
        : `this customer may get the next message in ${Math.ceil(retryAfterMs)} ms (WhatsApp's pair rate limit)`,
    );
    this.retryAfterMs = retryAfterMs;
  }
}

export interface SendThrottle {
  /**
   * Resolves (with the time waited) when this message may go to Meta; the caller sends at once. Throws
   * SlotUnavailable when the wait would end after `deadline` (epoch ms), and the abort reason when `signal` fires.
   */
  acquire(route: SendRoute, deadline: number, signal?: AbortSignal): Promise<number>;
}

const PREFIX = 'botflow:send-rate';

/**
 * The customer's slot first (it may be seconds away), then the number's (milliseconds away), so the number's slot
 * is the last thing before the call. Slots are reserved, not polled: waiting senders queue in order instead of
 * racing each other.
 *
 * Two margins keep Meta's own count from ever running ahead of ours when messages leave a little late (a busy event
 * loop, the network): the number's messages are spaced by `guardMs`, and a sender that wakes later than half of it
 * after its slot gives the slot up and queues again, so late senders never bunch up; the customer's burst is one
 * message short of Meta's, which absorbs a whole interval of lateness.
 */
export function createSendThrottle(store: SlotStore, limits: SendRateLimits): SendThrottle {
  const guardMs = limits.guardMs ?? 0;
  const pairRule: RateRule | null =
    limits.pairBurst > 0 ? { intervalMs: limits.pairIntervalMs, burst: Math.max(1, limits.pairBurst - 1) } : null;
  const numberRule = (phoneNumberId: string): RateRule | null => {
    const rate = limits.perSecondByNumber?.[phoneNumberId] ?? limits.perSecond;
    return rate > 0 ? { intervalMs: (1000 + guardMs) / rate, burst: 1 } : null;
  };

  /** Reserves a slot and sleeps until it; `lateMs`: how late a wake-up may be before the slot is given up. */
  async function take(
    key: string,
    rule: RateRule,
    limit: 'number' | 'pair',
    deadline: number,
    lateMs: number,
    signal?: AbortSignal,
  ) {
    for (;;) {
      signal?.throwIfAborted();
      const asked = Date.now();
      const reservation = await store.reserve(`${PREFIX}:${key}`, rule, Math.max(0, deadline - asked));
      if (!reservation.granted) throw new SlotUnavailable(limit, reservation.waitMs);
      // Counted from the request, not the answer: an answer read late must not make a late wake-up look on time.
      const slotAt = asked + reservation.waitMs;
      // Timers may fire a millisecond early: never before the slot.
      for (let wait = slotAt - Date.now(); wait > 0; wait = slotAt - Date.now()) {
        await sleep(Math.ceil(wait), undefined, signal ? { signal } : {});
      }
      if (Date.now() - slotAt <= lateMs) return;
    }
  }

  return {
    async acquire({ phoneNumberId, recipient }, deadline, signal) {
      const started = Date.now();
      if (pairRule) await take(`pair:${phoneNumberId}:${recipient}`, pairRule, 'pair', deadline, Infinity, signal);
      const rule = numberRule(phoneNumberId);
      if (rule)
        await take(`number:${phoneNumberId}`, rule, 'number', deadline, guardMs > 0 ? guardMs / 2 : Infinity, signal);
      return Date.now() - started;
    },
  };
}
