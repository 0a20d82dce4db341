import { describe, expect, it } from "vitest";
import { demoClock } from "./demo-clock";

describe("demoClock", () => {
  const run = new Date("2026-12-08T03:30:00.000Z");
  const clock = demoClock(run);

  it("dates story events at the hour given, in UTC", () => {
    expect(clock.on("2026-03-29").now?.toISOString()).toBe("2026-03-29T10:00:00.000Z");
    expect(clock.on("2025-12-07", 15).now?.toISOString()).toBe("2025-12-07T15:00:00.000Z");
    expect(clock.today).toBe("2026-12-08");
  });

  it("counts days back from the run date", () => {
    expect(clock.daysAgo(12, 9).now?.toISOString()).toBe("2026-11-26T09:00:00.000Z");
    // Across a year end.
    expect(demoClock(new Date("2027-01-03T12:00:00Z")).daysAgo(5).now?.toISOString()).toBe("2026-12-29T10:00:00.000Z");
  });

  it("never dates anything after the run", () => {
    // Today at 10:00 is still ahead of a 03:30 run; a story date not reached yet happens now.
    expect(clock.daysAgo(0).now).toEqual(run);
    expect(clock.on("2027-05-01").now).toEqual(run);
  });

  it("is a function of the run instant", () => {
    const again = demoClock(new Date(run));
    expect(again.on("2026-07-20").now).toEqual(clock.on("2026-07-20").now);
    expect(again.daysAgo(9, 15).now).toEqual(clock.daysAgo(9, 15).now);
  });
});
