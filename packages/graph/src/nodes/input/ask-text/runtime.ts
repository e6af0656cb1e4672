import type { NodeRuntime } from '../../../node-runtime.ts';
import type { AskTextOptions } from './schema.ts';

/** Asks a question and waits for the customer's answer, whatever it is. */
export const askTextRuntime: NodeRuntime<AskTextOptions> = {
  enter(ctx, { prompt, timeoutSeconds }) {
    ctx.say({ kind: 'text', text: ctx.interpolate(prompt) });
    return timeoutSeconds === undefined ? { kind: 'wait' } : { kind: 'wait', timeoutSeconds };
  },
  receive(ctx, { variable }, message) {
    ctx.set(variable, message.text);
    return { kind: 'continue', port: 'next' };
  },
};
