import { defineNodeType } from '../../../node-type.ts';
import { templateProblems, writableProblem } from '../../checks.ts';
import { errorPort, nextPort } from '../../option-fields.ts';
import { llmReplyRuntime } from './runtime.ts';
import { llmReplyOptions } from './schema.ts';

export const llmReply = defineNodeType({
  type: 'llm_reply',
  family: 'ai',
  label: 'AI reply',
  description: 'Lets a language model write the answer, following your instructions.',
  options: llmReplyOptions,
  ports: () => [nextPort, errorPort],
  waits: () => false,
  writes: (o) => (o.variable ? [{ path: o.variable, type: 'string' }] : []),
  check: (o, ctx) => [
    ...templateProblems(ctx, { system: o.system, prompt: o.prompt }),
    ...(o.variable ? writableProblem(ctx, 'variable', o.variable) : []),
  ],
  runtime: llmReplyRuntime,
});
