import type { NodeRuntime } from '../../../node-runtime.ts';
import type { HandoffOptions } from './schema.ts';

/** Tells the customer a person will reply, then hands the conversation to the team until they release it. */
export const handoffRuntime: NodeRuntime<HandoffOptions> = {
  enter(ctx, { reason, message }) {
    if (message !== '') ctx.say({ kind: 'text', text: ctx.interpolate(message) });
    return { kind: 'handoff', reason: ctx.interpolate(reason) };
  },
  release: () => ({ kind: 'continue', port: 'next' }),
};
