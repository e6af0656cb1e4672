import type { NodeRuntime } from '../../node-runtime.ts';
import { checkAvailabilityRuntime } from './check-availability/runtime.ts';
import { handoffRuntime } from './handoff/runtime.ts';
import { httpRequestRuntime } from './http-request/runtime.ts';
import { webhookRuntime } from './webhook/runtime.ts';

export const ACTIONS_RUNTIMES: Record<string, NodeRuntime<never>> = {
  http_request: httpRequestRuntime,
  webhook: webhookRuntime,
  check_availability: checkAvailabilityRuntime,
  handoff: handoffRuntime,
};
