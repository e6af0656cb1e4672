import type { Logger } from '@botflow/service-kit';
import type { EmulatorOptions } from './options.ts';
import type { EmulatorState } from './state.ts';
import type { Timers } from './timers.ts';
import type { WebhookDispatcher } from './webhook-dispatcher.ts';

/** Everything the emulator's routes share. */
export interface EmulatorContext {
  options: EmulatorOptions;
  state: EmulatorState;
  webhooks: WebhookDispatcher;
  timers: Timers;
  log: Logger;
}
