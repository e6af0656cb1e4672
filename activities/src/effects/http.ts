import { BlockedDestination, FetchFailed, safeFetch, type AllowList, type Resolver } from '@botflow/safe-fetch';
import { ApplicationFailure } from '@temporalio/common';
import { invalidInput } from './input.ts';

/** The most of an answer an effect keeps: enough for any API reply a bot maps, small for workflow history. */
export const MAX_BODY_BYTES = 256 * 1024;

/**
 * Where effects may send requests a bot owner wrote: public internet addresses only, plus what `allowHosts` adds
 * (a local server in development and tests; empty in production).
 */
export interface OutboundPolicy {
  allowHosts: AllowList;
  /** For tests: a DNS that answers the addresses a test needs. */
  resolve?: Resolver;
}

export interface Answer {
  status: number;
  ok: boolean;
  headers: Headers;
  /** At most `maxBytes` of the body; `truncated` when there was more. */
  text: string;
  truncated: boolean;
}

export interface Outgoing {
  method?: string;
  headers?: Headers | Record<string, string>;
  body?: string;
}

export function httpUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalidInput(`"${value}" is not a web address`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw invalidInput(`only http:// and https:// addresses can be called, not ${url.protocol}`);
  }
  return url;
}

/** How a URL appears in error messages: without its query, which may carry keys. */
export function described(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

/**
 * Sends the request and reads at most maxBytes of the answer, all within the time limit. A refused destination
 * fails for good; a timeout or an unreachable server is worth another attempt (plain Error).
 */
export async function send(
  policy: OutboundPolicy,
  url: URL,
  outgoing: Outgoing,
  limits: { timeoutSeconds: number; maxBytes: number },
): Promise<Answer> {
  try {
    const answer = await safeFetch(url, {
      ...outgoing,
      allowHosts: policy.allowHosts,
      ...(policy.resolve ? { resolve: policy.resolve } : {}),
      timeoutMs: limits.timeoutSeconds * 1000,
      maxBytes: limits.maxBytes,
      truncate: true,
    });
    const { status, ok, headers, truncated } = answer;
    return { status, ok, headers, truncated, text: new TextDecoder().decode(answer.body) };
  } catch (err) {
    if (err instanceof BlockedDestination) throw ApplicationFailure.nonRetryable(err.message, 'BlockedDestination');
    if (err instanceof FetchFailed) throw new Error(err.message, { cause: err });
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(`${described(url)} could not be reached: ${reason}`, { cause: err });
  }
}

/** A non-2xx answer: 408, 429 and 5xx may pass on another attempt; other statuses will not. */
export function statusFailure(what: string, status: number, body: string): Error {
  const snippet = body.trim().slice(0, 200);
  const message = `${what} answered ${status}${snippet ? `: ${snippet}` : ''}`;
  const transient = status === 408 || status === 429 || status >= 500;
  return transient ? new Error(message) : ApplicationFailure.nonRetryable(message, 'HttpStatus');
}
