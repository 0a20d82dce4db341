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
