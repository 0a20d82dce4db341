import { addDays, type Clock, dateOnly } from "@/lib/dates";

/**
 * The demo story's clock (issue 17 point 11): the demo records happened over the past year, not
 * all on the day the seed ran. Finished business happens on the dates of the story (the demo year
 * of statements and receipts, lib/statements/seed.ts); work still waiting for someone happens a few
 * days before the run. Both are pure functions of the run instant, so two runs on the same day
 * write the same dates, and no date is ever after the run (a story date not reached yet is "now").
 */
export type DemoClock = {
  /** `date` (YYYY-MM-DD) at `hour`:00 UTC, or the run instant if that is earlier. */
  on(date: string, hour?: number): Clock;
  /** `days` before the run date at `hour`:00 UTC, or the run instant if that is earlier. */
  daysAgo(days: number, hour?: number): Clock;
  /** The run date (UTC). */
  today: string;
};

export function demoClock(runAt: Date = new Date()): DemoClock {
  const today = dateOnly(runAt);
  const on = (date: string, hour = 10): Clock => {
    const instant = new Date(`${date}T${String(hour).padStart(2, "0")}:00:00.000Z`);
    return { now: instant.getTime() < runAt.getTime() ? instant : runAt };
  };
  return { on, daysAgo: (days, hour = 10) => on(addDays(today, -days), hour), today };
}
