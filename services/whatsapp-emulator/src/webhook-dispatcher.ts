import type { Logger } from '@botflow/service-kit';
import { signPayload } from '@botflow/whatsapp';
import type { FaultPlan } from './faults.ts';
import type { Stats } from './stats.ts';
import type { Timers } from './timers.ts';

export interface WebhookDelivery {
  id: number;
  kind: 'message' | 'status' | 'raw';
  summary: string;
  url: string;
  createdAt: string;
  state: 'pending' | 'delivered' | 'failed';
  attempts: { at: string; status?: number; error?: string }[];
  nextAttemptAt?: string;
  body: string;
}

export interface DeliveryResult {
  deliveryId: number;
  delivered: boolean;
  status: number | null;
  error?: string;
}

export interface DeliveryRequest {
  url: string;
  appSecret: string;
  payload: unknown;
  kind: WebhookDelivery['kind'];
  summary: string;
  /** Omitted: signed with the app secret. A string: sent as the header verbatim. null: no header. */
  signature?: string | null;
  retry?: boolean;
  onDelivered?: () => void;
}

export interface DispatcherDeps {
  retryMs: number[];
  timeoutMs: number;
  stats: Stats;
  faults: FaultPlan;
  timers: Timers;
  log: Logger;
}

const MAX_KEPT = 1000;

/** POSTs webhooks like Meta: signed raw bytes, only 200 counts as received, retries on a schedule. */
export class WebhookDispatcher {
  readonly deliveries: WebhookDelivery[] = [];
  /** Requests on the wire right now. */
  inFlight = 0;
  private nextId = 1;
  private aborter = new AbortController();
  private readonly deps: DispatcherDeps;

  constructor(deps: DispatcherDeps) {
    this.deps = deps;
  }

  /** Resolves with the first attempt's outcome; retries continue in the background. */
  async deliver(request: DeliveryRequest): Promise<DeliveryResult> {
    const body = typeof request.payload === 'string' ? request.payload : JSON.stringify(request.payload);
    const signature = request.signature === undefined ? signPayload(body, request.appSecret) : request.signature;
    const delivery: WebhookDelivery = {
      id: this.nextId++,
      kind: request.kind,
      summary: request.summary,
      url: request.url,
      createdAt: new Date().toISOString(),
      state: 'pending',
      attempts: [],
      body,
    };
    this.deliveries.push(delivery);
    if (this.deliveries.length > MAX_KEPT) this.deliveries.shift();
    const result = await this.attempt(delivery, signature, request.retry ?? true, request.onDelivered);
    if (result.delivered && Math.random() < this.deps.faults.duplicateWebhookRate) {
      this.deps.stats.webhooks.duplicated += 1;
      this.deps.timers.schedule(10, () => this.post(delivery, signature));
    }
    return result;
  }

  private async attempt(
    delivery: WebhookDelivery,
    signature: string | null,
    retry: boolean,
    onDelivered?: () => void,
  ): Promise<DeliveryResult> {
    const { stats, retryMs, timers, log } = this.deps;
    const outcome = await this.post(delivery, signature);
    const delivered = outcome.status === 200;
    const retriesDone = delivery.attempts.length - 1;
    const nextDelay = retryMs[retriesDone];
    delete delivery.nextAttemptAt;
    if (delivered) {
      delivery.state = 'delivered';
      stats.webhooks.delivered += 1;
      onDelivered?.();
    } else if (retry && nextDelay !== undefined) {
      delivery.nextAttemptAt = new Date(Date.now() + nextDelay).toISOString();
      timers.schedule(nextDelay, () => {
        stats.webhooks.retried += 1;
        return this.attempt(delivery, signature, retry, onDelivered);
      });
    } else {
      delivery.state = 'failed';
      stats.webhooks.failed += 1;
      log.warn(
        { deliveryId: delivery.id, url: delivery.url, attempts: delivery.attempts.length },
        'webhook not delivered',
      );
    }
    return { deliveryId: delivery.id, delivered, ...outcome };
  }

  private async post(
    delivery: WebhookDelivery,
    signature: string | null,
  ): Promise<{ status: number | null; error?: string }> {
    this.deps.stats.webhooks.attempts += 1;
    this.inFlight += 1;
    const at = new Date().toISOString();
    const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'facebookexternalua' };
    if (signature !== null) headers['x-hub-signature-256'] = signature;
    try {
      const response = await fetch(delivery.url, {
        method: 'POST',
        headers,
        body: delivery.body,
        signal: AbortSignal.any([this.aborter.signal, AbortSignal.timeout(this.deps.timeoutMs)]),
      });
      await response.body?.cancel();
      delivery.attempts.push({ at, status: response.status });
      return { status: response.status };
    } catch (err) {
      const error = err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err);
      delivery.attempts.push({ at, error });
      return { status: null, error };
    } finally {
      this.inFlight -= 1;
    }
  }

  /** Stops retries' in-flight requests (timers are cancelled by their owner) and forgets past deliveries. */
  reset(): void {
    this.aborter.abort();
    this.aborter = new AbortController();
    this.deliveries.length = 0;
  }
}
