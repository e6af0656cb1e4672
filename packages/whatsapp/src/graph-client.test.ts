import { describe, expect, it } from 'vitest';
import { classifySendFailure } from './graph-client.ts';

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
