import type { NodeRuntime } from '../../../node-runtime.ts';
import { filledFallback } from '../template-fallback.ts';
import type { SendTextOptions } from './schema.ts';

/** Sends a text message, with `{{variables}}` filled in, and moves on. */
export const sendTextRuntime: NodeRuntime<SendTextOptions> = {
  enter(ctx, { text, templateFallback }) {
    ctx.say({ kind: 'text', text: ctx.interpolate(text), ...filledFallback(ctx, templateFallback) });
    return { kind: 'continue', port: 'next' };
  },
};
