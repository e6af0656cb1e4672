import express, { type Express } from 'express';
import { createLogger, errorHandler, healthRoutes, notFound } from '@botflow/service-kit';
import type { EmulatorContext } from './context.ts';
import { controlRoutes } from './control-routes.ts';
import { customerRoutes } from './customer-routes.ts';
import { graphRoutes } from './graph-routes.ts';
import { limitRoutes } from './limit-routes.ts';
import { mediaRoutes } from './media-routes.ts';
import { templateRoutes } from './template-routes.ts';
import { DEFAULT_OPTIONS, type EmulatorOptions } from './options.ts';
import { pageRoutes } from './page-routes.ts';
import { EmulatorState } from './state.ts';
import { Timers } from './timers.ts';
import { WebhookDispatcher } from './webhook-dispatcher.ts';

export interface Emulator {
  app: Express;
  state: EmulatorState;
  context: EmulatorContext;
  /** Cancels pending status reports and webhook retries. Close the HTTP server separately. */
  close: () => Promise<void>;
}

/** A local stand-in for Meta's WhatsApp Cloud API. Mount `app` on any port; tests run it in-process on port 0. */
export function createEmulator(overrides: Partial<EmulatorOptions> = {}): Emulator {
  const options: EmulatorOptions = { ...DEFAULT_OPTIONS, ...overrides };
  const log = options.log ?? createLogger('whatsapp-emulator', 'silent');
  const state = new EmulatorState(options);
  const timers = new Timers(log);
  const webhooks = new WebhookDispatcher({
    retryMs: options.webhookRetryMs,
    timeoutMs: options.webhookTimeoutMs,
    stats: state.stats,
    faults: state.faults,
    timers,
    log,
  });
  const context: EmulatorContext = { options, state, webhooks, timers, log };

  const app = express();
  app.disable('x-powered-by');
  app.use(healthRoutes('whatsapp-emulator', []));
  app.use(controlRoutes(context));
  app.use(customerRoutes(context));
  app.use(pageRoutes(context));
  app.use(graphRoutes(context));
  app.use(templateRoutes(context), mediaRoutes(context));
  app.use(limitRoutes(context));
  app.use(notFound);
  app.use(errorHandler(log));

  return {
    app,
    state,
    context,
    close: () => {
      timers.clear();
      webhooks.reset();
      return Promise.resolve();
    },
  };
}
