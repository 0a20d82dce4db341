import { describe, expect, it } from "vitest";
import { OBLIGATION_KINDS } from "@/lib/obligations/schema";
import {
  calendarHref,
  groupByDate,
  KIND_COLOURS,
  monthGrid,
  monthRange,
  obligationQueryOf,
  parseCalendarParams,
  shiftMonth,
} from "./calendar-model";

const TODAY = "2026-12-08";

describe("parseCalendarParams", () => {
  it("opens the month of today without params", () => {
    expect(parseCalendarParams({}, TODAY)).toEqual({ view: "month", month: "2026-12", kind: null, side: null, status: null });
  });

  it("opens the agenda of every matching obligation for a status without a month (dashboard links)", () => {
    expect(parseCalendarParams({ status: "OVERDUE" }, TODAY)).toEqual({
      view: "agenda",
      month: null,
      kind: null,
      side: null,
      status: "OVERDUE",
    });
  });

  it("keeps a month and filters from the URL, and ignores unknown values", () => {
    expect(parseCalendarParams({ view: "month", month: "2027-02", kind: "STATEMENT", side: "OWED_TO_US", status: "DUE" }, TODAY)).toEqual({
      view: "month",
      month: "2027-02",
      kind: "STATEMENT",
      side: "OWED_TO_US",
      status: "DUE",
    });
    expect(parseCalendarParams({ view: "year", month: "2027-13", kind: "NOPE", side: ["OWED_TO_US"], status: "done" }, TODAY)).toEqual({
      view: "month",
      month: "2026-12",
      kind: null,
      side: null,
      status: null,
    });
  });

  it("shows the agenda of a month when asked, else every date", () => {
    expect(parseCalendarParams({ view: "agenda", month: "2027-01" }, TODAY).month).toBe("2027-01");
    expect(parseCalendarParams({ view: "agenda" }, TODAY).month).toBeNull();
  });
});

describe("months", () => {
  it.each([
    ["2026-12", { from: "2026-12-01", to: "2026-12-31" }],
    ["2027-02", { from: "2027-02-01", to: "2027-02-28" }],
    ["2028-02", { from: "2028-02-01", to: "2028-02-29" }],
    ["2026-04", { from: "2026-04-01", to: "2026-04-30" }],
  ])("%s spans %o", (month, range) => expect(monthRange(month)).toEqual(range));

  it.each([
    ["2026-12", 1, "2027-01"],
    ["2027-01", -1, "2026-12"],
    ["2026-06", 0, "2026-06"],
    ["2026-06", -18, "2024-12"],
    ["2026-06", 30, "2028-12"],
  ])("%s shifted by %i is %s", (month, delta, expected) => expect(shiftMonth(month, delta)).toBe(expected));
});

describe("monthGrid", () => {
  it("covers a month in whole weeks from Monday, marking other months and today", () => {
    const weeks = monthGrid("2026-12", TODAY);
    // 1 December 2026 is a Tuesday, 31 December a Thursday.
    expect(weeks).toHaveLength(5);
    expect(weeks[0]![0]).toEqual({ date: "2026-11-30", inMonth: false, isToday: false });
    expect(weeks[0]![1]).toEqual({ date: "2026-12-01", inMonth: true, isToday: false });
    expect(weeks[4]![6]).toEqual({ date: "2027-01-03", inMonth: false, isToday: false });
    expect(
      weeks
        .flat()
        .filter((d) => d.isToday)
        .map((d) => d.date),
    ).toEqual([TODAY]);
    expect(weeks.flat().filter((d) => d.inMonth)).toHaveLength(31);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
  });

  it("has four weeks for a February that starts on a Monday, six when a month needs them", () => {
    expect(monthGrid("2027-02", TODAY)).toHaveLength(4); // 1 Feb 2027 is a Monday, 28 Feb a Sunday
    expect(monthGrid("2026-08", TODAY)).toHaveLength(6); // 1 Aug 2026 is a Saturday, 31 Aug a Monday
  });

  it("does not depend on the machine's time zone (dates are calendar dates)", () => {
    const dates = monthGrid("2026-03", "2026-03-29")
      .flat()
      .map((d) => d.date);
    expect(new Set(dates).size).toBe(dates.length);
    expect(dates).toContain("2026-03-29");
    expect(dates).toContain("2026-03-30");
  });
});

describe("groupByDate", () => {
  it("groups items by due date in date order, keeping each group's order", () => {
    const items = [
      { id: "b", dueDate: "2026-12-10" },
      { id: "a", dueDate: "2026-12-02" },
      { id: "c", dueDate: "2026-12-10" },
    ];
    expect(groupByDate(items)).toEqual([
      { date: "2026-12-02", items: [{ id: "a", dueDate: "2026-12-02" }] },
      {
        date: "2026-12-10",
        items: [
          { id: "b", dueDate: "2026-12-10" },
          { id: "c", dueDate: "2026-12-10" },
        ],
      },
    ]);
    expect(groupByDate([])).toEqual([]);
  });
});

describe("links and queries", () => {
  const p = parseCalendarParams({ month: "2026-12", kind: "MG_INSTALMENT" }, TODAY);

  it("keeps the filters in the URL when the month or the view changes", () => {
    expect(calendarHref(p, { month: "2027-01" })).toBe("/obligations?view=month&month=2027-01&kind=MG_INSTALMENT");
    expect(calendarHref(p, { view: "agenda" })).toBe("/obligations?view=agenda&month=2026-12&kind=MG_INSTALMENT");
    expect(calendarHref(p, { kind: null, status: "OVERDUE" })).toBe("/obligations?view=month&month=2026-12&status=OVERDUE");
  });

  it("round-trips through the parser", () => {
    const full = parseCalendarParams({ view: "agenda", month: "2027-03", kind: "STATEMENT", side: "INFO", status: "DONE" }, TODAY);
    const back = Object.fromEntries(new URLSearchParams(calendarHref(full).split("?")[1]));
    expect(parseCalendarParams(back, TODAY)).toEqual(full);
  });

  it("asks the list for the month's dates and the filters", () => {
    expect(obligationQueryOf(p)).toEqual({ from: "2026-12-01", to: "2026-12-31", kind: ["MG_INSTALMENT"] });
    expect(obligationQueryOf(parseCalendarParams({ status: "DUE", side: "OWED_BY_US" }, TODAY))).toEqual({
      side: ["OWED_BY_US"],
      status: ["DUE"],
    });
  });

  it("has a distinct colour for every kind", () => {
    const dots = OBLIGATION_KINDS.map((k) => KIND_COLOURS[k].dot);
    expect(new Set(dots).size).toBe(OBLIGATION_KINDS.length);
  });
});
