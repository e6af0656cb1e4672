import type { NodeRuntime } from '../node-runtime.ts';
import { ACTIONS_RUNTIMES } from './actions/runtimes.ts';
import { AI_RUNTIMES } from './ai/runtimes.ts';
import { DATA_RUNTIMES } from './data/runtimes.ts';
import { INPUT_RUNTIMES } from './input/runtimes.ts';
import { LOGIC_RUNTIMES } from './logic/runtimes.ts';
import { WHATSAPP_RUNTIMES } from './whatsapp/runtimes.ts';

/**
 * The runtime of every node type, by type name: what the engine (inside the workflow sandbox) needs, without the
 * option schemas and editor metadata of the catalogue. A test keeps this list and the catalogue in agreement.
 */
export const NODE_RUNTIMES: Record<string, NodeRuntime<never>> = {
  ...WHATSAPP_RUNTIMES,
  ...INPUT_RUNTIMES,
  ...AI_RUNTIMES,
  ...ACTIONS_RUNTIMES,
  ...LOGIC_RUNTIMES,
  ...DATA_RUNTIMES,
};
