import { describe, expect, it } from 'vitest';
import { HttpError } from '@botflow/service-kit';
import { GraphApiError } from '@botflow/whatsapp';
import { fromMeta } from './meta-errors.ts';

const answer = (err: unknown): [number, string] => {
  const mapped = fromMeta(err);
  if (!(mapped instanceof HttpError)) throw new Error('not mapped');
  return [mapped.status, mapped.message];
};

describe('fromMeta', () => {
  it('turns Meta’s answers into ones the caller can act on', () => {
    expect(answer(new GraphApiError(401, 190, 'Invalid OAuth access token'))).toEqual([
      502,
      "Meta refused this channel's access token (Invalid OAuth access token): give the channel a new one with PATCH /api/channels/:channelId",
    ]);
    expect(answer(new GraphApiError(400, 100, 'Invalid parameter', 'body too long'))).toEqual([
      400,
      'Meta refused the request: Invalid parameter: body too long',
    ]);
    expect(answer(new GraphApiError(400, 80007, 'Rate limit issues'))[0]).toBe(429);
    expect(answer(new GraphApiError(0, undefined, 'Graph API unreachable'))[0]).toBe(502);
  });

  it('leaves other errors alone', () => {
    const err = new Error('database down');
    expect(fromMeta(err)).toBe(err);
  });
});
