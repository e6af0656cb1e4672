import { casual, GB } from 'chrono-node/en';

export interface DateReading {
  mode: 'date' | 'datetime';
  timezone: string;
  dayFirst: boolean;
  notBefore?: 'now';
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** Minutes ahead of UTC in the time zone at that moment (daylight saving included), from the built-in Intl data. */
export function offsetMinutes(timeZone: string, at: number): number {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormats.set(timeZone, format);
  }
  const name = format.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? '';
  const match = /([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/** `2026-03-05T14:00:00+02:00`: the wall-clock time in the zone, with its offset. */
export function localIso(at: number, offset: number): string {
  const wall = new Date(at + offset * 60_000).toISOString().slice(0, 19);
  if (offset === 0) return `${wall}Z`;
  const abs = Math.abs(offset);
  const hhmm = `${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${wall}${offset < 0 ? '-' : '+'}${hhmm}`;
}

/**
 * Reads a date written naturally ("tomorrow at 3pm", "5 March", "2026-03-05 14:00") with chrono, relative to `now`
 * (workflow time, never the real clock). The time zone is applied as chrono's reference offset — the zone's UTC
 * offset at `now`, or at the moment read when a daylight-saving change lies between. Returns `YYYY-MM-DD` (date) or
 * the local ISO time with offset (datetime, which needs an hour), or null.
 */
export function parseDate(text: string, now: number, reading: DateReading): string | null {
  const parser = reading.dayFirst ? GB : casual;
  const read = (offset: number) =>
    parser.parse(text, { instant: new Date(now), timezone: offset }, { forwardDate: reading.notBefore === 'now' })[0];
  const offsetNow = offsetMinutes(reading.timezone, now);
  let result = read(offsetNow);
  if (result && offsetMinutes(reading.timezone, result.date().getTime()) !== offsetNow) {
    result = read(offsetMinutes(reading.timezone, result.date().getTime()));
  }
  if (!result) return null;
  if (reading.mode === 'datetime') {
    const at = result.date().getTime();
    if (!result.start.isCertain('hour')) return null;
    if (reading.notBefore === 'now' && at < now) return null;
    return localIso(at, offsetMinutes(reading.timezone, at));
  }
  const day = [result.start.get('year'), result.start.get('month'), result.start.get('day')]
    .map((n, i) => String(n).padStart(i === 0 ? 4 : 2, '0'))
    .join('-');
  if (reading.notBefore === 'now' && day < localIso(now, offsetNow).slice(0, 10)) return null;
  return day;
}
