import type { NodeRuntime } from '../../../node-runtime.ts';
import type { SaveToProfileOptions } from './schema.ts';

/** Sets contact profile fields; the engine reports them as profile changes, which the turn saves. */
export const saveToProfileRuntime: NodeRuntime<SaveToProfileOptions> = {
  enter(ctx, { fields }) {
    for (const { field, value, asExpression } of fields) {
      ctx.set(`contact.${field}`, asExpression ? ctx.evaluate(value) : ctx.interpolate(value));
    }
    return { kind: 'continue', port: 'next' };
  },
};
