import type { RequestHandler, Response } from 'express';
import type { PrismaClient } from '@botflow/db';
import { HttpError } from '@botflow/service-kit';
import { API_TOKEN_PREFIX, hashApiToken } from './api-tokens.ts';

/** How often a token's `last_used_at` is written at most: once a minute is enough to see which tokens are in use. */
const LAST_USED_RESOLUTION_SECONDS = 60;

/**
 * Accepts `Authorization: Bearer bf_…` when the token is known and not revoked, and scopes the request to the
 * token's organisation (read it with {@link organisationOf}); anything else is a 401 saying what is wrong.
 */
export function requireOrganisation(db: PrismaClient): RequestHandler {
  return async (req, res, next) => {
    res.set('WWW-Authenticate', 'Bearer');
    const token = bearerToken(req.header('authorization'));
    const found = await db.apiToken.findUnique({
      where: { tokenHash: hashApiToken(token) },
      select: { id: true, organisationId: true, revokedAt: true },
    });
    if (!found) throw new HttpError(401, 'this API token is not known: check it was copied whole, or make a new one');
    if (found.revokedAt) throw new HttpError(401, 'this API token was revoked: use another token of the organisation');
    await db.$executeRaw`
      UPDATE api_tokens SET last_used_at = now()
      WHERE id = ${found.id}
        AND (last_used_at IS NULL OR last_used_at < now() - make_interval(secs => ${LAST_USED_RESOLUTION_SECONDS}))`;
    res.removeHeader('WWW-Authenticate');
    res.locals['organisationId'] = found.organisationId;
    next();
  };
}

/** The organisation the request's token belongs to. */
export function organisationOf(res: Response): string {
  const id: unknown = res.locals['organisationId'];
  if (typeof id !== 'string') throw new Error('requireOrganisation must run before this handler');
  return id;
}

function bearerToken(header: string | undefined): string {
  if (!header) {
    throw new HttpError(401, `send an organisation API token: Authorization: Bearer ${API_TOKEN_PREFIX}…`);
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) throw new HttpError(401, `the Authorization header must read "Bearer ${API_TOKEN_PREFIX}…"`);
  const token = match[1];
  if (!token.startsWith(API_TOKEN_PREFIX)) {
    throw new HttpError(401, `this is not a BotFlow API token: those start with ${API_TOKEN_PREFIX}`);
  }
  return token;
}
