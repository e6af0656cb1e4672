import { defineNodeType } from '../../../node-type.ts';
import { templateProblems } from '../../checks.ts';
import { errorPort, nextPort } from '../../option-fields.ts';
import { sendTemplateRuntime } from './runtime.ts';
import { sendTemplateOptions } from './schema.ts';

export const sendTemplate = defineNodeType({
  type: 'send_template',
  family: 'whatsapp',
  label: 'Send template',
  description: 'Sends a message template approved by Meta, e.g. to write first or after 24 hours of silence.',
  options: sendTemplateOptions,
  ports: () => [nextPort, errorPort],
  waits: () => false,
  check: (o, ctx) =>
    templateProblems(ctx, Object.fromEntries(o.bodyParameters.map((p, i) => [`bodyParameters.${i}`, p]))),
  runtime: sendTemplateRuntime,
});
