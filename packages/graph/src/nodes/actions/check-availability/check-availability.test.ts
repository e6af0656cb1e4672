import { describe, expect, it } from 'vitest';
import { checkContextOf, definitionOf, said, saying, TestConversation } from '../../../testing.ts';
import type { VarValue, VariableDecl } from '../../../variables.ts';
import { checkAvailability } from './index.ts';

const variables: VariableDecl[] = [
  { name: 'booking_time', scope: 'conversation', type: 'string' },
  { name: 'date', scope: 'conversation', type: 'string' },
];
const base = { calendarUrl: 'https://calendar.example.com/salon.ics', start: 'booking_time' };

function conversation(options: Record<string, unknown>, vars: Record<string, VarValue> = {}) {
  const definition = definitionOf(
    {
      slot: {
        type: 'check_availability',
        options: checkAvailability.options.parse(options),
        next: { available: 'free', busy: 'taken', error: 'oops' },
      },
      free: saying('free'),
      taken: saying('taken'),
      oops: saying('failed'),
    },
    'slot',
    { variables },
  );
  return new TestConversation(definition, undefined, vars);
}

describe('check_availability', () => {
  it('fills in defaults and rejects slots longer than a day', () => {
    expect(checkAvailability.options.parse(base)).toMatchObject({ durationMinutes: 30, timeoutSeconds: 10 });
    const long = checkAvailability.options.safeParse({ ...base, durationMinutes: 2000 });
    expect(long.error?.issues[0]?.message).toBe('a slot lasts at most a day (1440 minutes)');
  });

  it('reads the start from a variable or a template', () => {
    const fromVariable = conversation(base, { booking_time: '2026-01-06T14:30' }).say('hi');
    expect(fromVariable.effect).toMatchObject({
      type: 'check_availability',
      input: {
        calendarUrl: 'https://calendar.example.com/salon.ics',
        start: '2026-01-06T14:30',
        durationMinutes: 30,
        timeoutSeconds: 10,
      },
    });
    const fromTemplate = conversation({ ...base, start: '{{date}}T09:00:00+02:00' }, { date: '2026-01-07' }).say('hi');
    expect(fromTemplate.effect?.input['start']).toBe('2026-01-07T09:00:00+02:00');
  });

  it('leaves through error without calling when the start is not a date and time', () => {
    const c = conversation(base, { booking_time: 'tomorrow at 3' });
    const result = c.say('hi');
    expect(result.effect).toBeNull();
    expect(said(result)).toEqual(['failed']);
    expect(c.state.lastError?.message).toBe('"tomorrow at 3" is not a date and time such as 2026-01-05T14:30');
  });

  it('leaves through available or busy, saving the clashes', () => {
    const free = conversation(base, { booking_time: '2026-01-06T14:30' });
    free.say('hi');
    expect(said(free.complete({ ok: true, value: { available: true, conflicts: [] } }))).toEqual(['free']);

    const taken = conversation({ ...base, conflictsVariable: 'clashes' }, { booking_time: '2026-01-06T14:30' });
    taken.say('hi');
    const conflicts = [{ start: '2026-01-06T14:00:00.000Z', end: '2026-01-06T15:00:00.000Z', summary: 'Cut' }];
    expect(said(taken.complete({ ok: true, value: { available: false, conflicts } }))).toEqual(['taken']);
    expect(taken.state.vars['clashes']).toEqual(conflicts);
  });

  it('leaves through error when the calendar could not be read', () => {
    const c = conversation(base, { booking_time: '2026-01-06T14:30' });
    c.say('hi');
    expect(said(c.complete({ ok: false, error: 'calendar answered 404' }))).toEqual(['failed']);
  });

  it('checks the start variable, the templates and where clashes are saved', () => {
    const ctx = checkContextOf(definitionOf({}, 'x', { variables }));
    const check = (o: Record<string, unknown>) => checkAvailability.check?.(checkAvailability.options.parse(o), ctx);
    expect(check({ ...base, conflictsVariable: 'contact.clashes' })).toEqual([]);
    expect(check({ ...base, start: 'slot_time' })).toEqual([
      { field: 'start', message: '"slot_time" is never set: declare it, or set it in an earlier node' },
    ]);
    expect(check({ ...base, start: '{{day}}T10:00' })).toEqual([
      { field: 'start', message: '{{day}}: "day" is never set: declare it, or set it in an earlier node' },
    ]);
  });

  it('has the ports available, busy and error', () => {
    const o = checkAvailability.options.parse(base);
    expect(checkAvailability.ports(o).map((p) => p.id)).toEqual(['available', 'busy', 'error']);
    expect(checkAvailability.writes?.({ ...o, conflictsVariable: 'clashes' })).toEqual([
      { path: 'clashes', type: 'json' },
    ]);
  });
});
