import type { CheckContext, OptionProblem } from '../../node-type.ts';

/** An option naming another node (jump target, sub-flow entry) must name one that exists. */
export function nodeProblem(ctx: CheckContext, field: string, id: string): OptionProblem[] {
  return ctx.nodeIds.has(id) ? [] : [{ field, message: `there is no node "${id}" in this flow` }];
}
