/**
 * RFC 3339 timestamps (`google.protobuf.Timestamp` in JSON). Input: 0–9 fraction digits,
 * `Z` or a numeric offset. Output: UTC with exactly 3 fraction digits.
 */

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/;
const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const MIN = -62135596800000; // 0001-01-01T00:00:00Z
const MAX = 253402300799999; // 9999-12-31T23:59:59.999Z

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Milliseconds since the epoch, or undefined when not a valid RFC 3339 timestamp. */
export function parseTimestampMs(s: string): number | undefined {
  const m = RFC3339.exec(s);
  if (m === null) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = Number(m[6]);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const frac = m[7];
  const ms = frac === undefined ? 0 : Math.floor(Number(`${frac}00`.slice(0, 3)));
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, ms);
  let t = d.getTime();
  const zone = m[8] as string;
  if (zone !== "Z") {
    const oh = Number(zone.slice(1, 3));
    const om = Number(zone.slice(4, 6));
    if (oh > 23 || om > 59) return undefined;
    const offset = (oh * 60 + om) * 60000;
    t = zone.charCodeAt(0) === 43 /* + */ ? t - offset : t + offset;
  }
  if (t < MIN || t > MAX) return undefined;
  return t;
}

/** Canonical form (UTC, 3 fraction digits), or undefined when invalid. */
export function normalizeTimestamp(s: string): string | undefined {
  if (CANONICAL.test(s)) {
    // fast path: still check the calendar fields
    const t = parseTimestampMs(s);
    return t === undefined ? undefined : s;
  }
  const t = parseTimestampMs(s);
  return t === undefined ? undefined : formatTimestamp(t);
}

/** Formats epoch milliseconds as a canonical timestamp. */
export function formatTimestamp(ms: number): string {
  return new Date(ms).toISOString();
}
