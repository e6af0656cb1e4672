import express, { Router } from 'express';
import { z } from 'zod';
import type { EmulatorContext } from './context.ts';
import { parseBody } from './parse-body.ts';

const limitsInput = z.object({
  /** `null` turns the pair rate limit off; Meta's own: `{burst: 45, intervalMs: 6000}`. */
  pairRateLimit: z
    .object({
      burst: z.number().int().min(1, 'burst is at least 1 message'),
      intervalMs: z.number().int().min(1, 'intervalMs is at least 1'),
    })
    .nullable()
    .optional(),
  /** `null` turns the throughput limit (130429) off; Meta's default is 80. */
  throughputPerSecond: z.number().int().min(1).nullable().optional(),
});

/** Rate limits (130429, 131056) and the throughput counters under `/_emulator/limits` and `/_emulator/throughput`. */
export function limitRoutes(ctx: EmulatorContext): Router {
  const { state } = ctx;
  const router = Router();
  const current = () => ({
    throughputPerSecond: state.faults.throughputPerSecond,
    pairRateLimit: state.limits.pair.limit,
    pairRejections: state.limits.pairRejections,
    throughputRejections: state.stats.rejected.throughput,
  });

  router.get('/_emulator/limits', (_req, res) => {
    res.json(current());
  });
  router.post('/_emulator/limits', express.json(), (req, res) => {
    const input = parseBody(limitsInput, req.body);
    if (input.pairRateLimit !== undefined) state.limits.pair.limit = input.pairRateLimit;
    if (input.throughputPerSecond !== undefined) state.faults.throughputPerSecond = input.throughputPerSecond;
    res.json(current());
  });
  router.get('/_emulator/throughput', (_req, res) => {
    res.json(state.limits.throughput);
  });
  router.delete('/_emulator/throughput', (_req, res) => {
    state.limits.throughput.reset();
    res.json(state.limits.throughput);
  });
  return router;
}
