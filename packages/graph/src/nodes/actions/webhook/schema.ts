import { z } from 'zod';
import { effectFields, httpUrlTemplate } from '../../effect-fields.ts';

export const webhookOptions = z.object({
  url: httpUrlTemplate.meta({
    title: 'Address',
    description: 'Where to send the event, e.g. https://crm.example.com/hooks',
  }),
  event: z
    .string()
    .regex(/^[a-z][a-z0-9_.-]{0,63}$/, 'an event name is short and lower-case, e.g. lead.created')
    .meta({ title: 'Event', description: 'Sent in the X-BotFlow-Event header.' }),
  payload: z.string().max(65536, 'a payload holds at most 64 KB').default('{}').meta({
    title: 'Payload',
    description: 'JSON; {{variables}} are filled in, e.g. {"name": "{{contact.name}}", "email": "{{email}}"}',
    format: 'textarea',
  }),
  secretRef: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, 'name the signing secret with letters, digits, - and _, e.g. crm_webhook')
    .meta({
      title: 'Signing secret',
      description:
        'The name of a secret set up on the BotFlow server (never the secret itself): each delivery is signed with ' +
        'it in the X-BotFlow-Signature-256 header.',
    }),
  ...effectFields,
});

export type WebhookOptions = z.output<typeof webhookOptions>;
