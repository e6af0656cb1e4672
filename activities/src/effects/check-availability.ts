import type { VarValue } from '@botflow/graph';
import { findConflicts } from './calendar.ts';
import { described, httpUrl, send, statusFailure, type OutboundPolicy } from './http.ts';
import { invalidInput, number, text, timeoutSeconds, type EffectInput } from './input.ts';

/** Calendars with years of history run to a few megabytes; beyond this one is not read. */
const MAX_CALENDAR_BYTES = 10 * 1024 * 1024;

/** The check_availability node's lookup: `{available, conflicts: [{start, end, summary}]}` for the slot asked. */
export function createCheckAvailability(policy: OutboundPolicy) {
  return async function checkAvailability(input: EffectInput): Promise<VarValue> {
    const url = httpUrl(text(input, 'calendarUrl'));
    const start = text(input, 'start');
    const durationMinutes = number(input, 'durationMinutes', 1, 1440);
    const seconds = timeoutSeconds(input);

    const answer = await send(
      policy,
      url,
      { headers: { accept: 'text/calendar' } },
      { timeoutSeconds: seconds, maxBytes: MAX_CALENDAR_BYTES },
    );
    if (!answer.ok) throw statusFailure(`the calendar at ${described(url)}`, answer.status, '');
    if (answer.truncated) throw invalidInput(`the calendar at ${described(url)} is larger than 10 MB`);
    const conflicts = findConflicts(answer.text, start, durationMinutes);
    return { available: conflicts.length === 0, conflicts: conflicts.map((c) => ({ ...c })) };
  };
}
