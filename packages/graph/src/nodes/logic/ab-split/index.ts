import { defineNodeType } from '../../../node-type.ts';
import { writableProblem } from '../../checks.ts';
import { abSplitRuntime } from './runtime.ts';
import { abSplitOptions } from './schema.ts';

export const abSplit = defineNodeType({
  type: 'ab_split',
  family: 'logic',
  label: 'A/B split',
  description: 'Splits contacts between variants by weight, to compare them; a contact always gets the same variant.',
  options: abSplitOptions,
  ports: (o) => {
    const total = o.arms.reduce((sum, a) => sum + a.weight, 0);
    return o.arms.map((a) => ({
      id: a.id,
      label: `${a.id} (${Math.round((a.weight / total) * 100)}%)`,
      required: false,
    }));
  },
  waits: () => false,
  writes: (o) => (o.variable === undefined ? [] : [{ path: o.variable, type: 'string' }]),
  check: (o, ctx) => (o.variable === undefined ? [] : writableProblem(ctx, 'variable', o.variable)),
  runtime: abSplitRuntime,
});
