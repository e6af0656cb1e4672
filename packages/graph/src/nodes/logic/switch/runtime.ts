import type { NodeRuntime } from '../../../node-runtime.ts';
import { evaluateBoolean } from '../boolean-expression.ts';
import type { SwitchOptions } from './schema.ts';

/** Leaves through the first case whose expression is true, `default` when none is, `error` when one fails. */
export const switchRuntime: NodeRuntime<SwitchOptions> = {
  enter(ctx, { cases }) {
    const hit = cases.find((c) => evaluateBoolean(ctx, c.expression));
    return { kind: 'continue', port: hit ? hit.id : 'default' };
  },
};
