import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { pipeline, type Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { AllowList } from './allow-list.ts';
import { BlockedDestination, described, FetchFailed } from './errors.ts';
import { checkBeforeConnect, guardedLookup, hostOf, systemResolver, type Hop, type Resolver } from './guard.ts';

export interface SafeFetchOptions {
  method?: string;
  headers?: Headers | Record<string, string>;
  body?: string | Uint8Array;
  /** The most of the (decoded) answer read; beyond it the fetch fails, or with `truncate` keeps what fits. */
  maxBytes?: number;
  truncate?: boolean;
  /** For the whole fetch: every redirect, and reading the answer. */
  timeoutMs?: number;
  maxRedirects?: number;
  /** Destinations reachable although not public, e.g. a local test server (see parseAllowList). */
  allowHosts?: AllowList;
  resolve?: Resolver;
}

export interface SafeResponse {
  status: number;
  ok: boolean;
  headers: Headers;
  body: Buffer;
  /** Cut at maxBytes (only with `truncate`). */
  truncated: boolean;
  /** Where the answer came from, after redirects. */
  finalUrl: string;
  contentType: string | undefined;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Sent with a request but not to another origin a redirect leads to. */
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];
const DECODERS: Record<string, () => NodeJS.ReadWriteStream> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

/**
 * Fetches a URL someone outside the server gave, reaching only public internet addresses: every address is checked
 * after DNS resolution, as the socket connects, on every redirect hop. Refusals are BlockedDestination; failures of
 * the network or the server are FetchFailed. Redirects are followed by hand: 301/302/303 become a GET without body,
 * 307/308 keep method and body, and credentials are not sent on to another origin.
 */
export async function safeFetch(input: string | URL, options: SafeFetchOptions = {}): Promise<SafeResponse> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxRedirects = options.maxRedirects ?? 5;
  const first = new URL(input);
  const deadline = AbortSignal.timeout(timeoutMs);
  const headers = new Headers(options.headers);
  if (!headers.has('accept')) headers.set('accept', '*/*');
  if (!headers.has('accept-encoding')) headers.set('accept-encoding', 'gzip, deflate, br');
  headers.delete('content-length');
  headers.delete('host');
  let method = (options.method ?? 'GET').toUpperCase();
  let body = options.body;
  let hop: Hop = { url: first, redirectedFrom: undefined, allowHosts: options.allowHosts ?? [] };

  for (let redirects = 0; ; redirects++) {
    checkBeforeConnect(hop);
    const response = await guarded(hop.url, timeoutMs, deadline, () =>
      send(hop, { method, headers, body }, options.resolve ?? systemResolver, deadline),
    );
    const location = response.headers.location;
    if (!REDIRECTS.has(response.statusCode ?? 0) || location === undefined) {
      const read = { maxBytes: options.maxBytes ?? 10 * 1024 * 1024, truncate: options.truncate ?? false };
      const { content, truncated } = await guarded(hop.url, timeoutMs, deadline, () =>
        readBody(response, method, read, deadline),
      );
      const answerHeaders = toHeaders(response);
      return {
        status: response.statusCode ?? 0,
        ok: (response.statusCode ?? 0) >= 200 && (response.statusCode ?? 0) < 300,
        headers: answerHeaders,
        body: content,
        truncated,
        finalUrl: hop.url.href,
        contentType: answerHeaders.get('content-type') ?? undefined,
      };
    }
    response.destroy();
    if (redirects >= maxRedirects) {
      throw new FetchFailed('redirect', `${described(first)} redirected more than ${maxRedirects} times`);
    }
    const next = URL.parse(location, hop.url.href);
    if (!next) throw new FetchFailed('redirect', `${described(hop.url)} redirected to "${location}", not an address`);
    if (response.statusCode !== 307 && response.statusCode !== 308 && method !== 'HEAD') {
      method = 'GET';
      body = undefined;
      for (const name of ['content-type', 'content-encoding', 'content-language']) headers.delete(name);
    }
    if (next.origin !== hop.url.origin) for (const name of CREDENTIAL_HEADERS) headers.delete(name);
    hop = { ...hop, url: next, redirectedFrom: hop.url };
  }
}

interface Outgoing {
  method: string;
  headers: Headers;
  body: string | Uint8Array | undefined;
}

function send(hop: Hop, outgoing: Outgoing, resolve: Resolver, signal: AbortSignal): Promise<IncomingMessage> {
  return new Promise((resolveResponse, reject) => {
    const request = hop.url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = request(
      hop.url,
      {
        hostname: hostOf(hop.url),
        method: outgoing.method,
        headers: Object.fromEntries(outgoing.headers),
        lookup: guardedLookup(hop, resolve),
        // A connection of its own: a pooled socket may have been opened to an address no one checked.
        agent: false,
        signal,
      },
      resolveResponse,
    );
    req.on('error', reject);
    req.end(outgoing.body);
  });
}

async function readBody(
  response: IncomingMessage,
  method: string,
  read: { maxBytes: number; truncate: boolean },
  signal: AbortSignal,
): Promise<{ content: Buffer; truncated: boolean }> {
  const onAbort = () => response.destroy();
  if (signal.aborted) onAbort();
  signal.addEventListener('abort', onAbort, { once: true });
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of decoded(response, method) as AsyncIterable<Buffer>) {
      if (size + chunk.byteLength > read.maxBytes) {
        if (!read.truncate) throw new FetchFailed('too-large', `the answer is larger than ${read.maxBytes} bytes`);
        chunks.push(chunk.subarray(0, read.maxBytes - size));
        return { content: Buffer.concat(chunks), truncated: true };
      }
      chunks.push(chunk);
      size += chunk.byteLength;
    }
    return { content: Buffer.concat(chunks), truncated: false };
  } finally {
    signal.removeEventListener('abort', onAbort);
    response.destroy();
  }
}

function decoded(response: IncomingMessage, method: string): Readable | NodeJS.ReadWriteStream {
  const encoding = String(response.headers['content-encoding'] ?? '')
    .trim()
    .toLowerCase();
  const decoder = DECODERS[encoding];
  const empty = method === 'HEAD' || response.statusCode === 204 || response.statusCode === 304;
  if (!decoder || empty) return response;
  return pipeline(response, decoder(), () => undefined);
}

/** Runs one step of the fetch, turning what went wrong into BlockedDestination or FetchFailed. */
async function guarded<T>(url: URL, timeoutMs: number, deadline: AbortSignal, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (err) {
    if (err instanceof BlockedDestination || (err instanceof FetchFailed && !deadline.aborted)) throw err;
    if (deadline.aborted) {
      throw new FetchFailed('timeout', `${described(url)} did not answer within ${timeoutMs / 1000} s`, { cause: err });
    }
    const reason = err instanceof Error ? err.message : String(err);
    throw new FetchFailed('unreachable', `${described(url)} could not be reached: ${reason}`, { cause: err });
  }
}

function toHeaders(response: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(response.headers)) {
    for (const item of Array.isArray(value) ? value : [value ?? '']) headers.append(name, item);
  }
  return headers;
}
