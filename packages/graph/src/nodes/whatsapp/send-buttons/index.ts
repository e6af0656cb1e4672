import { defineNodeType } from '../../../node-type.ts';
import { templateProblems } from '../../checks.ts';
import { nextPort } from '../../option-fields.ts';
import { duplicates } from '../message-fields.ts';
import { fallbackTemplates } from '../template-fallback-field.ts';
import { sendButtonsRuntime } from './runtime.ts';
import { sendButtonsOptions } from './schema.ts';

export const sendButtons = defineNodeType({
  type: 'send_buttons',
  family: 'whatsapp',
  label: 'Send buttons',
  description: 'Sends a message with up to 3 reply buttons and moves on (to wait for the tap, use Ask to choose).',
  options: sendButtonsOptions,
  ports: () => [nextPort],
  waits: () => false,
  check: (o, ctx) => [
    ...templateProblems(ctx, { body: o.body, header: o.header, footer: o.footer }),
    ...templateProblems(ctx, fallbackTemplates(o.templateFallback)),
    ...duplicates(
      o.buttons,
      (b) => b.id,
      (i) => `buttons.${i}.id`,
      (id) => `two buttons have the id "${id}"`,
    ),
    ...duplicates(
      o.buttons,
      (b) => b.title.trim().toLowerCase(),
      (i) => `buttons.${i}.title`,
      () => 'two buttons have the same title: the customer could not tell them apart',
    ),
  ],
  runtime: sendButtonsRuntime,
});
