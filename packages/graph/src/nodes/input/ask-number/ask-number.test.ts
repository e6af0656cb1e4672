import { describe, expect, it } from 'vitest';
import { checkContextWith, flowOf, said, TestConversation } from '../../../testing.ts';
import { askNumber } from './index.ts';
import { parseNumber } from './parse-number.ts';

const base = { prompt: 'How many guests?', variable: 'guests' };
const options = (extra: Record<string, unknown> = {}) => askNumber.options.parse({ ...base, ...extra });

describe('parseNumber', () => {
  it.each([
    ['42', 42],
    [' -3.5 ', -3.5],
    ['+7', 7],
    ['.5', 0.5],
    ['1,5', 1.5],
    ['1,200', 1.2],
    ['1 200', 1200],
    ['1\u00a0200', 1200],
    ['1,200,000', 1200000],
    ['1.200.000', 1200000],
    ['1 200,50', 1200.5],
    ['1,200.50', 1200.5],
    ['1.200,50', 1200.5],
  ])('reads %j as %d', (text, value) => expect(parseNumber(text)).toBe(value));

  it.each(['', 'two', '42 people', '1,2,3', '1 2', '1,200,50', '12 34', '3.', '--1'])('rejects %j', (text) =>
    expect(parseNumber(text)).toBeNull(),
  );
});

describe('ask_number', () => {
  it('applies defaults and rejects limits in plain words', () => {
    expect(options()).toMatchObject({ integer: false, maxAttempts: 3 });
    expect(askNumber.options.safeParse({ ...base, maxAttempts: 11 }).error?.issues[0]?.message).toMatch(
      /at most 10 attempts/,
    );
    expect(askNumber.options.safeParse({ ...base, prompt: '' }).error?.issues[0]?.message).toBe(
      'write the question to ask',
    );
  });

  it('saves a number and leaves through next', () => {
    const c = new TestConversation(flowOf('ask_number', options()));
    expect(said(c.say('hi'))).toEqual(['How many guests?']);
    expect(said(c.say('1 200,5'))).toEqual(['left by next']);
    expect(c.state.vars.guests).toBe(1200.5);
  });

  it('asks again, naming the bounds, for numbers out of range or not whole', () => {
    const c = new TestConversation(flowOf('ask_number', options({ min: 1, max: 8, integer: true })));
    c.say('hi');
    expect(said(c.say('9'))).toEqual(['Please answer with a whole number from 1 to 8.']);
    expect(said(c.say('2.5'))).toEqual(['Please answer with a whole number from 1 to 8.']);
    expect(said(c.say('8'))).toEqual(['left by next']);
    expect(c.state.vars.guests).toBe(8);
  });

  it('has a default retry prompt for one bound or none', () => {
    const retry = (extra: Record<string, unknown>) => {
      const c = new TestConversation(flowOf('ask_number', options(extra)));
      c.say('hi');
      return said(c.say('lots'));
    };
    expect(retry({})).toEqual(['Please answer with a number.']);
    expect(retry({ min: 0 })).toEqual(['Please answer with a number of at least 0.']);
    expect(retry({ max: 5, integer: true })).toEqual(['Please answer with a whole number of at most 5.']);
  });

  it('writes a number variable and has next, invalid and timeout ports', () => {
    expect(askNumber.writes?.(options())).toEqual([{ path: 'guests', type: 'number' }]);
    expect(askNumber.ports(options()).map((p) => p.id)).toEqual(['next', 'invalid']);
    expect(askNumber.ports(options({ timeoutSeconds: 60 })).map((p) => p.id)).toEqual(['next', 'invalid', 'timeout']);
  });

  it('reports bounds the wrong way round, unknown variables and read-only targets', () => {
    const ctx = checkContextWith();
    expect(askNumber.check?.(options({ min: 1, max: 5 }), ctx)).toEqual([]);
    expect(askNumber.check?.(options({ min: 5, max: 1, retryPrompt: 'Between 1 and {{top}}' }), ctx)).toEqual([
      { field: 'retryPrompt', message: '{{top}}: "top" is never set: declare it, or set it in an earlier node' },
      { field: 'max', message: 'the largest allowed number is smaller than the smallest' },
    ]);
  });
});
