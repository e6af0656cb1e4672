import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { GraphErrorBody, SendSuccessResponse } from './wire/responses.ts';
import type { SendRequest } from './wire/send.ts';
import { GRAPH_ERROR } from './errors.ts';

export interface GraphClientOptions {
  /** https://graph.facebook.com in production; the emulator's or a benchmark sink's URL elsewhere. */
  baseUrl: string;
  version: string;
  timeoutMs?: number;
}

/** How a failed send should be handled. */
export type SendFailureKind = 'retry' | 'backoff' | 'window_closed' | 'permanent' | 'auth';

export class GraphApiError extends Error {
  override name = 'GraphApiError';
  readonly httpStatus: number;
  readonly code: number | undefined;
  readonly kind: SendFailureKind;
  /** Meta's `error_data.details`: which field or rule the request broke, when Meta says. */
  readonly details: string | undefined;
  constructor(httpStatus: number, code: number | undefined, message: string, details?: string) {
    super(message);
    this.httpStatus = httpStatus;
    this.code = code;
    this.kind = classifySendFailure(httpStatus, code);
    this.details = details;
  }

  /** What went wrong in a sentence an owner can act on, recorded on the message. */
  get reason(): string {
    const said = this.details ? `${this.message}: ${this.details}` : this.message;
    const answer = this.code === undefined ? `HTTP ${this.httpStatus}` : `code ${this.code}`;
    switch (this.kind) {
      case 'window_closed':
        return `more than 24 hours have passed since the customer's last message: WhatsApp only delivers an approved template now (${answer})`;
      case 'auth':
        return `Meta refused the number's access token (${answer}): ${said}`;
      case 'backoff':
        return `WhatsApp asked to send more slowly (${answer}): ${said}`;
      case 'retry':
        return this.httpStatus === 0 ? said : `WhatsApp could not take the message just now (${answer}): ${said}`;
      case 'permanent':
        return `WhatsApp refused the message (${answer}): ${said}`;
    }
  }
}

/** Meta's codes decide; the HTTP status only when there is no code. */
export function classifySendFailure(httpStatus: number, code: number | undefined): SendFailureKind {
  switch (code) {
    case GRAPH_ERROR.REENGAGEMENT_REQUIRED:
      return 'window_closed';
    case GRAPH_ERROR.THROUGHPUT_LIMIT:
    case GRAPH_ERROR.PAIR_RATE_LIMIT:
    case GRAPH_ERROR.ACCOUNT_RATE_LIMIT:
    case GRAPH_ERROR.SPAM_RATE_LIMIT:
      return 'backoff';
    case GRAPH_ERROR.ACCESS_TOKEN_EXPIRED:
      return 'auth';
    case GRAPH_ERROR.SOMETHING_WENT_WRONG:
      return 'retry';
  }
  // No answer at all (refused, reset, timed out): Meta may or may not have the message; retry and reconcile.
  if (httpStatus === 0) return 'retry';
  if (httpStatus === 401) return 'auth';
  if (httpStatus === 429) return 'backoff';
  if (httpStatus >= 500 || httpStatus === 408) return 'retry';
  return 'permanent';
}

/**
 * The Cloud API's send endpoint: `POST /<version>/<phone-number-id>/messages`. Requests go out on kept-alive
 * connections through node:http(s), which writes the request to the socket as it is made: a send whose rate-limit
 * slot has come leaves then, even if the process is busy right after (fetch would queue it behind that work).
 */
export class GraphClient {
  private readonly options: GraphClientOptions;
  private readonly agents = {
    'http:': new HttpAgent({ keepAlive: true, maxSockets: 256 }),
    'https:': new HttpsAgent({ keepAlive: true, maxSockets: 256 }),
  };
  constructor(options: GraphClientOptions) {
    this.options = options;
  }

  async sendMessage(phoneNumberId: string, accessToken: string, body: SendRequest): Promise<{ wamid: string }> {
    const url = new URL(
      `${this.options.baseUrl.replace(/\/$/, '')}/${this.options.version}/${encodeURIComponent(phoneNumberId)}/messages`,
    );
    let response: { status: number; text: string };
    try {
      response = await this.post(url, accessToken, JSON.stringify(body));
    } catch (err) {
      throw new GraphApiError(
        0,
        undefined,
        `Graph API unreachable: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
    const { status, text } = response;
    if (status < 200 || status >= 300) {
      const error = safeJson<GraphErrorBody>(text)?.error;
      throw new GraphApiError(
        status,
        error?.code,
        error?.message ?? `Graph API answered ${status}`,
        error?.error_data?.details,
      );
    }
    const wamid = safeJson<SendSuccessResponse>(text)?.messages?.[0]?.id;
    if (!wamid) throw new GraphApiError(status, undefined, 'Graph API answered 200 without a message id');
    return { wamid };
  }

  private post(url: URL, accessToken: string, body: string): Promise<{ status: number; text: string }> {
    const agent = url.protocol === 'https:' ? this.agents['https:'] : this.agents['http:'];
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const req = send(
        url,
        {
          method: 'POST',
          agent,
          headers: {
            authorization: `Bearer ${accessToken}`,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
          timeout: this.options.timeoutMs ?? 15000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`no answer within ${this.options.timeoutMs ?? 15000} ms`)));
      req.on('error', reject);
      req.end(body);
    });
  }
}

function safeJson<T>(text: string): T | undefined {
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}
