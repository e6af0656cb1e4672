import { defineNodeType } from '../../../node-type.ts';
import { templateProblems } from '../../checks.ts';
import { fallbackTemplates } from '../template-fallback-field.ts';
import { sendTextRuntime } from './runtime.ts';
import { sendTextOptions } from './schema.ts';

export const sendText = defineNodeType({
  type: 'send_text',
  family: 'whatsapp',
  label: 'Send text',
  description: 'Sends a text message; {{variables}} are filled in.',
  options: sendTextOptions,
  ports: () => [{ id: 'next', label: 'Next', required: false }],
  waits: () => false,
  check: (o, ctx) => templateProblems(ctx, { text: o.text, ...fallbackTemplates(o.templateFallback) }),
  runtime: sendTextRuntime,
});
