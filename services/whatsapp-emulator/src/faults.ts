import { z } from 'zod';
import { GRAPH_ERROR, httpStatusForGraphError } from '@botflow/whatsapp';

const faultSpec = z
  .object({
    status: z.number().int().min(400).max(599).optional(),
    code: z.number().int().optional(),
    message: z.string().optional(),
    details: z.string().optional(),
    /** Close the connection without answering. */
    drop: z.boolean().optional(),
    /** Accept the send (200 + wamid), then report it `failed` with `code` in a status webhook, as Meta does for 131047/131026. */
    async: z.boolean().optional(),
    /**
     * Accept the send (recorded, statuses follow) but hold the 200 back this long: a sender that dies or times out
     * meanwhile never learns its message went out, the case idempotent senders must reconcile.
     */
    acceptThenDelayMs: z.number().int().min(1).max(120_000).optional(),
  })
  .refine((f) => !f.async || f.code !== undefined, { message: 'an async fault needs a code', path: ['code'] });

export type FaultSpec = z.infer<typeof faultSpec>;

export const faultPlanInput = z.object({
  next: z.array(faultSpec).optional(),
  latencyMs: z.number().int().min(0).max(60_000).optional(),
  errorRate: z.number().min(0).max(1).optional(),
  rateFault: faultSpec.optional(),
  throughputPerSecond: z.number().int().min(1).nullable().optional(),
  duplicateWebhookRate: z.number().min(0).max(1).optional(),
  shuffleStatuses: z.boolean().optional(),
});

/** A fault resolved to what the Graph endpoint answers. */
export interface ResolvedFault {
  status: number;
  code: number;
  message?: string;
  details?: string;
  drop: boolean;
  async: boolean;
  acceptThenDelayMs?: number;
}

/** What goes wrong on purpose: queued one-shot failures, a random error rate, latency, limits, webhook chaos. */
export class FaultPlan {
  next: FaultSpec[] = [];
  latencyMs = 0;
  errorRate = 0;
  rateFault: FaultSpec = { status: 500, code: GRAPH_ERROR.SOMETHING_WENT_WRONG };
  throughputPerSecond: number | null = null;
  duplicateWebhookRate = 0;
  shuffleStatuses = false;

  /** `next` is appended to the queue; every other field given replaces the current value. */
  apply(input: z.infer<typeof faultPlanInput>): void {
    const { next, ...rest } = input;
    if (next) this.next.push(...next);
    Object.assign(this, Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)));
  }

  clear(): void {
    Object.assign(this, new FaultPlan());
  }

  /** The fault for this send, if any: first the queue, then the error rate. */
  take(random = Math.random): ResolvedFault | undefined {
    const spec = this.next.shift() ?? (this.errorRate > 0 && random() < this.errorRate ? this.rateFault : undefined);
    return spec === undefined ? undefined : resolveFault(spec);
  }

  toJSON() {
    const { next, latencyMs, errorRate, rateFault, throughputPerSecond, duplicateWebhookRate, shuffleStatuses } = this;
    return { next, latencyMs, errorRate, rateFault, throughputPerSecond, duplicateWebhookRate, shuffleStatuses };
  }
}

function resolveFault(spec: FaultSpec): ResolvedFault {
  const code = spec.code ?? codeForStatus(spec.status ?? 500);
  return {
    status: spec.status ?? httpStatusForGraphError(code),
    code,
    ...(spec.message === undefined ? {} : { message: spec.message }),
    ...(spec.details === undefined ? {} : { details: spec.details }),
    drop: spec.drop ?? false,
    async: spec.async ?? false,
    ...(spec.acceptThenDelayMs === undefined ? {} : { acceptThenDelayMs: spec.acceptThenDelayMs }),
  };
}

function codeForStatus(status: number): number {
  if (status === 401) return GRAPH_ERROR.ACCESS_TOKEN_EXPIRED;
  if (status === 429) return GRAPH_ERROR.THROUGHPUT_LIMIT;
  if (status >= 500) return GRAPH_ERROR.SOMETHING_WENT_WRONG;
  return GRAPH_ERROR.INVALID_PARAMETER;
}
