import { z } from 'zod';
import { LIMITS } from '@botflow/whatsapp/limits';
import { footerField, headerField } from '../message-fields.ts';
import { templateFallbackField } from '../template-fallback-field.ts';

const row = z.object({
  id: z
    .string()
    .min(1, 'give the row an id')
    .max(LIMITS.rowId, `a row id holds at most ${LIMITS.rowId} characters`)
    .meta({ title: 'Id', description: 'Comes back with the reply when the customer picks the row.' }),
  title: z
    .string()
    .min(1, 'write the row title')
    .max(LIMITS.rowTitle, `a row title holds at most ${LIMITS.rowTitle} characters`)
    .meta({ title: 'Title' }),
  description: z
    .string()
    .max(LIMITS.rowDescription, `a row description holds at most ${LIMITS.rowDescription} characters`)
    .optional()
    .meta({ title: 'Description' }),
});

const section = z.object({
  title: z
    .string()
    .max(LIMITS.sectionTitle, `a section title holds at most ${LIMITS.sectionTitle} characters`)
    .optional()
    .meta({ title: 'Section title', description: 'Needed when the list has more than one section.' }),
  rows: z
    .array(row)
    .min(1, 'a section needs at least one row')
    .max(LIMITS.rows, `a list holds at most ${LIMITS.rows} rows`)
    .meta({ title: 'Rows' }),
});

export const sendListOptions = z.object({
  body: z
    .string()
    .min(1, 'write the message')
    .max(LIMITS.listBody, `a list message holds at most ${LIMITS.listBody} characters`)
    .meta({ title: 'Message', description: 'Use {{variable}} to insert a value.', format: 'textarea' }),
  button: z
    .string()
    .min(1, 'write the label of the button that opens the list')
    .max(LIMITS.listButton, `the list button holds at most ${LIMITS.listButton} characters`)
    .meta({ title: 'Button label', examples: ['See options', 'Choose'] }),
  header: headerField,
  footer: footerField,
  sections: z
    .array(section)
    .min(1, 'add at least one section')
    .max(LIMITS.sections, `a list holds at most ${LIMITS.sections} sections`)
    .refine(
      (sections) => sections.reduce((n, s) => n + s.rows.length, 0) <= LIMITS.rows,
      `a list holds at most ${LIMITS.rows} rows in all its sections together`,
    )
    .meta({ title: 'Sections' }),
  templateFallback: templateFallbackField,
});

export type SendListOptions = z.output<typeof sendListOptions>;
