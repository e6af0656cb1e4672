import { describe, expect, it } from 'vitest';
import { checkContextWith, flowOf, said, TestConversation } from '../../../testing.ts';
import { askDate } from './index.ts';
import { localIso, offsetMinutes } from './parse-date.ts';

const options = (extra: Record<string, unknown> = {}) =>
  askDate.options.parse({ prompt: 'Which day?', variable: 'day', ...extra });

/** The conversation's clock is Monday 5 January 2026, 09:00 UTC unless `now` says otherwise. */
function answer(text: string, extra: Record<string, unknown> = {}, now?: number) {
  const c = new TestConversation(flowOf('ask_date', options(extra)));
  if (now !== undefined) c.now = now;
  c.say('hi');
  return { said: said(c.say(text)), day: c.state.vars.day };
}

describe('ask_date', () => {
  it('applies defaults and rejects unknown time zones', () => {
    expect(options()).toMatchObject({ mode: 'date', timezone: 'UTC', dayFirst: true, maxAttempts: 3 });
    expect(
      askDate.options.safeParse({ prompt: 'x', variable: 'd', timezone: 'Mars/Olympus' }).error?.issues[0]?.message,
    ).toMatch(/not a time zone name/);
    expect(askDate.options.safeParse({ prompt: 'x', variable: 'd', notBefore: 'tomorrow' }).success).toBe(false);
  });

  it('reads natural dates relative to the conversation clock', () => {
    expect(answer('5 March')).toEqual({ said: ['left by next'], day: '2026-03-05' });
    expect(answer('tomorrow at 3pm').day).toBe('2026-01-06');
    expect(answer('I can come on friday').day).toBe('2026-01-02'); // the nearest Friday
    expect(answer('2026-03-05 14:00').day).toBe('2026-03-05');
  });

  it('reads 5/3 day first unless told otherwise', () => {
    expect(answer('5/3').day).toBe('2026-03-05');
    expect(answer('5/3', { dayFirst: false }).day).toBe('2026-05-03');
  });

  it('saves date and time with the offset of the time zone, daylight saving included', () => {
    const tz = { mode: 'datetime', timezone: 'Africa/Johannesburg' };
    expect(answer('tomorrow at 3pm', tz).day).toBe('2026-01-06T15:00:00+02:00');
    expect(answer('2026-03-05 14:00', { mode: 'datetime' }).day).toBe('2026-03-05T14:00:00Z');
    expect(answer('5 April at 10am', { mode: 'datetime', timezone: 'Europe/London' }).day).toBe(
      '2026-04-05T10:00:00+01:00',
    );
    expect(answer('in 2 hours', tz).day).toBe('2026-01-05T13:00:00+02:00');
  });

  it('needs a time in datetime mode', () => {
    expect(answer('5 March', { mode: 'datetime' })).toEqual({
      said: ['Sorry, I could not read that. Please write a date and a time, e.g. tomorrow at 3pm or 5 March 14:00.'],
      day: undefined,
    });
  });

  it("takes today in the customer's time zone, not UTC's", () => {
    const lateEvening = Date.UTC(2026, 0, 5, 23, 30);
    expect(answer('today', {}, lateEvening).day).toBe('2026-01-05');
    expect(answer('today', { timezone: 'Africa/Johannesburg' }, lateEvening).day).toBe('2026-01-06');
  });

  it('rejects past dates with notBefore now, and reads weekdays forward', () => {
    const future = { notBefore: 'now' };
    expect(answer('today', future).day).toBe('2026-01-05');
    expect(answer('2 January', future).day).toBe('2027-01-02');
    expect(answer('on friday', future).day).toBe('2026-01-09');
    expect(answer('2025-12-01', future)).toEqual({
      said: ['Please write a date that is not in the past, e.g. 5 March or tomorrow.'],
      day: undefined,
    });
    expect(answer('today at 8am', { ...future, mode: 'datetime' }).day).toBeUndefined();
    expect(answer('today at 10am', { ...future, mode: 'datetime' }).day).toBe('2026-01-05T10:00:00Z');
  });

  it('asks again when there is no date at all', () => {
    expect(answer('whenever').said).toEqual([
      'Sorry, I could not read that. Please write a date, e.g. 5 March or tomorrow.',
    ]);
  });

  it('writes a string variable', () => {
    expect(askDate.writes?.(options())).toEqual([{ path: 'day', type: 'string' }]);
    expect(askDate.check?.(options(), checkContextWith())).toEqual([]);
  });
});

describe('time zone offsets', () => {
  it('follow daylight saving', () => {
    expect(offsetMinutes('Europe/London', Date.UTC(2026, 0, 5))).toBe(0);
    expect(offsetMinutes('Europe/London', Date.UTC(2026, 6, 5))).toBe(60);
    expect(offsetMinutes('America/St_Johns', Date.UTC(2026, 0, 5))).toBe(-210);
    expect(localIso(Date.UTC(2026, 0, 5, 12), -210)).toBe('2026-01-05T08:30:00-03:30');
  });
});
