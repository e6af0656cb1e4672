import { defineNodeType } from '../../../node-type.ts';
import { readableProblem, templateProblems, writableProblem } from '../../checks.ts';
import { errorPort } from '../../option-fields.ts';
import { knowledgeAnswerRuntime } from './runtime.ts';
import { knowledgeAnswerOptions } from './schema.ts';

export const knowledgeAnswer = defineNodeType({
  type: 'knowledge_answer',
  family: 'ai',
  label: 'Answer from knowledge',
  description: 'Answers the customer’s question from your documents, or says the fallback when they do not tell.',
  options: knowledgeAnswerOptions,
  ports: () => [
    { id: 'answered', label: 'Answered', required: false },
    { id: 'unknown', label: 'No answer', required: false },
    errorPort,
  ],
  waits: () => false,
  writes: (o) => (o.variable ? [{ path: o.variable, type: 'string' }] : []),
  check: (o, ctx) => [
    ...readableProblem(ctx, 'questionFrom', o.questionFrom),
    ...templateProblems(ctx, { fallbackText: o.fallbackText }),
    ...(o.variable ? writableProblem(ctx, 'variable', o.variable) : []),
  ],
  runtime: knowledgeAnswerRuntime,
});
