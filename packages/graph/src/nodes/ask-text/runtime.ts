import type { NodeRuntime } from '../../node-runtime.ts';
import { interpolate } from '../../template.ts';

export interface AskTextOptions {
  prompt: string;
  /** The variable that receives the answer. */
  variable: string;
  /** Without an answer for this long, the node leaves through its `timeout` port. */
  timeoutSeconds?: number;
}

/** Asks a question and waits for the customer's answer. */
export const askText: NodeRuntime<AskTextOptions> = {
  enter(ctx, { prompt, timeoutSeconds }) {
    ctx.say({ kind: 'text', text: interpolate(prompt, ctx.vars) });
    return timeoutSeconds === undefined ? { kind: 'wait' } : { kind: 'wait', timeoutSeconds };
  },
  receive(ctx, { variable }, message) {
    ctx.vars[variable] = message.text;
    return { kind: 'continue', port: 'next' };
  },
  timeout() {
    return { kind: 'continue', port: 'timeout' };
  },
};
