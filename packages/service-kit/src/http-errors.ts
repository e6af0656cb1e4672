import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';

/** The one error type HTTP handlers throw: a status, a message that says what to fix, optional details. */
export class HttpError extends Error {
  override name = 'HttpError';
  readonly status: number;
  readonly details: unknown;
  constructor(status: number, message: string, details?: unknown) {
    super(message);
    this.status = status;
    this.details = details;
  }
}

export const notFound: RequestHandler = (req) => {
  throw new HttpError(404, `no route for ${req.method} ${req.path}`);
};

interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
}

/** Central error handler: known errors keep their status; anything else is a logged 500 that leaks nothing. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const parserError = err as BodyParserError;
    let status = 500;
    let body: { error: string; details?: unknown } = { error: 'internal error' };
    if (err instanceof HttpError) {
      status = err.status;
      body = err.details === undefined ? { error: err.message } : { error: err.message, details: err.details };
    } else if (parserError.type === 'entity.too.large') {
      status = 413;
      body = { error: `request body is larger than the ${parserError.limit} bytes accepted` };
    } else if (parserError.type === 'entity.parse.failed') {
      status = 400;
      body = { error: 'request body is not valid JSON' };
    } else if (typeof parserError.status === 'number' && parserError.status >= 400 && parserError.status < 500) {
      status = parserError.status;
      body = { error: err instanceof Error ? err.message : 'bad request' };
    }
    if (status >= 500) log.error({ err, method: req.method, path: req.path }, 'request failed');
    res.status(status).json(body);
  };
}
