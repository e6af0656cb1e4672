import { z } from 'zod';

export const sendTemplateOptions = z.object({
  name: z
    .string()
    .min(1, 'give the name of an approved message template')
    .max(512, 'a template name holds at most 512 characters')
    .regex(/^[a-z0-9_]+$/, 'a template name uses only lower-case letters, digits and _, as in WhatsApp Manager')
    .meta({ title: 'Template name', examples: ['order_update', 'appointment_reminder'] }),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(?:_[A-Z]{2})?$/, 'a language code such as en, en_US or pt_BR')
    .meta({ title: 'Language', description: 'The language of the approved template, e.g. en_US.' }),
  bodyParameters: z.array(z.string().min(1, 'a parameter cannot be empty')).default([]).meta({
    title: 'Body parameters',
    description: "Fill the template's {{1}}, {{2}}, … in order; each may use {{variables}}, e.g. {{name}}.",
  }),
});

export type SendTemplateOptions = z.output<typeof sendTemplateOptions>;
