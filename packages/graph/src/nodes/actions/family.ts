import type { NodeType } from '../../node-type.ts';
import { checkAvailability } from './check-availability/index.ts';
import { handoff } from './handoff/index.ts';
import { httpRequest } from './http-request/index.ts';
import { webhook } from './webhook/index.ts';

/** Actions: calls to the outside world (HTTP, webhooks, calendars) and hand-over to a human. */
export const ACTIONS_NODE_TYPES = [httpRequest, webhook, checkAvailability, handoff] as unknown as NodeType[];
