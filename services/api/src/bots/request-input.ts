import type { z } from 'zod';
import { HttpError } from '@botflow/service-kit';

/** The request body, checked: a 400 naming each field that is wrong and why. */
export function parseBody<Schema extends z.ZodType>(schema: Schema, body: unknown): z.output<Schema> {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => `${i.path.length > 0 ? i.path.join('.') : 'body'}: ${i.message}`);
  throw new HttpError(400, `the request body is not right: ${issues.join('; ')}`, { issues: parsed.error.issues });
}

/** A version number from the path: a 400 when it is not one. */
export function versionNumber(value: string | undefined): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new HttpError(400, `"${value}" is not a version number: use 1, 2, …`);
  return n;
}
