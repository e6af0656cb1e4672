import type { NodeRuntime } from '../../node-runtime.ts';
import { interpolate } from '../../template.ts';

export interface SendTextOptions {
  text: string;
}

/** Sends a text message, with `{{variables}}` filled in, and moves on. */
export const sendText: NodeRuntime<SendTextOptions> = {
  enter(ctx, { text }) {
    ctx.say({ kind: 'text', text: interpolate(text, ctx.vars) });
    return { kind: 'continue', port: 'next' };
  },
};
