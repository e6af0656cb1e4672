import type { NodeRuntime } from '../../../node-runtime.ts';
import { headerAndFooter } from '../interactive-text.ts';
import { filledFallback } from '../template-fallback.ts';
import type { SendButtonsOptions } from './schema.ts';

/** Sends a message with reply buttons and moves on at once: a later node reads the reply (ask_choice waits for one). */
export const sendButtonsRuntime: NodeRuntime<SendButtonsOptions> = {
  enter(ctx, options) {
    ctx.say({
      kind: 'buttons',
      body: ctx.interpolate(options.body),
      ...headerAndFooter(ctx, options),
      buttons: options.buttons.map(({ id, title }) => ({ id, title })),
      ...filledFallback(ctx, options.templateFallback),
    });
    return { kind: 'continue', port: 'next' };
  },
};
