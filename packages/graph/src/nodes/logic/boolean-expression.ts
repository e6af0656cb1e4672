import type { NodeContext } from '../../node-runtime.ts';

/** Evaluates an expression that must give true or false; anything else throws, so the node leaves through `error`. */
export function evaluateBoolean(ctx: NodeContext, expression: string): boolean {
  const value = ctx.evaluate(expression);
  if (typeof value !== 'boolean') throw new Error(`${expression}: gave ${JSON.stringify(value)}, not true or false`);
  return value;
}
