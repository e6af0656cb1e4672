import type { NodeRuntime } from '../../../node-runtime.ts';
import { stableFraction } from './hash.ts';
import type { AbSplitOptions } from './schema.ts';

/** Sends each contact down one arm, in proportion to the weights; the same contact always gets the same arm here. */
export const abSplitRuntime: NodeRuntime<AbSplitOptions> = {
  enter(ctx, { arms, variable }) {
    const total = arms.reduce((sum, a) => sum + a.weight, 0);
    let point = stableFraction(`${ctx.contactKey}:${ctx.nodeId}`) * total;
    const chosen = arms.find((a) => (point -= a.weight) < 0) ?? arms[arms.length - 1];
    if (!chosen) throw new Error('the split has no arms');
    if (variable !== undefined) ctx.set(variable, chosen.id);
    return { kind: 'continue', port: chosen.id };
  },
};
