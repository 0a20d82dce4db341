/**
 * Calendar dates as "YYYY-MM-DD" and as day numbers (days since 1970-01-01), timezone-free: a
 * window is a pair of calendar dates, an instant is a UTC timestamp; nothing here reads the
 * machine's time zone.
 */
export function dayNumber(date: string): number {
  const [y, m, d] = date.split("-").map(Number);
  return Math.round(Date.UTC(y!, m! - 1, d!) / 86_400_000);
}

export function fromDayNumber(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

/** A Prisma @db.Date value (midnight UTC) as "YYYY-MM-DD". */
export function dateOnly(value: Date): string {
  return value.toISOString().slice(0, 10);
}

/** Today's calendar date in UTC. */
export function todayUtc(): string {
  return dateOnly(new Date());
}

export function toDbDate(date: string): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

export const PERPETUAL = Number.MAX_SAFE_INTEGER;

/**
 * When a command records its event as happening (signedAt, disbursedAt, a ledger entry's time…).
 * Callers that replay a history — the demo seed — pass `now`; everyone else gets the real time.
 * Checks that protect people (a new member's cooling period, token expiry) and the audit log's own
 * timestamps always read the real clock: a clock dates the business event, it grants nothing.
 */
export type Clock = { now?: Date };

export function clockNow(clock: Clock | undefined): Date {
  return clock?.now ?? new Date();
}

/**
 * The calendar date and hour of an instant on the wall clock of an IANA time zone (the
 * organisation's day, for due dates and the 09:00 reminders). Throws on an unknown zone.
 */
export function wallClockIn(instant: Date, timeZone: string): { date: string; hour: number } {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    hourCycle: "h23",
  }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return { date: `${part("year")}-${part("month")}-${part("day")}`, hour: Number(part("hour")) };
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return timeZone.length > 0;
  } catch {
    return false;
  }
}
