import { z } from 'zod';

// Meta's documented limits for the bodies of POST /<version>/<phone-number-id>/messages.
export const LIMITS = {
  textBody: 4096,
  caption: 1024,
  bizOpaqueCallbackData: 512,
  buttons: 3,
  buttonTitle: 20,
  buttonId: 256,
  buttonBody: 1024,
  listBody: 4096,
  footer: 60,
  headerText: 60,
  sections: 10,
  rows: 10,
  sectionTitle: 24,
  rowTitle: 24,
  rowDescription: 72,
  rowId: 200,
  listButton: 20,
} as const;

export const text = (max: number) => z.string().min(1).max(max);
export const textObject = (max: number) => z.object({ text: text(max) });
const link = z.url({ protocol: /^https?$/ });

const hasOneSource = (media: { id?: string; link?: string }) => (media.id === undefined) !== (media.link === undefined);
export const mediaReference = (extra: z.ZodRawShape) =>
  z
    .object({ id: z.string().min(1).optional(), link: link.optional(), ...extra })
    .refine(hasOneSource, { message: "exactly one of 'id' or 'link' is required" });

export const caption = { caption: z.string().max(LIMITS.caption).optional() };
export const filename = { filename: z.string().min(1).optional() };
