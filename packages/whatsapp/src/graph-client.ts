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
  constructor(httpStatus: number, code: number | undefined, message: string) {
    super(message);
    this.httpStatus = httpStatus;
    this.code = code;
    this.kind = classifySendFailure(httpStatus, code);
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

/** The Cloud API's send endpoint: `POST /<version>/<phone-number-id>/messages`. */
export class GraphClient {
  private readonly options: GraphClientOptions;
  constructor(options: GraphClientOptions) {
    this.options = options;
  }

  async sendMessage(phoneNumberId: string, accessToken: string, body: SendRequest): Promise<{ wamid: string }> {
    const url = `${this.options.baseUrl.replace(/\/$/, '')}/${this.options.version}/${encodeURIComponent(phoneNumberId)}/messages`;
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 15000),
      });
    } catch (err) {
      throw new GraphApiError(
        0,
        undefined,
        `Graph API unreachable: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
    const text = await response.text();
    if (!response.ok) {
      const error = safeJson<GraphErrorBody>(text)?.error;
      throw new GraphApiError(response.status, error?.code, error?.message ?? `Graph API answered ${response.status}`);
    }
    const wamid = safeJson<SendSuccessResponse>(text)?.messages?.[0]?.id;
    if (!wamid) throw new GraphApiError(response.status, undefined, 'Graph API answered 200 without a message id');
    return { wamid };
  }
}

function safeJson<T>(text: string): T | undefined {
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}
