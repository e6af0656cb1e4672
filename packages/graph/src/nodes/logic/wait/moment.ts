/**
 * Reads the moment a wait node waits until: an ISO date or date-time (with Z or an offset, or else local to the time
 * zone), or a time of day "HH:MM" meaning the next such time after now. Pure: only Intl with an explicit time zone,
 * no clock, so it runs deterministically inside the workflow.
 */
export function nextMoment(text: string, now: number, timeZone: string): number | null {
  const value = text.trim();
  const clock = /^(\d{1,2}):(\d{2})$/.exec(value);
  if (clock) return nextTimeOfDay(Number(clock[1]), Number(clock[2]), now, timeZone);
  return dateTime(value, timeZone);
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

function dateTime(value: string, timeZone: string): number | null {
  const m = ISO.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map((part) => Number(part ?? 0)) as LocalTime;
  if (!validLocalTime([year, month, day, hour, minute, second])) return null;
  const zone = m[7];
  if (zone === undefined) return localToEpoch([year, month, day, hour, minute, second], timeZone);
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  if (zone.toUpperCase() === 'Z') return utc;
  const digits = zone.replace(':', '');
  const offsetMinutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
  return utc - (digits.startsWith('-') ? -1 : 1) * offsetMinutes * 60_000;
}

function nextTimeOfDay(hour: number, minute: number, now: number, timeZone: string): number | null {
  if (hour > 23 || minute > 59) return null;
  const [year, month, day] = localTime(now, timeZone);
  const today = localToEpoch([year, month, day, hour, minute, 0], timeZone);
  if (today > now) return today;
  const tomorrow = new Date(Date.UTC(year, month - 1, day + 1));
  const next: LocalTime = [
    tomorrow.getUTCFullYear(),
    tomorrow.getUTCMonth() + 1,
    tomorrow.getUTCDate(),
    hour,
    minute,
    0,
  ];
  return localToEpoch(next, timeZone);
}

/** year, month (1–12), day, hour, minute, second */
type LocalTime = [number, number, number, number, number, number];

function validLocalTime([year, month, day, hour, minute, second]: LocalTime): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  const sameDay = d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
  return sameDay && hour <= 23 && minute <= 59 && second <= 59;
}

/** The instant a wall-clock time in the zone names; a time skipped by a DST change moves forward by the gap. */
function localToEpoch([year, month, day, hour, minute, second]: LocalTime, timeZone: string): number {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const guess = asUtc - offset(asUtc, timeZone);
  return asUtc - offset(guess, timeZone);
}

/** How far the zone's wall clock is ahead of UTC at an instant, in ms. */
function offset(epoch: number, timeZone: string): number {
  const [year, month, day, hour, minute, second] = localTime(epoch, timeZone);
  return Date.UTC(year, month - 1, day, hour, minute, second) - Math.floor(epoch / 1000) * 1000;
}

function localTime(epoch: number, timeZone: string): LocalTime {
  const parts = formatter(timeZone).formatToParts(epoch);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return [part('year'), part('month'), part('day'), part('hour'), part('minute'), part('second')];
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
