import type { NodeRuntime } from '../../../node-runtime.ts';
import type { VarValue, VariableType } from '../../../variables.ts';
import type { SetVariableOptions } from './schema.ts';

/**
 * Sets each variable in order, so later expressions see earlier results. A failing expression or a value of the
 * wrong type stops the node at that assignment (those before it stay set) and leaves through `error`.
 */
export const setVariableRuntime: NodeRuntime<SetVariableOptions> = {
  enter(ctx, { assignments }) {
    for (const { variable, expression, type } of assignments) {
      const value = ctx.evaluate(expression);
      if (type !== undefined && !isOfType(value, type)) {
        throw new Error(`${variable}: ${expression} gave ${JSON.stringify(value)}, not a ${type}`);
      }
      ctx.set(variable, value);
    }
    return { kind: 'continue', port: 'next' };
  },
};

function isOfType(value: VarValue, type: VariableType): boolean {
  return type === 'json' || typeof value === type;
}
