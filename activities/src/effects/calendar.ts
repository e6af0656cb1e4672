import ICAL from 'ical.js';
import { invalidInput } from './input.ts';

export interface Conflict {
  start: string;
  end: string;
  summary: string;
}

/** ical.js types this with an extensionless import that NodeNext cannot resolve, hence its shape here. */
interface Occurrence {
  item: ICAL.Event;
  startDate: ICAL.Time;
  endDate: ICAL.Time;
}

/** A rule repeating every minute for years must not stall the worker: occurrences beyond this are not looked at. */
const MAX_OCCURRENCES_PER_EVENT = 20_000;

const START = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * The events of an iCal calendar that overlap the slot from `start` for `durationMinutes`: single events, repeating
 * ones (RRULE, RDATE, EXDATE) and changed or cancelled occurrences (RECURRENCE-ID). Cancelled and "free"
 * (TRANSP:TRANSPARENT) events do not block the slot. Times without a zone — the start, floating events, all-day
 * events — are read in the calendar's zone (X-WR-TIMEZONE, or its only VTIMEZONE), else in UTC.
 */
export function findConflicts(ics: string, start: string, durationMinutes: number): Conflict[] {
  const calendar = parseCalendar(ics);
  const zone = calendarZone(calendar);
  const from = startInstant(start, zone);
  const to = from + durationMinutes * 60_000;
  const conflicts: Conflict[] = [];
  const check = (event: ICAL.Event, startTime: ICAL.Time, endTime: ICAL.Time) => {
    const [s, e] = [instant(startTime, zone), instant(endTime, zone)];
    if (s < to && e > from) conflicts.push({ start: iso(s), end: iso(e), summary: event.summary ?? '' });
  };

  const components = calendar.getAllSubcomponents('vevent');
  const exceptions = exceptionsByUid(components);
  for (const component of components) {
    if (!blocksTime(component)) continue;
    if (component.hasProperty('recurrence-id')) {
      const changed = new ICAL.Event(component);
      check(changed, changed.startDate, changed.endDate);
      continue;
    }
    const event = new ICAL.Event(component, { exceptions: exceptions.get(uidOf(component)) ?? [] });
    if (!event.isRecurring()) {
      check(event, event.startDate, event.endDate);
      continue;
    }
    const occurrences = event.iterator();
    for (let i = 0; i < MAX_OCCURRENCES_PER_EVENT; i++) {
      const next = occurrences.next() as ICAL.Time | null;
      if (!next || instant(next, zone) >= to) break;
      const details = event.getOccurrenceDetails(next) as Occurrence;
      // A changed or cancelled occurrence is its own VEVENT, checked on its own.
      if (details.item === event) check(event, details.startDate, details.endDate);
    }
  }
  return conflicts.sort((a, b) => a.start.localeCompare(b.start));
}

function parseCalendar(ics: string): ICAL.Component {
  let calendar: ICAL.Component;
  try {
    calendar = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  } catch {
    throw invalidInput('the calendar address does not give an iCal (.ics) calendar');
  }
  if (calendar.name !== 'vcalendar') throw invalidInput('the calendar address does not give an iCal (.ics) calendar');
  return calendar;
}

function calendarZone(calendar: ICAL.Component): ICAL.Timezone {
  const named = calendar.getFirstPropertyValue('x-wr-timezone');
  const zones = calendar.getAllSubcomponents('vtimezone');
  const tzid = typeof named === 'string' ? named : zones.length === 1 ? zones[0]?.getFirstPropertyValue('tzid') : null;
  return (typeof tzid === 'string' && calendar.getTimeZoneByID(tzid)) || ICAL.Timezone.utcTimezone;
}

function startInstant(start: string, zone: ICAL.Timezone): number {
  const m = START.exec(start);
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(m?.[i] ?? 0)) as Six;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (!m || month < 1 || month > 12 || day < 1 || day > lastDay || hour > 23 || minute > 59 || second > 59) {
    throw invalidInput(`"${start}" is not a date and time such as 2026-01-05T14:30`);
  }
  const offset = m[7];
  if (offset === undefined)
    return ICAL.Time.fromData({ year, month, day, hour, minute, second }, zone).toUnixTime() * 1000;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  if (offset === 'Z') return utc;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  return utc - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
}

type Six = [number, number, number, number, number, number];

/** Epoch ms of an iCal time; a floating one (no zone, or a date) is read in the calendar's zone. */
function instant(time: ICAL.Time, zone: ICAL.Timezone): number {
  if (time.zone && time.zone.tzid !== 'floating') return time.toUnixTime() * 1000;
  const { year, month, day, hour, minute, second } = time;
  return ICAL.Time.fromData({ year, month, day, hour, minute, second }, zone).toUnixTime() * 1000;
}

function blocksTime(component: ICAL.Component): boolean {
  const status = component.getFirstPropertyValue('status');
  const transparency = component.getFirstPropertyValue('transp');
  return status !== 'CANCELLED' && transparency !== 'TRANSPARENT';
}

function exceptionsByUid(components: ICAL.Component[]): Map<string, ICAL.Component[]> {
  const byUid = new Map<string, ICAL.Component[]>();
  for (const c of components) {
    if (!c.hasProperty('recurrence-id')) continue;
    byUid.set(uidOf(c), [...(byUid.get(uidOf(c)) ?? []), c]);
  }
  return byUid;
}

function uidOf(component: ICAL.Component): string {
  return String(component.getFirstPropertyValue('uid') ?? '');
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
