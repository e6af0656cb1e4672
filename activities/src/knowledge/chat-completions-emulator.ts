import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

// A local stand-in for OpenAI's POST /v1/chat/completions (and so for Ollama or vLLM behind the same wire format), for
// tests: OpenAI's request checks, response and error shapes; the test decides what the "model" says.

export interface ChatRequest {
  model: string;
  messages: { role: string; content: string }[];
  temperature?: number;
}

export interface ChatCompletionsEmulator {
  /** Base URL for the openai SDK, ending in /v1. */
  url: string;
  requests: { authorization: string | undefined; body: ChatRequest }[];
  /** The next request(s) fail with this status (500, 503, 429 …). */
  failNext(status: number, times?: number): void;
  close(): Promise<void>;
}

export async function startChatCompletionsEmulator(
  respond: (request: ChatRequest) => string,
  options: { apiKey?: string } = {},
): Promise<ChatCompletionsEmulator> {
  const requests: ChatCompletionsEmulator['requests'] = [];
  const failures: number[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      const answer = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': `req_${randomUUID()}` });
        res.end(JSON.stringify(body));
      };
      const error = (status: number, message: string, type: string, code: string | null = null) =>
        answer(status, { error: { message, type, param: null, code } });
      if (req.method !== 'POST' || req.url?.split('?')[0] !== '/v1/chat/completions') {
        return error(404, `Unknown request URL: ${req.method} ${req.url}`, 'invalid_request_error', 'unknown_url');
      }
      if (options.apiKey && req.headers.authorization !== `Bearer ${options.apiKey}`) {
        return error(401, 'Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key');
      }
      let body: ChatRequest;
      try {
        body = JSON.parse(await readBody(req)) as ChatRequest;
      } catch {
        return error(400, 'We could not parse the JSON body of your request.', 'invalid_request_error');
      }
      if (typeof body.model !== 'string' || !Array.isArray(body.messages) || body.messages.length === 0) {
        return error(400, "Missing required parameter: 'model' or 'messages'.", 'invalid_request_error');
      }
      requests.push({ authorization: req.headers.authorization, body });
      const failure = failures.shift();
      if (failure !== undefined)
        return error(failure, 'The server had an error while processing your request.', 'server_error');
      const content = respond(body);
      answer(200, {
        id: `chatcmpl-${randomUUID()}`,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: body.model,
        choices: [
          { index: 0, message: { role: 'assistant', content, refusal: null }, logprobs: null, finish_reason: 'stop' },
        ],
        usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
      });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    failNext(status, times = 1) {
      for (let i = 0; i < times; i++) failures.push(status);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
