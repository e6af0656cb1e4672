import { z } from 'zod';
import { LIMITS } from '@botflow/whatsapp/limits';
import { templateFallbackField } from '../template-fallback-field.ts';

/** http(s)://… with no spaces, where {{placeholders}} may stand anywhere, even for the whole link. */
const LINK = /^(?:https?:\/\/|(?=\{\{))(?:[^\s{}]|\{\{\s*[\w.]+\s*\}\})+$/i;

export const sendMediaOptions = z.object({
  mediaType: z.enum(['image', 'video', 'audio', 'document', 'sticker']).meta({ title: 'Kind of media' }),
  link: z
    .string()
    .min(1, 'give the link to the file')
    .regex(LINK, 'the link must start with https:// (or http://) and contain no spaces')
    .meta({ title: 'Link', description: 'A public https:// address of the file; {{variables}} are filled in.' }),
  caption: z
    .string()
    .max(LIMITS.caption, `a caption holds at most ${LIMITS.caption} characters`)
    .optional()
    .meta({ title: 'Caption', description: 'Shown under an image, video or document.', format: 'textarea' }),
  filename: z
    .string()
    .max(240, 'a file name holds at most 240 characters')
    .optional()
    .meta({ title: 'File name', description: 'What the customer sees for a document, e.g. invoice.pdf.' }),
  templateFallback: templateFallbackField,
});

export type SendMediaOptions = z.output<typeof sendMediaOptions>;
