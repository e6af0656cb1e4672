import { z } from 'zod';

const digits = (what: string) =>
  z
    .string({ error: `give the ${what}` })
    .trim()
    .regex(/^\d{5,20}$/, `the ${what} is the long number Meta shows under WhatsApp → API Setup: digits only`);

const secret = (name: string, missing: string, maxLength: number) =>
  z
    .string({ error: missing })
    .trim()
    .min(8, missing)
    .max(maxLength, `${name} holds at most ${maxLength} characters: check nothing else was pasted with it`)
    .regex(/^\S+$/, `${name} holds no spaces or line breaks: paste it alone`);

const phoneNumberId = digits('phone-number id');
const wabaId = digits('WhatsApp Business Account id');
const displayPhoneNumber = z
  .string({ error: 'give the number as customers see it, e.g. +1 555 000 1234' })
  .trim()
  .regex(/^\+?\d[\d ().-]{4,30}$/, 'write the number as customers see it, e.g. +1 555 000 1234');
const accessToken = secret(
  'an access token',
  "paste the whole access token (a system user's permanent token, from Business settings → System users)",
  4096,
);
const appSecret = secret('an app secret', "paste the Meta app's secret (App settings → Basic → App secret)", 256);
const verifyToken = secret(
  'a verify token',
  "choose a verify token of at least 8 characters, the same you type in the Meta app's webhook settings",
  256,
);

export const createChannelBody = z.object({
  phoneNumberId,
  wabaId,
  displayPhoneNumber,
  accessToken,
  appSecret,
  verifyToken,
  botId: z.string().min(1, 'give a bot id, or leave botId out').nullable().optional(),
});

export const updateChannelBody = z
  .strictObject({
    wabaId: wabaId.optional(),
    displayPhoneNumber: displayPhoneNumber.optional(),
    accessToken: accessToken.optional(),
    appSecret: appSecret.optional(),
    verifyToken: verifyToken.optional(),
    phoneNumberId: z
      .never({ error: 'the phone-number id cannot change: connect the other number as a new channel' })
      .optional(),
    botId: z.never({ error: 'bind a bot with PUT /api/channels/<id>/bot {"botId": …}' }).optional(),
  })
  .refine((body) => Object.values(body).some((v) => v !== undefined), {
    error: 'nothing to change: send displayPhoneNumber, wabaId, accessToken, appSecret or verifyToken',
  });

export const bindBotBody = z.object({
  botId: z
    .string({ error: 'send {"botId": "<bot id>"} to bind a bot, or {"botId": null} to unbind it' })
    .min(1, 'give a bot id, or null to unbind')
    .nullable(),
});
