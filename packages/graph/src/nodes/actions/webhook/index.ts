import { defineNodeType } from '../../../node-type.ts';
import { templateProblems } from '../../checks.ts';
import { errorPort } from '../../option-fields.ts';
import { jsonTemplateProblem } from '../json-template.ts';
import { webhookRuntime } from './runtime.ts';
import { webhookOptions } from './schema.ts';

export const webhook = defineNodeType({
  type: 'webhook',
  family: 'actions',
  label: 'Webhook',
  description: 'Sends a signed event with JSON data to your own server (a CRM, a sheet, Zapier, …).',
  options: webhookOptions,
  ports: () => [{ id: 'next', label: 'Delivered', required: false }, errorPort],
  waits: () => false,
  check: (o, ctx) => {
    const problem = jsonTemplateProblem(o.payload);
    return [
      ...templateProblems(ctx, { url: o.url, payload: o.payload }),
      ...(problem === null ? [] : [{ field: 'payload', message: problem }]),
    ];
  },
  runtime: webhookRuntime,
});
