import { defineNodeType, type OptionProblem } from '../../../node-type.ts';
import { templateProblems } from '../../checks.ts';
import { nextPort } from '../../option-fields.ts';
import { duplicates } from '../message-fields.ts';
import { fallbackTemplates } from '../template-fallback-field.ts';
import { sendListRuntime } from './runtime.ts';
import { sendListOptions, type SendListOptions } from './schema.ts';

/** Row ids must be unique across the whole list, and WhatsApp wants a title on each section when there are several. */
function listProblems({ sections }: SendListOptions): OptionProblem[] {
  const rows = sections.flatMap((s, si) =>
    s.rows.map((row, ri) => ({ id: row.id, field: `sections.${si}.rows.${ri}.id` })),
  );
  const untitled =
    sections.length > 1
      ? sections.flatMap((s, i) =>
          s.title
            ? []
            : [{ field: `sections.${i}.title`, message: 'give each section a title when there are several' }],
        )
      : [];
  return [
    ...duplicates(
      rows,
      (r) => r.id,
      (i) => rows[i]?.field ?? 'sections',
      (id) => `two rows have the id "${id}"`,
    ),
    ...untitled,
  ];
}

export const sendList = defineNodeType({
  type: 'send_list',
  family: 'whatsapp',
  label: 'Send list',
  description: 'Sends a message with a button that opens a list of up to 10 rows, and moves on.',
  options: sendListOptions,
  ports: () => [nextPort],
  waits: () => false,
  check: (o, ctx) => [
    ...templateProblems(ctx, { body: o.body, header: o.header, footer: o.footer }),
    ...templateProblems(ctx, fallbackTemplates(o.templateFallback)),
    ...listProblems(o),
  ],
  runtime: sendListRuntime,
});
