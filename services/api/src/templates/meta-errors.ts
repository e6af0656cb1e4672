import { HttpError } from '@botflow/service-kit';
import { GraphApiError } from '@botflow/whatsapp';

/** A Graph API failure as the answer our caller can act on; anything else is rethrown as it is. */
export function fromMeta(err: unknown): unknown {
  if (!(err instanceof GraphApiError)) return err;
  const said = err.details ? `${err.message}: ${err.details}` : err.message;
  switch (err.kind) {
    case 'auth':
      return new HttpError(
        502,
        `Meta refused this channel's access token (${said}): give the channel a new one with PATCH /api/channels/:channelId`,
      );
    case 'backoff':
      return new HttpError(429, `Meta asks to slow down (${said}): try again in a minute`);
    case 'permanent':
      return new HttpError(err.httpStatus === 404 ? 404 : 400, `Meta refused the request: ${said}`);
    default:
      return new HttpError(502, `Meta's Graph API did not answer as expected (${said}): try again`);
  }
}
