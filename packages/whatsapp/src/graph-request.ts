import { GraphApiError } from './graph-client.ts';
import type { GraphErrorBody } from './wire/responses.ts';

export interface GraphRequest {
  method?: 'GET' | 'POST';
  accessToken: string;
  body?: unknown;
  timeoutMs: number;
}

/** One JSON call to the Graph API; any failure becomes a {@link GraphApiError} carrying Meta's code. */
export async function graphRequest<T>(url: string, request: GraphRequest): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: request.method ?? 'GET',
      headers: {
        authorization: `Bearer ${request.accessToken}`,
        ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      signal: AbortSignal.timeout(request.timeoutMs),
    });
  } catch (err) {
    throw new GraphApiError(0, undefined, `Graph API unreachable: ${err instanceof Error ? err.message : String(err)}`);
  }
  const text = await response.text();
  const json = parseJson(text);
  if (!response.ok) {
    const error = (json as GraphErrorBody | undefined)?.error;
    const details = error?.error_user_msg ?? error?.error_data?.details;
    throw new GraphApiError(
      response.status,
      error?.code,
      error?.message ?? `Graph API answered ${response.status}`,
      details,
    );
  }
  if (json === undefined) throw new GraphApiError(response.status, undefined, 'Graph API answered without JSON');
  return json as T;
}

/** `<base>/<version>/<path…>` with each path segment encoded. */
export function graphUrl(baseUrl: string, version: string, ...segments: string[]): URL {
  return new URL(`${baseUrl.replace(/\/$/, '')}/${[version, ...segments.map(encodeURIComponent)].join('/')}`);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
