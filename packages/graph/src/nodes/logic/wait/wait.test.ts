import { describe, expect, it } from 'vitest';
import { checkContextOf, definitionOf, said, saying, TestConversation } from '../../../testing.ts';
import type { VariableDecl } from '../../../variables.ts';
import { wait } from './index.ts';

const variables: VariableDecl[] = [{ name: 'slot', scope: 'conversation', type: 'string' }];

function conversation(options: Record<string, unknown>, vars = {}) {
  const definition = definitionOf(
    {
      test: { type: 'wait', options: wait.options.parse(options), next: { next: 'done', error: 'oops' } },
      done: saying('awake'),
      oops: saying('error'),
    },
    'test',
    { variables },
  );
  return new TestConversation(definition, undefined, vars);
}

describe('wait', () => {
  const message = (options: unknown) => wait.options.safeParse(options).error?.issues[0]?.message;

  it('needs exactly one of seconds and until', () => {
    const oneOf = 'give either how many seconds to wait or a moment to wait until, not both';
    expect(message({})).toBe(oneOf);
    expect(message({ seconds: 60, until: '18:00' })).toBe(oneOf);
    expect(wait.options.parse({ seconds: 60 })).toEqual({ seconds: 60, timezone: 'UTC' });
  });

  it('rejects out-of-range waits, unreadable moments and unknown time zones', () => {
    expect(message({ seconds: 0 })).toBe('wait at least 1 second');
    expect(message({ seconds: 31 * 86400 })).toBe('a wait can be at most 30 days');
    expect(message({ until: 'soon' })).toBe(
      'write a date-time such as 2026-03-01T09:00 or a time of day such as 18:30',
    );
    expect(message({ until: '{{slot}}' })).toBeUndefined();
    expect(message({ until: '18:00', timezone: 'Durban' })).toBe('choose a time zone such as Africa/Johannesburg');
  });

  it('sleeps for a number of seconds, then goes on', () => {
    const c = conversation({ seconds: 90 });
    expect(said(c.say('hi'))).toEqual([]);
    expect(c.state.sleeping).toEqual({ node: 'test', until: c.now + 90_000 });
    expect(said(c.advance(89))).toEqual([]);
    expect(said(c.advance(1))).toEqual(['awake']);
  });

  it('sleeps until the next time of day in its time zone', () => {
    // The conversation's clock starts at 2026-01-05 09:00 UTC, 11:00 in Johannesburg.
    const c = conversation({ until: '12:00', timezone: 'Africa/Johannesburg' });
    c.say('hi');
    expect(c.state.sleeping?.until).toBe(Date.UTC(2026, 0, 5, 10, 0));
  });

  it('reads the moment from a variable, goes straight on when it has passed, and fails when it is unreadable', () => {
    const later = conversation({ until: '{{slot}}' }, { slot: '2026-01-07T08:00:00Z' });
    later.say('hi');
    expect(later.state.sleeping?.until).toBe(Date.UTC(2026, 0, 7, 8, 0));

    expect(said(conversation({ until: '{{slot}}' }, { slot: '2025-12-31T08:00:00Z' }).say('hi'))).toEqual(['awake']);

    const unreadable = conversation({ until: '{{slot}}' }, { slot: 'next week' });
    expect(said(unreadable.say('hi'))).toEqual(['error']);
    expect(unreadable.state.lastError?.message).toBe(
      '"next week" is neither a date-time nor a time of day such as 18:30',
    );
  });

  it('has an error port only when the moment is read from a text, and always waits', () => {
    expect(wait.ports(wait.options.parse({ seconds: 5 })).map((p) => p.id)).toEqual(['next']);
    expect(wait.ports(wait.options.parse({ until: '18:00' })).map((p) => p.id)).toEqual(['next', 'error']);
    expect(wait.waits(wait.options.parse({ seconds: 5 }))).toBe(true);
  });

  it('checks the variables the moment refers to', () => {
    const ctx = checkContextOf(definitionOf({}, 'x', { variables }));
    expect(wait.check?.(wait.options.parse({ until: '{{slot}}' }), ctx)).toEqual([]);
    expect(wait.check?.(wait.options.parse({ until: '{{when}}' }), ctx)).toEqual([
      { field: 'until', message: '{{when}}: "when" is never set: declare it, or set it in an earlier node' },
    ]);
  });
});
