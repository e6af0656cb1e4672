import type { z } from 'zod';
import { HttpError } from '@botflow/service-kit';

/** Validates a control-API body; a 400 names every problem. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`);
  throw new HttpError(400, `invalid request body: ${problems.join('; ')}`, problems);
}
