import { z } from 'zod';
import { LIMITS, mediaReference, filename, text, textObject } from './send-limits.ts';

function uniqueBy<T>(
  items: T[],
  key: (item: T) => string,
  ctx: z.RefinementCtx,
  what: string,
  path: (i: number) => PropertyKey[],
) {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const value = key(item);
    if (seen.has(value))
      ctx.addIssue({ code: 'custom', message: `${what} '${value}' is used more than once`, path: path(i) });
    seen.add(value);
  });
}

const buttonHeader = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: text(LIMITS.headerText) }),
  z.object({ type: z.literal('image'), image: mediaReference({}) }),
  z.object({ type: z.literal('video'), video: mediaReference({}) }),
  z.object({ type: z.literal('document'), document: mediaReference(filename) }),
]);

const replyButton = z.object({
  type: z.literal('reply'),
  reply: z.object({ id: text(LIMITS.buttonId), title: text(LIMITS.buttonTitle) }),
});

export const interactiveButtons = z.object({
  type: z.literal('button'),
  header: buttonHeader.optional(),
  body: textObject(LIMITS.buttonBody),
  footer: textObject(LIMITS.footer).optional(),
  action: z.object({
    buttons: z
      .array(replyButton)
      .min(1)
      .max(LIMITS.buttons)
      .superRefine((buttons, ctx) =>
        uniqueBy(
          buttons,
          (b) => b.reply.title,
          ctx,
          'button title',
          (i) => [i, 'reply', 'title'],
        ),
      ),
  }),
});

const listSection = z.object({
  title: text(LIMITS.sectionTitle).optional(),
  rows: z
    .array(
      z.object({
        id: text(LIMITS.rowId),
        title: text(LIMITS.rowTitle),
        description: z.string().max(LIMITS.rowDescription).optional(),
      }),
    )
    .min(1)
    .max(LIMITS.rows),
});

export const interactiveList = z.object({
  type: z.literal('list'),
  header: z.object({ type: z.literal('text'), text: text(LIMITS.headerText) }).optional(),
  body: textObject(LIMITS.listBody),
  footer: textObject(LIMITS.footer).optional(),
  action: z.object({
    button: text(LIMITS.listButton),
    sections: z
      .array(listSection)
      .min(1)
      .max(LIMITS.sections)
      .superRefine((sections, ctx) => {
        const rows = sections.flatMap((section, s) => section.rows.map((row, r) => ({ row, s, r })));
        if (rows.length > LIMITS.rows)
          ctx.addIssue({ code: 'custom', message: `at most ${LIMITS.rows} rows in total, got ${rows.length}` });
        uniqueBy(
          rows,
          (x) => x.row.id,
          ctx,
          'row id',
          (i) => [rows[i]!.s, 'rows', rows[i]!.r, 'id'],
        );
        if (sections.length > 1)
          sections.forEach((section, s) => {
            if (section.title === undefined)
              ctx.addIssue({
                code: 'custom',
                message: 'a title is required when there is more than one section',
                path: [s, 'title'],
              });
          });
      }),
  }),
});

/** Asks the customer to share their location with one tap. */
export const interactiveLocationRequest = z.object({
  type: z.literal('location_request_message'),
  body: textObject(LIMITS.textBody),
  action: z.object({ name: z.literal('send_location') }),
});
