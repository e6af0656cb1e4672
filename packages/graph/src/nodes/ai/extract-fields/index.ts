import { defineNodeType } from '../../../node-type.ts';
import type { OptionProblem } from '../../../node-type.ts';
import { templateProblems, writableProblem } from '../../checks.ts';
import { errorPort, nextPort } from '../../option-fields.ts';
import { extractFieldsRuntime } from './runtime.ts';
import { extractFieldsOptions, type ExtractFieldsOptions } from './schema.ts';

export const extractFields = defineNodeType({
  type: 'extract_fields',
  family: 'ai',
  label: 'Extract details',
  description: 'Picks details such as an e-mail address, a number or a date out of the customer’s message.',
  options: extractFieldsOptions,
  ports: () => [nextPort, errorPort],
  waits: () => false,
  writes: (o) =>
    o.fields.map((f) => ({
      path: f.variable,
      type: f.type === 'number' ? 'number' : f.type === 'boolean' ? 'boolean' : 'string',
    })),
  check: (o, ctx) => [
    ...templateProblems(ctx, { text: o.text }),
    ...o.fields.flatMap((f, i) => writableProblem(ctx, `fields.${i}.variable`, f.variable)),
    ...duplicateVariables(o),
  ],
  runtime: extractFieldsRuntime,
});

function duplicateVariables({ fields }: ExtractFieldsOptions): OptionProblem[] {
  const seen = new Set<string>();
  return fields.flatMap((f, i) => {
    if (!seen.has(f.variable)) {
      seen.add(f.variable);
      return [];
    }
    return [{ field: `fields.${i}.variable`, message: `two fields are saved in "${f.variable}"` }];
  });
}
