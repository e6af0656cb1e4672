import { readFileSync } from 'node:fs';
import { ApplicationFailure } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCheckAvailability } from './check-availability.ts';
import { localServers, startRecordingServer, type RecordingServer } from './test-server.ts';

const checkAvailability = createCheckAvailability(localServers);
const fixture = readFileSync(new URL('./calendar.fixture.ics', import.meta.url), 'utf8');

let server: RecordingServer;
beforeAll(async () => {
  server = await startRecordingServer((req, res) => {
    if (req.url === '/salon.ics') res.writeHead(200, { 'content-type': 'text/calendar' }).end(fixture);
    else if (req.url === '/page.html') res.writeHead(200, { 'content-type': 'text/html' }).end('<html></html>');
    else if (req.url === '/down.ics') res.writeHead(503).end();
    else res.writeHead(404).end();
  });
});
afterAll(() => server.close());

function check(start: string, durationMinutes = 30, path = '/salon.ics') {
  return checkAvailability({ calendarUrl: `${server.url}${path}`, start, durationMinutes, timeoutSeconds: 5 });
}

const meeting = (day: string) => ({
  start: `${day}T07:00:00.000Z`,
  end: `${day}T08:00:00.000Z`,
  summary: 'Staff meeting',
});

describe('checkAvailability', () => {
  it('finds a repeating event, reading a start without zone in the calendar’s zone', async () => {
    expect(await check('2026-01-05T09:30')).toEqual({ available: false, conflicts: [meeting('2026-01-05')] });
    expect(await check('2026-02-02T09:00')).toEqual({ available: false, conflicts: [meeting('2026-02-02')] });
    expect(await check('2026-01-05T10:00', 60)).toEqual({ available: true, conflicts: [] });
  });

  it('leaves out excluded and cancelled occurrences, and finds moved ones where they went', async () => {
    expect(await check('2026-01-12T09:00')).toMatchObject({ available: true });
    expect(await check('2026-01-26T09:00')).toMatchObject({ available: true });
    expect(await check('2026-01-19T14:15')).toEqual({
      available: false,
      conflicts: [
        { start: '2026-01-19T12:00:00.000Z', end: '2026-01-19T13:00:00.000Z', summary: 'Staff meeting (moved)' },
      ],
    });
  });

  it('does not apply one event’s changes to another with the same time', async () => {
    expect(await check('2026-01-19T09:00')).toEqual({
      available: false,
      conflicts: [{ start: '2026-01-19T07:00:00.000Z', end: '2026-01-19T08:00:00.000Z', summary: 'Yoga' }],
    });
  });

  it('honours explicit offsets, free and cancelled events, and all-day events', async () => {
    expect(await check('2026-01-06T13:30:00+02:00')).toMatchObject({
      available: false,
      conflicts: [{ summary: 'Haircut - Sam' }],
    });
    expect(await check('2026-01-06T10:00:00Z', 60)).toMatchObject({ available: true });
    expect(await check('2026-01-06T15:00')).toMatchObject({ available: true });
    expect(await check('2026-01-07T08:00')).toEqual({
      available: false,
      conflicts: [{ start: '2026-01-06T22:00:00.000Z', end: '2026-01-07T22:00:00.000Z', summary: 'Closed' }],
    });
  });

  it('lists every clash over a long slot, in order', async () => {
    const day = await check('2026-01-06T06:00', 1440);
    expect(day).toMatchObject({ available: false });
    expect((day as { conflicts: { summary: string }[] }).conflicts.map((c) => c.summary)).toEqual([
      'Haircut - Sam',
      'Closed',
    ]);
  });

  it('fails for good on a missing calendar, a page that is not a calendar, or a start that is not a date', async () => {
    for (const failure of [
      await check('2026-01-05T09:00', 30, '/missing.ics').catch((e: unknown) => e),
      await check('2026-01-05T09:00', 30, '/page.html').catch((e: unknown) => e),
      await check('2026-02-30T09:00').catch((e: unknown) => e),
    ]) {
      expect(failure).toBeInstanceOf(ApplicationFailure);
      expect(failure).toMatchObject({ nonRetryable: true });
    }
  });

  it('refuses for good a calendar at a cloud metadata address', async () => {
    for (const calendarUrl of ['http://metadata.google.internal/cal.ics', 'http://169.254.169.254/cal.ics']) {
      const failure = await checkAvailability({
        calendarUrl,
        start: '2026-01-05T09:00',
        durationMinutes: 30,
        timeoutSeconds: 5,
      }).catch((e: unknown) => e);
      expect(failure, calendarUrl).toBeInstanceOf(ApplicationFailure);
      expect(failure).toMatchObject({ nonRetryable: true, type: 'BlockedDestination' });
      expect((failure as Error).message).toMatch(/metadata.*; only public internet addresses can be fetched$/);
    }
  });

  it('fails so as to be retried when the calendar server is down', async () => {
    const failure = await check('2026-01-05T09:00', 30, '/down.ics').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(Error);
    expect(failure).not.toBeInstanceOf(ApplicationFailure);
  });
});
