import { defineNodeType } from '../../../node-type.ts';
import { templateProblems, uniqueCaseIds, writableProblem } from '../../checks.ts';
import { errorPort } from '../../option-fields.ts';
import { classifyIntentRuntime } from './runtime.ts';
import { classifyIntentOptions } from './schema.ts';

export const classifyIntent = defineNodeType({
  type: 'classify_intent',
  family: 'ai',
  label: 'Recognise intent',
  description: 'Works out what the customer wants and goes the way of that intent.',
  options: classifyIntentOptions,
  ports: (o) => [
    ...o.intents.map((i) => ({ id: i.id, label: i.id, required: false })),
    { id: 'unknown', label: 'Not sure', required: false },
    errorPort,
  ],
  waits: () => false,
  writes: (o) => (o.variable ? [{ path: o.variable, type: 'string' }] : []),
  check: (o, ctx) => [
    ...templateProblems(ctx, { text: o.text }),
    ...uniqueCaseIds(o.intents, 'intents', 'unknown'),
    ...(o.variable ? writableProblem(ctx, 'variable', o.variable) : []),
  ],
  runtime: classifyIntentRuntime,
});
