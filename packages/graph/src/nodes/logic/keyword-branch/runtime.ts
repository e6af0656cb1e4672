import type { NodeRuntime } from '../../../node-runtime.ts';
import { displayValue } from '../../../variables.ts';
import type { KeywordBranchOptions } from './schema.ts';

/** Chooses the first case whose keyword the variable equals or contains (as a word); `default` otherwise. */
export const keywordBranchRuntime: NodeRuntime<KeywordBranchOptions> = {
  enter(ctx, { variable, cases }) {
    const value = displayValue(ctx.get(variable)).trim().toLowerCase();
    const words = new Set(value.split(/[^\p{L}\p{N}]+/u));
    const hit = cases.find((c) =>
      c.anyOf.some((candidate) => {
        const wanted = candidate.trim().toLowerCase();
        return c.match === 'contains' ? words.has(wanted) || value.includes(` ${wanted} `) : value === wanted;
      }),
    );
    return { kind: 'continue', port: hit ? hit.id : 'default' };
  },
};
