import { defineNodeType } from '../../../node-type.ts';
import { expressionProblem, templateProblems, writableProblem } from '../../checks.ts';
import { errorPort, nextPort } from '../../option-fields.ts';
import { saveToProfileRuntime } from './runtime.ts';
import { saveToProfileOptions } from './schema.ts';

export const saveToProfile = defineNodeType({
  type: 'save_to_profile',
  family: 'data',
  label: 'Save to profile',
  description: "Saves values in the contact's profile, kept for their next conversations.",
  options: saveToProfileOptions,
  ports: () => [nextPort, errorPort],
  waits: () => false,
  // A template always gives text; an expression can give anything.
  writes: (o) => o.fields.map((f) => ({ path: `contact.${f.field}`, type: f.asExpression ? 'json' : 'string' })),
  check: (o, ctx) =>
    o.fields.flatMap((f, i) => [
      ...writableProblem(ctx, `fields.${i}.field`, `contact.${f.field}`),
      ...(f.asExpression
        ? expressionProblem(ctx, `fields.${i}.value`, f.value)
        : templateProblems(ctx, { [`fields.${i}.value`]: f.value })),
    ]),
  runtime: saveToProfileRuntime,
});
