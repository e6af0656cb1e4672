import { defineNodeType } from '../../../node-type.ts';
import { readableProblem, uniqueCaseIds } from '../../checks.ts';
import { keywordBranchRuntime } from './runtime.ts';
import { keywordBranchOptions } from './schema.ts';

/** Registered as `branch`: the type name published definitions already use. */
export const keywordBranch = defineNodeType({
  type: 'branch',
  family: 'logic',
  label: 'Keyword branch',
  description: 'Goes one way or another depending on keywords in a variable (e.g. the last answer).',
  options: keywordBranchOptions,
  ports: (o) => [
    ...o.cases.map((c) => ({ id: c.id, label: c.anyOf.join(' / '), required: false })),
    { id: 'default', label: 'Anything else', required: false },
  ],
  waits: () => false,
  check: (o, ctx) => [...readableProblem(ctx, 'variable', o.variable), ...uniqueCaseIds(o.cases)],
  runtime: keywordBranchRuntime,
});
