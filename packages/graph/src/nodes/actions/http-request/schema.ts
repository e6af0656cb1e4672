import { z } from 'zod';
import { variablePath } from '../../option-fields.ts';
import { effectFields, httpUrlTemplate } from '../../effect-fields.ts';

export const httpRequestOptions = z.object({
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).default('GET').meta({ title: 'Method' }),
  url: httpUrlTemplate.meta({ title: 'Address', description: 'e.g. https://api.example.com/orders/{{order_id}}' }),
  headers: z
    .array(
      z.object({
        name: z
          .string()
          .regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/, 'a header name uses letters, digits and -, e.g. Accept'),
        value: z.string().max(4000, 'a header value holds at most 4000 characters'),
      }),
    )
    .max(20, 'at most 20 headers')
    .default([])
    .meta({ title: 'Headers', description: '{{variables}} are filled in.' }),
  body: z.string().max(65536, 'a request body holds at most 64 KB').default('').meta({
    title: 'Body',
    description: 'JSON or plain text; {{variables}} are filled in. Not sent with GET.',
    format: 'textarea',
  }),
  responseMapping: z
    .array(
      z.object({
        variable: variablePath.meta({ title: 'Save in' }),
        path: z
          .string()
          .regex(
            /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*$/,
            'a path is status, or names and positions separated by dots, e.g. data.items.0.name',
          )
          .meta({ title: 'From', description: 'status for the HTTP status, else a path into the JSON answer.' }),
      }),
    )
    .max(20, 'save at most 20 values')
    .default([])
    .meta({ title: 'Save from the answer' }),
  ...effectFields,
});

export type HttpRequestOptions = z.output<typeof httpRequestOptions>;
