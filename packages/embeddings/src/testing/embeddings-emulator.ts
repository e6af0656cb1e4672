import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { floatsToBase64 } from '../vectors.ts';
import { fakeEmbedding } from './fake-vectors.ts';

// A local stand-in for OpenAI's POST /v1/embeddings (and so for Ollama, vLLM, TEI behind the same wire format):
// OpenAI's request validation, response and error shapes, float or base64 vectors, usage, and failures on demand.

export interface EmulatorOptions {
  /** When set, requests must carry `Authorization: Bearer <apiKey>`. */
  apiKey?: string;
  /** Models served, name → vector length; OpenAI's three by default. */
  models?: Record<string, number>;
  port?: number;
}

export interface RecordedRequest {
  path: string;
  authorization: string | undefined;
  body: unknown;
  status: number;
}

export interface FailureOptions {
  times?: number;
  /** Sent as retry-after-ms (and retry-after in seconds, rounded up), which the openai SDK honours. */
  retryAfterMs?: number;
}

export interface EmbeddingsEmulator {
  /** Base URL for the openai SDK, ending in /v1. */
  url: string;
  requests: RecordedRequest[];
  /** The next request(s) fail with this status: 429 (rate limit), 500, 503 … */
  failNext(status: number, options?: FailureOptions): void;
  close(): Promise<void>;
}

const OPENAI_MODELS: Record<string, number> = {
  'text-embedding-3-small': 1536,
  'text-embedding-3-large': 3072,
  'text-embedding-ada-002': 1536,
};
const MAX_INPUTS = 2048;

interface WireError {
  status: number;
  message: string;
  type: string;
  param?: string | null;
  code?: string | null;
  headers?: Record<string, string>;
}

