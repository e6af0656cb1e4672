import type { VarValue } from '@botflow/graph';
import { described, httpUrl, MAX_BODY_BYTES, send, statusFailure, type OutboundPolicy } from './http.ts';
import { invalidInput, optionalText, record, text, timeoutSeconds, type EffectInput } from './input.ts';

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The http_request node's call. Answers `{status, body}`: the body parsed when it is JSON, else text, at most
 * 256 KB (a longer answer is cut and kept as text, with `truncated: true`). A non-2xx answer is a failure.
 */
export function createHttpRequest(policy: OutboundPolicy) {
  return async function httpRequest(input: EffectInput): Promise<VarValue> {
    const method = text(input, 'method');
    if (!METHODS.has(method)) throw invalidInput(`"${method}" is not an HTTP method the bot can use`);
    const url = httpUrl(text(input, 'url'));
    const body = optionalText(input, 'body');
    if (body !== undefined && method === 'GET') throw invalidInput('a GET request sends no body');
    const seconds = timeoutSeconds(input);
    const headers = requestHeaders(record(input['headers'] ?? {}, '"headers"'));
    const contentType = optionalText(input, 'contentType');
    if (body !== undefined && contentType && !headers.has('content-type')) headers.set('content-type', contentType);

    const answer = await send(
      policy,
      url,
      { method, headers, ...(body === undefined ? {} : { body }) },
      { timeoutSeconds: seconds, maxBytes: MAX_BODY_BYTES },
    );
    if (!answer.ok) throw statusFailure(`${method} ${described(url)}`, answer.status, answer.text);
    if (answer.truncated) return { status: answer.status, body: answer.text, truncated: true };
    return { status: answer.status, body: parsed(answer.text, answer.headers.get('content-type')) };
  };
}

function requestHeaders(values: Record<string, VarValue>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(values)) {
    if (typeof value !== 'string') throw invalidInput(`the header ${name} must be text`);
    try {
      headers.set(name, value);
    } catch {
      throw invalidInput(`"${name}: ${value}" is not a valid HTTP header`);
    }
  }
  return headers;
}

function parsed(body: string, contentType: string | null): VarValue {
  if (!contentType?.includes('json') && !/^\s*[[{]/.test(body)) return body;
  try {
    return JSON.parse(body) as VarValue;
  } catch {
    return body;
  }
}
