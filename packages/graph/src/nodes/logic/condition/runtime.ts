import type { NodeRuntime } from '../../../node-runtime.ts';
import { evaluateBoolean } from '../boolean-expression.ts';
import type { ConditionOptions } from './schema.ts';

/** Goes through `true` or `false`; a failing or non-boolean expression goes through `error`. */
export const conditionRuntime: NodeRuntime<ConditionOptions> = {
  enter(ctx, { expression }) {
    return { kind: 'continue', port: evaluateBoolean(ctx, expression) ? 'true' : 'false' };
  },
};
