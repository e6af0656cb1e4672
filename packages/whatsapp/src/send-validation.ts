import type { z } from 'zod';
import { GRAPH_ERROR, GRAPH_ERROR_TITLES } from './errors.ts';
import { BASE_SCHEMA, CONTENT_SCHEMAS } from './send-schemas.ts';
import type { MarkReadRequest, SendRequest } from './wire/send.ts';

export type SendValidationResult =
  { ok: true; request: SendRequest } | { ok: false; code: number; message: string; details: string };

type Failure = Extract<SendValidationResult, { ok: false }>;

/**
 * Checks a send body the way the Cloud API does and reports the first problem with Meta's code: 131008 when a
 * required field is missing, 100 for a wrong type or unknown value, 131009 for a value out of Meta's limits.
 * `details` names the field (`interactive.action.buttons[1].reply.title`). Like Meta, a missing `type` means text.
 */
export function validateSendRequest(body: unknown): SendValidationResult {
  if (!isObject(body)) return failure(GRAPH_ERROR.INVALID_PARAMETER, 'The request body must be a JSON object');
  const request = body.type === undefined ? { ...body, type: 'text' } : body;

  const base = BASE_SCHEMA.safeParse(request);
  if (!base.success) return describeIssue(base.error.issues[0], request);
  if (base.data.to === undefined && base.data.recipient === undefined)
    return failure(GRAPH_ERROR.REQUIRED_PARAMETER_MISSING, "Parameter 'to' is required");

  const content = CONTENT_SCHEMAS[base.data.type].safeParse(request);
  if (!content.success) return describeIssue(content.error.issues[0], request);
  return { ok: true, request: request as unknown as SendRequest };
}

/** `{messaging_product, status:"read", message_id}` is posted to the same endpoint as sends. */
export function isMarkReadRequest(body: unknown): body is MarkReadRequest {
  return (
    isObject(body) &&
    body.messaging_product === 'whatsapp' &&
    body.status === 'read' &&
    typeof body.message_id === 'string' &&
    body.message_id !== ''
  );
}

function describeIssue(issue: z.core.$ZodIssue | undefined, body: Record<string, unknown>): Failure {
  if (issue === undefined) return failure(GRAPH_ERROR.INVALID_PARAMETER, 'The request is not valid');
  const field = formatPath(issue.path);
  const missing = valueAt(body, issue.path) === undefined;
  switch (issue.code) {
    case 'invalid_type':
    case 'invalid_value':
    case 'invalid_union':
      if (missing) return failure(GRAPH_ERROR.REQUIRED_PARAMETER_MISSING, `Parameter '${field}' is required`);
      if (issue.code === 'invalid_type')
        return failure(GRAPH_ERROR.INVALID_PARAMETER, `Parameter '${field}' must be of type ${issue.expected}`);
      if (issue.code === 'invalid_value')
        return failure(GRAPH_ERROR.INVALID_PARAMETER, `Parameter '${field}' must be ${oneOf(issue.values)}`);
      if ('options' in issue && Array.isArray(issue.options))
        return failure(GRAPH_ERROR.INVALID_PARAMETER, `Parameter '${field}' must be ${oneOf(issue.options)}`);
      return failure(GRAPH_ERROR.PARAMETER_VALUE_INVALID, `Parameter '${field}' is not valid`);
    case 'too_big':
      return failure(
        GRAPH_ERROR.PARAMETER_VALUE_INVALID,
        `Parameter '${field}' ${bound('at most', issue.maximum, issue.origin)}`,
      );
    case 'too_small':
      return failure(
        GRAPH_ERROR.PARAMETER_VALUE_INVALID,
        `Parameter '${field}' ${bound('at least', issue.minimum, issue.origin)}`,
      );
    case 'invalid_format':
      return failure(GRAPH_ERROR.PARAMETER_VALUE_INVALID, `Parameter '${field}' is not a valid ${issue.format}`);
    default:
      return failure(GRAPH_ERROR.PARAMETER_VALUE_INVALID, `Parameter '${field}': ${issue.message}`);
  }
}

function bound(limit: string, value: number | bigint, origin: string): string {
  if (origin === 'string') return `must have ${limit} ${value} characters`;
  if (origin === 'array') return `must have ${limit} ${value} items`;
  return `must be ${limit} ${value}`;
}

function failure(code: number, details: string): Failure {
  return { ok: false, code, message: GRAPH_ERROR_TITLES[code] ?? 'Invalid parameter', details };
}

const oneOf = (values: readonly unknown[]) =>
  values.length === 1 ? JSON.stringify(values[0]) : `one of ${values.map((v) => JSON.stringify(v)).join(', ')}`;

function formatPath(path: readonly PropertyKey[]): string {
  return (
    path.reduce<string>(
      (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
      '',
    ) || 'body'
  );
}

function valueAt(body: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (value, key) =>
      isObject(value) || Array.isArray(value) ? (value as Record<PropertyKey, unknown>)[key] : undefined,
    body,
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
