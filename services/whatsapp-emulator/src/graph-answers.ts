import type { Request, Response } from 'express';
import { GRAPH_ERROR, graphErrorBody, type GraphErrorBody } from '@botflow/whatsapp';
import type { EmulatorState, PhoneNumber } from './state.ts';

/** Graph paths start with a version such as v23.0; anything else belongs to another route. */
export const isGraphVersion = (segment: string | undefined): boolean => /^v\d+\.\d+$/.test(segment ?? '');

export function sendGraphError(res: Response, status: number, body: GraphErrorBody): void {
  res.status(status).set('x-fb-trace-id', body.error.fbtrace_id).json(body);
}

/** The request's bearer token when the emulator knows it; otherwise answers Meta's 401 (code 190) and returns undefined. */
export function knownToken(req: Request, res: Response, state: EmulatorState): string | undefined {
  const token = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1];
  if (token !== undefined && state.isKnownToken(token)) return token;
  state.stats.rejected.auth += 1;
  res.set('www-authenticate', 'OAuth "Facebook Platform" "invalid_token" "Invalid OAuth access token"');
  sendGraphError(res, 401, graphErrorBody(GRAPH_ERROR.ACCESS_TOKEN_EXPIRED));
  return undefined;
}

/** A business account this token may act for: one of the numbers registered with it belongs to the account. */
export function accountOf(state: EmulatorState, wabaId: string, token: string): PhoneNumber | undefined {
  return [...state.phoneNumbers.values()].find((n) => n.wabaId === wabaId && n.accessToken === token);
}

/** Meta's answer for an object id that does not exist or that the token may not see. */
export function unsupportedRequest(method: 'get' | 'post', id: string): GraphErrorBody {
  return graphErrorBody(GRAPH_ERROR.INVALID_PARAMETER, {
    type: 'GraphMethodException',
    subcode: 33,
    message: `Unsupported ${method} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
  });
}

/** `http://host:port` as the caller reached us, for absolute URLs in answers (paging, media downloads). */
export function originOf(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? '127.0.0.1'}`;
}
