import { z } from 'zod';
import type { PortSpec } from '../node-type.ts';

/** Option fields many node types share, with the same limits and messages everywhere. */

export const variablePath = z
  .string()
  .regex(
    /^(?:(?:contact|conversation)\.)?[A-Za-z_][A-Za-z0-9_]*$/,
    'a variable name uses letters, digits and _ (e.g. customer_name), optionally after contact.',
  );

/** A wait for the customer: at least a minute is pointless to go below, and a month is the longest session. */
export const timeoutSeconds = z
  .number()
  .int('give the timeout in whole seconds')
  .min(10, 'a timeout shorter than 10 seconds does not give the customer time to answer')
  .max(30 * 86400, 'a timeout can be at most 30 days')
  .meta({ title: 'Timeout (seconds)', description: 'Without an answer for this long, leave through "No answer".' });

export const nodeId = z.string().min(1, 'choose a node');

export const retryOptions = z
  .object({
    maxAttempts: z.number().int().min(1).max(10).default(3),
    initialIntervalSeconds: z.number().min(0.1).max(300).default(1),
  })
  .meta({ title: 'Retries' });

export function timeoutPort(seconds: number | undefined): PortSpec[] {
  return seconds === undefined ? [] : [{ id: 'timeout', label: 'No answer', required: false }];
}

export const errorPort: PortSpec = { id: 'error', label: 'Error', required: false };
export const nextPort: PortSpec = { id: 'next', label: 'Next', required: false };
