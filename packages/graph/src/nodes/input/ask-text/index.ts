import { defineNodeType } from '../../../node-type.ts';
import { templateProblems, writableProblem } from '../../checks.ts';
import { timeoutPort } from '../../option-fields.ts';
import { askTextRuntime } from './runtime.ts';
import { askTextOptions } from './schema.ts';

export const askText = defineNodeType({
  type: 'ask_text',
  family: 'input',
  label: 'Ask for text',
  description: 'Asks a question and saves whatever the customer answers.',
  options: askTextOptions,
  ports: (o) => [{ id: 'next', label: 'Answered', required: false }, ...timeoutPort(o.timeoutSeconds)],
  waits: () => true,
  writes: (o) => [{ path: o.variable, type: 'string' }],
  check: (o, ctx) => [...templateProblems(ctx, { prompt: o.prompt }), ...writableProblem(ctx, 'variable', o.variable)],
  runtime: askTextRuntime,
});
