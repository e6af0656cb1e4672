import { z } from 'zod';
import { LIMITS } from '@botflow/whatsapp/limits';
import { footerField, headerField } from '../message-fields.ts';
import { templateFallbackField } from '../template-fallback-field.ts';

export const replyButton = z.object({
  id: z
    .string()
    .min(1, 'give the button an id')
    .max(LIMITS.buttonId, `a button id holds at most ${LIMITS.buttonId} characters`)
    .meta({ title: 'Id', description: 'Comes back with the reply when the customer taps the button.' }),
  title: z
    .string()
    .min(1, 'write the button title')
    .max(LIMITS.buttonTitle, `a button title holds at most ${LIMITS.buttonTitle} characters`)
    .meta({ title: 'Title' }),
});

export const sendButtonsOptions = z.object({
  body: z
    .string()
    .min(1, 'write the message')
    .max(LIMITS.buttonBody, `a message with buttons holds at most ${LIMITS.buttonBody} characters`)
    .meta({ title: 'Message', description: 'Use {{variable}} to insert a value.', format: 'textarea' }),
  header: headerField,
  footer: footerField,
  buttons: z
    .array(replyButton)
    .min(1, 'add at least one button')
    .max(LIMITS.buttons, `a message holds at most ${LIMITS.buttons} buttons: send a list for more`)
    .meta({ title: 'Buttons' }),
  templateFallback: templateFallbackField,
});

export type SendButtonsOptions = z.output<typeof sendButtonsOptions>;
