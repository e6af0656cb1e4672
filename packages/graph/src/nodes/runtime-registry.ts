import type { NodeRuntime } from '../node-runtime.ts';
import { askText } from './ask-text/runtime.ts';
import { branch } from './branch/runtime.ts';
import { end } from './end/runtime.ts';
import { sendText } from './send-text/runtime.ts';

/** Every node type the engine can run, by type name. Adding a node type means adding its folder and a line here. */
export const NODE_RUNTIMES: Record<string, NodeRuntime<never>> = {
  send_text: sendText,
  ask_text: askText,
  branch,
  end,
};
