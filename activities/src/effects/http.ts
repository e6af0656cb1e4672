import { ApplicationFailure } from '@temporalio/common';
import type { ReadableStreamReadResult } from 'node:stream/web';
import { invalidInput } from './input.ts';

/** The most of an answer an effect keeps: enough for any API reply a bot maps, small for workflow history. */
export const MAX_BODY_BYTES = 256 * 1024;

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

/** fetch with a time limit; a timeout or an unreachable server is worth another attempt (plain Error). */
export async function send(url: URL, init: RequestInit, timeoutSeconds: number): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutSeconds * 1000) });
  } catch (err) {
    throw transportError(url, err, timeoutSeconds);
  }
}

/** Reads at most maxBytes of the answer (the time limit of `send` still applies) and drops the rest. */
export async function readCapped(
  response: Response,
  url: URL,
  maxBytes: number,
  timeoutSeconds: number,
): Promise<{ text: string; truncated: boolean }> {
  const reader = response.body?.getReader();
  if (!reader) return { text: '', truncated: false };
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = (await reader.read()) as ReadableStreamReadResult<Uint8Array>;
      if (done) return { text: decode(chunks), truncated: false };
      if (size + value.byteLength > maxBytes) {
        chunks.push(value.subarray(0, maxBytes - size));
        await reader.cancel();
        return { text: decode(chunks), truncated: true };
      }
      chunks.push(value);
      size += value.byteLength;
    }
  } catch (err) {
    throw transportError(url, err, timeoutSeconds);
  }
}

/** A non-2xx answer: 408, 429 and 5xx may pass on another attempt; other statuses will not. */
export function statusFailure(what: string, status: number, body: string): Error {
  const snippet = body.trim().slice(0, 200);
  const message = `${what} answered ${status}${snippet ? `: ${snippet}` : ''}`;
  const transient = status === 408 || status === 429 || status >= 500;
  return transient ? new Error(message) : ApplicationFailure.nonRetryable(message, 'HttpStatus');
}

function transportError(url: URL, err: unknown, timeoutSeconds: number): Error {
  if (err instanceof DOMException && (err.name === 'TimeoutError' || err.name === 'AbortError')) {
    return new Error(`${described(url)} did not answer within ${timeoutSeconds} s`);
  }
  const cause = err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err);
  return new Error(`${described(url)} could not be reached: ${cause}`);
}

function decode(chunks: Uint8Array[]): string {
  return new TextDecoder().decode(Buffer.concat(chunks));
}
