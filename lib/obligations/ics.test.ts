import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { calendarDocument, foldLine } from "./ics";
import type { ObligationView } from "./present";

const view = (id: string, dueDate: string): ObligationView => ({
  id,
  kind: "STATEMENT",
  dueDate,
  status: "UPCOMING",
  side: "OWED_BY_US",
  deal: null,
  title: null,
  amount: null,
  outstanding: null,
  href: "/deals/x",
});

describe("iCalendar document", () => {
  it("folds long lines at 75 octets without splitting a character, and escapes text", () => {
    const line = `SUMMARY:${"天衍仙途".repeat(20)}`;
    const folded = foldLine(line);
    for (const part of folded.split("\r\n")) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
    expect(
      folded
        .split("\r\n")
        .map((p, i) => (i === 0 ? p : p.slice(1)))
        .join(""),
    ).toBe(line);

    const text = calendarDocument({
      name: "Rightsbridge — Jade, Inc; \\ test",
      events: [
        { obligation: view("STATEMENT.d.2027-12-01", "2027-12-31"), summary: "a, b; c\nd \\ e", description: "x", url: "http://h/x" },
      ],
      now: new Date("2027-01-02T03:04:05Z"),
      domain: "rb.test",
    });
    expect(text.endsWith("\r\n")).toBe(true);
    const cal = new ICAL.Component(ICAL.parse(text));
    expect(text).toContain("X-WR-CALNAME:Rightsbridge — Jade\\, Inc\\; \\\\ test\r\n");
    const event = new ICAL.Event(cal.getFirstSubcomponent("vevent")!);
    expect(event.summary).toBe("a, b; c\nd \\ e");
    expect(event.uid).toBe("STATEMENT.d.2027-12-01@rb.test");
    // An all-day event on the last day of the year ends on the first day of the next.
    expect([event.startDate.isDate, event.startDate.toString(), event.endDate.toString()]).toEqual([true, "2027-12-31", "2028-01-01"]);
  });
});
