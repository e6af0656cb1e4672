import express, { Router } from 'express';
import { z } from 'zod';
import type { EmulatorContext } from './context.ts';
import { faultPlanInput } from './faults.ts';
import { parseBody } from './parse-body.ts';

const phoneNumberInput = z.object({
  phoneNumberId: z.string().regex(/^\d+$/, 'expected digits'),
  displayPhoneNumber: z.string().min(1),
  wabaId: z.string().regex(/^\d+$/, 'expected digits').optional(),
  accessToken: z.string().min(1).optional(),
  appSecret: z.string().min(1).optional(),
  webhookUrl: z.url({ protocol: /^https?$/ }).optional(),
});

/** Faults, phone numbers, stats and reset under `/_emulator`. */
export function controlRoutes(ctx: EmulatorContext): Router {
  const { state, options } = ctx;
  const router = Router();
  router.use('/_emulator', express.json({ limit: '5mb' }));

  router.get('/_emulator/info', (_req, res) => {
    res.json({
      graphVersion: options.graphVersion,
      sendUrl: `/${options.graphVersion}/${options.phoneNumberId}/messages`,
      webhookUrl: options.webhookUrl,
      phoneNumberId: options.phoneNumberId,
      wabaId: options.wabaId,
      statuses: options.statuses,
      webhookRetryMs: options.webhookRetryMs,
      enforceWindow: options.enforceWindow,
    });
  });

  router.get('/_emulator/faults', (_req, res) => {
    res.json(state.faults);
  });
  router.post('/_emulator/faults', (req, res) => {
    state.faults.apply(parseBody(faultPlanInput, req.body));
    res.json(state.faults);
  });
  router.delete('/_emulator/faults', (_req, res) => {
    state.faults.clear();
    res.json(state.faults);
  });

  router.get('/_emulator/phone-numbers', (_req, res) => {
    res.json(
      [...state.phoneNumbers.values()].map(({ phoneNumberId, displayPhoneNumber, wabaId, webhookUrl }) => ({
        phoneNumberId,
        displayPhoneNumber,
        wabaId,
        webhookUrl,
      })),
    );
  });
  router.post('/_emulator/phone-numbers', (req, res) => {
    const { phoneNumberId, displayPhoneNumber, wabaId, webhookUrl } = state.registerPhoneNumber(
      parseBody(phoneNumberInput, req.body),
    );
    res.status(201).json({ phoneNumberId, displayPhoneNumber, wabaId, webhookUrl });
  });

  router.get('/_emulator/stats', (_req, res) => {
    res.json(state.stats);
  });

  router.post('/_emulator/reset', (req, res) => {
    const { phoneNumbers } = parseBody(z.object({ phoneNumbers: z.boolean().optional() }), req.body);
    ctx.timers.clear();
    ctx.webhooks.reset();
    state.reset({ phoneNumbers: phoneNumbers ?? false });
    res.json({ reset: true });
  });
  return router;
}
