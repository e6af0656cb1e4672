import type { NodeRuntime } from '../../../node-runtime.ts';
import { nextMoment } from './moment.ts';
import type { WaitOptions } from './schema.ts';

/** Pauses the bot for a while or until a moment; a moment already past goes straight on. */
export const waitRuntime: NodeRuntime<WaitOptions> = {
  enter(ctx, { seconds, until, timezone }) {
    let moment = ctx.now + (seconds ?? 0) * 1000;
    if (until !== undefined) {
      const text = ctx.interpolate(until);
      const read = nextMoment(text, ctx.now, timezone);
      if (read === null) throw new Error(`"${text}" is neither a date-time nor a time of day such as 18:30`);
      moment = read;
    }
    return moment > ctx.now ? { kind: 'sleep', until: moment } : { kind: 'continue', port: 'next' };
  },
};
