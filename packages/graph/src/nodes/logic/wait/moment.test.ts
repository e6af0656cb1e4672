import { describe, expect, it } from 'vitest';
import { isTimeZone, nextMoment } from './moment.ts';

const at = (iso: string) => Date.parse(iso);

describe('nextMoment', () => {
  const now = at('2026-01-05T09:00:00Z');

  it('reads ISO date-times with a zone as written', () => {
    expect(nextMoment('2026-01-06T10:30:00Z', now, 'UTC')).toBe(at('2026-01-06T10:30:00Z'));
    expect(nextMoment('2026-01-06T10:30+02:00', now, 'UTC')).toBe(at('2026-01-06T08:30:00Z'));
    expect(nextMoment('2026-01-06T10:30:00.000-0500', now, 'UTC')).toBe(at('2026-01-06T15:30:00Z'));
  });

  it('reads date-times and dates without a zone in the given time zone', () => {
    expect(nextMoment('2026-01-06T10:30', now, 'Africa/Johannesburg')).toBe(at('2026-01-06T08:30:00Z'));
    expect(nextMoment('2026-07-01 08:00', now, 'Europe/London')).toBe(at('2026-07-01T07:00:00Z'));
    expect(nextMoment('2026-01-10', now, 'America/New_York')).toBe(at('2026-01-10T05:00:00Z'));
  });

  it('takes a time of day as the next such time in the zone', () => {
    expect(nextMoment('18:30', now, 'UTC')).toBe(at('2026-01-05T18:30:00Z'));
    expect(nextMoment('08:00', now, 'UTC')).toBe(at('2026-01-06T08:00:00Z'));
    expect(nextMoment('9:00', now, 'UTC')).toBe(at('2026-01-06T09:00:00Z'));
    // 09:00 UTC is 11:00 in Johannesburg: 10:00 there has passed, 12:00 has not.
    expect(nextMoment('10:00', now, 'Africa/Johannesburg')).toBe(at('2026-01-06T08:00:00Z'));
    expect(nextMoment('12:00', now, 'Africa/Johannesburg')).toBe(at('2026-01-05T10:00:00Z'));
  });

  it('crosses a daylight-saving change at the right local time', () => {
    const beforeSpringForward = at('2026-03-28T12:00:00Z');
    expect(nextMoment('09:00', beforeSpringForward, 'Europe/Berlin')).toBe(at('2026-03-29T07:00:00Z'));
    expect(nextMoment('2026-03-29T02:30', beforeSpringForward, 'Europe/Berlin')).toBe(at('2026-03-29T01:30:00Z'));
  });

  it('refuses what is not a moment', () => {
    for (const text of ['tomorrow', '25:00', '12:60', '2026-02-30', '2026-01-06T24:00', '', '1700000000']) {
      expect(nextMoment(text, now, 'UTC'), text).toBeNull();
    }
  });

  it('knows time zones', () => {
    expect(isTimeZone('Africa/Johannesburg')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
