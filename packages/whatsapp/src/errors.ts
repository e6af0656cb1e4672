import { randomBytes } from 'node:crypto';
import type { GraphErrorBody } from './wire/responses.ts';

/** Graph API / Cloud API error codes that change what a sender should do. */
export const GRAPH_ERROR = {
  /** Malformed request: wrong type, unknown value, unknown object id. Do not retry. */
  INVALID_PARAMETER: 100,
  /** Access token expired or invalid (HTTP 401). Do not retry until the token is replaced. */
  ACCESS_TOKEN_EXPIRED: 190,
  /** Too many API calls for this WhatsApp Business Account. Back off. */
  ACCOUNT_RATE_LIMIT: 80007,
  /** Throughput limit of the business phone number reached (80 msg/s by default). Back off. */
  THROUGHPUT_LIMIT: 130429,
  /** Transient server-side failure. Retry. */
  SOMETHING_WENT_WRONG: 131000,
  REQUIRED_PARAMETER_MISSING: 131008,
  PARAMETER_VALUE_INVALID: 131009,
  /** The recipient cannot receive this message (not on WhatsApp, old app, blocked…). Do not retry. */
  UNDELIVERABLE: 131026,
  /** More than 24 h since the customer's last message: only a template may be sent. Do not retry as is. */
  REENGAGEMENT_REQUIRED: 131047,
  /** Spam rate limit: this number is restricted in how many messages it may send. */
  SPAM_RATE_LIMIT: 131048,
  /** Too many messages to the same recipient in a short time (≈1 every 6 s with bursts). Back off. */
  PAIR_RATE_LIMIT: 131056,
} as const;

export type GraphErrorCode = (typeof GRAPH_ERROR)[keyof typeof GRAPH_ERROR];

/** Meta's short titles, used in `error.message` as `(#code) title`. */
export const GRAPH_ERROR_TITLES: Record<number, string> = {
  100: 'Invalid parameter',
  190: 'Invalid OAuth access token - Cannot parse access token',
  80007: 'Rate limit issues',
  130429: 'Rate limit hit',
  131000: 'Something went wrong',
  131008: 'Required parameter is missing',
  131009: 'Parameter value is not valid',
  131026: 'Message undeliverable',
  131047: 'Re-engagement message',
  131048: 'Spam rate limit hit',
  131056: '(Business Account, Consumer Account) pair rate limit hit',
};

/**
 * How long to wait before sending again after Meta said to slow down (`attempt` counts from 1), growing with each
 * refusal. The pair limit follows Meta's advice of 4^n seconds; the others double from their own base.
 */
export function backoffDelayMs(code: number | undefined, attempt: number): number {
  const n = Math.max(1, Math.floor(attempt));
  const grow = (baseS: number, capS: number) => Math.min(baseS * 2 ** (n - 1), capS) * 1000;
  switch (code) {
    case GRAPH_ERROR.PAIR_RATE_LIMIT:
      return Math.min(4 ** n, 256) * 1000;
    case GRAPH_ERROR.ACCOUNT_RATE_LIMIT:
      return grow(30, 600);
    case GRAPH_ERROR.SPAM_RATE_LIMIT:
      return grow(60, 900);
    default:
      return grow(1, 30);
  }
}

/** The HTTP status the emulator answers a code with. Meta uses 400 for most; decide on the code, never the status. */
export function httpStatusForGraphError(code: number): number {
  if (code === GRAPH_ERROR.ACCESS_TOKEN_EXPIRED) return 401;
  if (code === GRAPH_ERROR.SOMETHING_WENT_WRONG) return 500;
  return 400;
}

export interface GraphErrorOptions {
  message?: string;
  details?: string;
  type?: string;
  subcode?: number;
  fbtraceId?: string;
}

export function newFbtraceId(): string {
  return randomBytes(8).toString('base64url').slice(0, 11);
}

/** A Meta-shaped error body: `{error:{message, type, code, error_data:{details}, fbtrace_id}}`. */
export function graphErrorBody(code: number, options: GraphErrorOptions = {}): GraphErrorBody {
  const title = GRAPH_ERROR_TITLES[code] ?? 'Unknown error';
  const message = options.message ?? (code === GRAPH_ERROR.ACCESS_TOKEN_EXPIRED ? title : `(#${code}) ${title}`);
  return {
    error: {
      message,
      type: options.type ?? 'OAuthException',
      code,
      ...(options.subcode === undefined ? {} : { error_subcode: options.subcode }),
      ...(options.details === undefined
        ? {}
        : { error_data: { messaging_product: 'whatsapp', details: options.details } }),
      fbtrace_id: options.fbtraceId ?? newFbtraceId(),
    },
  };
}