export async function startEmbeddingsEmulator(options: EmulatorOptions = {}): Promise<EmbeddingsEmulator> {
  const models = options.models ?? OPENAI_MODELS;
  const requests: RecordedRequest[] = [];
  const failures: { status: number; retryAfterMs: number | undefined }[] = [];

  const server = createServer((req, res) => {
    void handle(req, res);
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const record: RecordedRequest = { path, authorization: req.headers.authorization, body: undefined, status: 0 };
    requests.push(record);
    const text = await readBody(req);
    try {
      record.body = text ? JSON.parse(text) : undefined;
    } catch {
      record.body = text;
    }
    const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': `req_${randomUUID()}`, ...headers });
      res.end(JSON.stringify(body));
    };
    const outcome = respond(req.method ?? 'GET', path, req.headers.authorization, record.body, text);
    if ('status' in outcome) {
      const { status, message, type, param = null, code = null, headers } = outcome;
      answer(status, { error: { message, type, param, code } }, headers);
    } else {
      answer(200, outcome.body, outcome.headers);
    }
  }

  function respond(
    method: string,
    path: string,
    authorization: string | undefined,
    body: unknown,
    rawBody: string,
  ): WireError | { body: unknown; headers: Record<string, string> } {
    if (method !== 'POST' || (path !== '/v1/embeddings' && path !== '/embeddings')) {
      return { status: 404, message: `Invalid URL (${method} ${path})`, type: 'invalid_request_error' };
    }
    const authError = checkKey(authorization, options.apiKey);
    if (authError) return authError;
    const failure = failures.shift();
    if (failure) return injected(failure.status, failure.retryAfterMs);
    if (typeof body !== 'object' || body === null) {
      return {
        status: 400,
        message: rawBody
          ? "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON."
          : 'you must provide a model parameter',
        type: 'invalid_request_error',
      };
    }
    return embeddings(body as Record<string, unknown>, models);
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    failNext(status, { times = 1, retryAfterMs } = {}) {
      for (let i = 0; i < times; i++) failures.push({ status, retryAfterMs });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

function embeddings(body: Record<string, unknown>, models: Record<string, number>) {
  const { model, input, encoding_format: encoding = 'float', dimensions } = body;
  if (typeof model !== 'string' || model === '') {
    return invalid('you must provide a model parameter', null);
  }
  const inputs = texts(input);
  if (!inputs)
    return invalid(
      "'$.input' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference.",
      null,
    );
  if (inputs.length > MAX_INPUTS)
    return invalid(`'$.input' is too long: at most ${MAX_INPUTS} inputs per request.`, 'input');
  if (encoding !== 'float' && encoding !== 'base64') {
    return invalid(`'${String(encoding)}' is not one of ['float', 'base64'] - 'encoding_format'`, 'encoding_format');
  }
  const native = models[model];
  if (native === undefined) {
    return {
      status: 404,
      message: `The model \`${model}\` does not exist or you do not have access to it.`,
      type: 'invalid_request_error',
      code: 'model_not_found',
    } satisfies WireError;
  }
  let length = native;
  if (dimensions !== undefined) {
    if (!model.startsWith('text-embedding-3')) {
      return invalid('This model does not support specifying dimensions.', null);
    }
    if (typeof dimensions !== 'number' || !Number.isInteger(dimensions) || dimensions < 1 || dimensions > native) {
      return invalid(
        `Invalid value for 'dimensions' = ${JSON.stringify(dimensions)}. Must be between 1 and ${native}.`,
        'dimensions',
      );
    }
    length = dimensions;
  }
  const tokens = inputs.reduce((sum, t) => sum + estimateTokens(t), 0);
  const data = inputs.map((text, index) => {
    const vector = fakeEmbedding(text, length);
    return {
      object: 'embedding',
      index,
      embedding: encoding === 'base64' ? floatsToBase64(vector) : Array.from(vector),
    };
  });
  return {
    body: { object: 'list', data, model, usage: { prompt_tokens: tokens, total_tokens: tokens } },
    headers: { 'openai-model': model, 'openai-processing-ms': '1' },
  };
}

/** Strings, or token-id arrays (read as their ids joined by spaces); undefined when the API would reject them. */
function texts(input: unknown): string[] | undefined {
  const isIds = (v: unknown): v is number[] => Array.isArray(v) && v.length > 0 && v.every(Number.isInteger);
  if (typeof input === 'string') return input === '' ? undefined : [input];
  if (isIds(input)) return [input.join(' ')];
  if (!Array.isArray(input) || input.length === 0) return undefined;
  if (input.every((v) => typeof v === 'string' && v !== '')) return input as string[];
  if (input.every(isIds)) return input.map((ids) => ids.join(' '));
  return undefined;
}

function estimateTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

function checkKey(authorization: string | undefined, apiKey: string | undefined): WireError | undefined {
  if (apiKey === undefined) return undefined;
  if (!authorization?.startsWith('Bearer ')) {
    return {
      status: 401,
      message:
        "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
      type: 'invalid_request_error',
    };
  }
  const key = authorization.slice('Bearer '.length);
  if (key === apiKey) return undefined;
  return {
    status: 401,
    message: `Incorrect API key provided: ${key.slice(0, 3)}***${key.slice(-4)}. You can find your API key at https://platform.openai.com/account/api-keys.`,
    type: 'invalid_request_error',
    code: 'invalid_api_key',
  };
}

function injected(status: number, retryAfterMs: number | undefined): WireError {
  const headers: Record<string, string> =
    retryAfterMs === undefined
      ? {}
      : { 'retry-after-ms': String(retryAfterMs), 'retry-after': String(Math.ceil(retryAfterMs / 1000)) };
  if (status === 429) {
    return {
      status,
      message: 'Rate limit reached for requests. Please try again later.',
      type: 'requests',
      code: 'rate_limit_exceeded',
      headers,
    };
  }
  return {
    status,
    message: 'The server had an error while processing your request. Sorry about that!',
    type: status >= 500 ? 'server_error' : 'invalid_request_error',
    headers,
  };
}

function invalid(message: string, param: string | null): WireError {
  return { status: 400, message, type: 'invalid_request_error', param };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
