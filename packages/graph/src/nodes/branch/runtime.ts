import type { NodeRuntime } from '../../node-runtime.ts';

export interface BranchCase {
  /** The port this case leaves through. */
  id: string;
  /** Matches when the variable, trimmed and lower-cased, equals or contains (as a word) one of these. */
  anyOf: string[];
  match?: 'equals' | 'contains';
}

export interface BranchOptions {
  variable: string;
  cases: BranchCase[];
}

/** Chooses the first case that matches the variable's value; `default` otherwise. */
export const branch: NodeRuntime<BranchOptions> = {
  enter(ctx, { variable, cases }) {
    const value = (ctx.vars[variable] ?? '').trim().toLowerCase();
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
