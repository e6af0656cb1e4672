import { describe, expect, it } from 'vitest';
import { backoffDelayMs } from './errors.ts';
import { classifySendFailure, GraphApiError } from './graph-client.ts';

describe('classifySendFailure', () => {
  it('decides on Meta’s code first', () => {
    expect(classifySendFailure(400, 131047)).toBe('window_closed');
    expect(classifySendFailure(400, 130429)).toBe('backoff');
    expect(classifySendFailure(400, 131056)).toBe('backoff');
    expect(classifySendFailure(400, 80007)).toBe('backoff');
    expect(classifySendFailure(401, 190)).toBe('auth');
    expect(classifySendFailure(500, 131000)).toBe('retry');
    expect(classifySendFailure(400, 131009)).toBe('permanent');
  });

  it('falls back to the HTTP status, and treats no answer as retryable', () => {
    expect(classifySendFailure(0, undefined)).toBe('retry');
    expect(classifySendFailure(502, undefined)).toBe('retry');
    expect(classifySendFailure(429, undefined)).toBe('backoff');
    expect(classifySendFailure(404, undefined)).toBe('permanent');
  });
});

describe('GraphApiError.reason', () => {
  it('names Meta’s code and the field it refused, for the owner to read on the message', () => {
    const err = new GraphApiError(
      400,
      131009,
      '(#131009) Parameter value is not valid',
      'buttons[0].title is too long',
    );
    expect(err.kind).toBe('permanent');
    expect(err.reason).toBe(
      'WhatsApp refused the message (code 131009): (#131009) Parameter value is not valid: buttons[0].title is too long',
    );
  });

  it('tells a closed window, a refused token and a rate limit apart', () => {
    expect(new GraphApiError(400, 131047, '(#131047) Re-engagement message').reason).toMatch(/^more than 24 hours/);
    expect(new GraphApiError(401, 190, 'Invalid OAuth access token').reason).toMatch(
      /^Meta refused the number's access token/,
    );
    expect(new GraphApiError(400, 130429, '(#130429) Rate limit hit').reason).toMatch(
      /^WhatsApp asked to send more slowly/,
    );
    expect(new GraphApiError(0, undefined, 'Graph API unreachable: ECONNREFUSED').reason).toBe(
      'Graph API unreachable: ECONNREFUSED',
    );
  });
});

describe('backoffDelayMs', () => {
  it('follows Meta’s 4^n seconds for the pair limit', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffDelayMs(131056, n))).toEqual([4000, 16_000, 64_000, 256_000, 256_000]);
  });

  it('doubles from a base of its own for the other limits, up to a cap', () => {
    expect([1, 2, 6, 10].map((n) => backoffDelayMs(130429, n))).toEqual([1000, 2000, 30_000, 30_000]);
    expect(backoffDelayMs(80007, 1)).toBe(30_000);
    expect(backoffDelayMs(80007, 9)).toBe(600_000);
    expect(backoffDelayMs(131048, 1)).toBe(60_000);
  });
});
