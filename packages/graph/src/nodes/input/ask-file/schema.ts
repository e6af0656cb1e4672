import { z } from 'zod';
import { askFields } from '../ask-fields.ts';

export const askFileOptions = z.object({
  ...askFields('Please send a photo or a file.'),
  accept: z.enum(['image', 'document', 'any']).default('any').meta({
    title: 'Accept',
    description: 'image: a photo; document: a file such as a PDF; any: any photo, file, voice note or video.',
  }),
});

export type AskFileOptions = z.output<typeof askFileOptions>;
