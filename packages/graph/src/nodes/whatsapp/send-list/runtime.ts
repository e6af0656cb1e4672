import type { NodeRuntime } from '../../../node-runtime.ts';
import { headerAndFooter } from '../interactive-text.ts';
import { filledFallback } from '../template-fallback.ts';
import type { SendListOptions } from './schema.ts';

/** Sends a list message (a button that opens up to 10 rows) and moves on; a later node reads the pick. */
export const sendListRuntime: NodeRuntime<SendListOptions> = {
  enter(ctx, options) {
    ctx.say({
      kind: 'list',
      body: ctx.interpolate(options.body),
      button: options.button,
      ...headerAndFooter(ctx, options),
      sections: options.sections.map((s) => ({
        ...(s.title ? { title: s.title } : {}),
        rows: s.rows.map(({ id, title, description }) => ({ id, title, ...(description ? { description } : {}) })),
      })),
      ...filledFallback(ctx, options.templateFallback),
    });
    return { kind: 'continue', port: 'next' };
  },
};
