/**
 * The obligations calendar's model: what the URL asks for (view, month, filters), the month grid
 * (whole weeks, Monday first), the agenda's groups by date, the links that keep the filters, and
 * the colour of each kind. Pure (no React, no clock: "today" is passed in), so it is unit-tested
 * apart from the page.
 */
import { addDays, dayNumber } from "@/lib/dates";
import {
  OBLIGATION_KINDS,
  OBLIGATION_SIDES,
  OBLIGATION_STATUSES,
  type ObligationKind,
  type ObligationSide,
  type ObligationStatus,
} from "@/lib/obligations/schema";

export type CalendarView = "month" | "agenda";

export type CalendarParams = {
  view: CalendarView;
  /** "YYYY-MM"; null in the agenda view without a month (every matching obligation). */
  month: string | null;
  kind: ObligationKind | null;
  side: ObligationSide | null;
  status: ObligationStatus | null;
};

type Param = string | string[] | undefined;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

const pick = <T extends string>(values: readonly T[], v: Param): T | null =>
  typeof v === "string" && (values as readonly string[]).includes(v) ? (v as T) : null;

/**
 * The calendar's state from the URL's search params. Unknown values fall back to no filter. The
 * month view shows the month asked for, else the month of `today`; the agenda shows the month
 * asked for, else every matching obligation. Without a view, a status filter and no month (the
 * dashboard's "Overdue" and "Due in the next 7 days" links) opens the agenda.
 */
export function parseCalendarParams(search: Record<string, Param>, today: string): CalendarParams {
  const kind = pick(OBLIGATION_KINDS, search.kind);
  const side = pick(OBLIGATION_SIDES, search.side);
  const status = pick(OBLIGATION_STATUSES, search.status);
  const month = typeof search.month === "string" && MONTH.test(search.month) ? search.month : null;
  const asked = pick(["month", "agenda"] as const, search.view);
  const view: CalendarView = asked ?? (status && !month ? "agenda" : "month");
  return { view, month: month ?? (view === "agenda" ? null : today.slice(0, 7)), kind, side, status };
}

/** The first and last calendar dates of a month "YYYY-MM". */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, "0")}` };
}

/** The month `delta` months after `month` ("2026-12", 1 → "2027-01"). */
export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) + delta;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}

export type GridDay = { date: string; inMonth: boolean; isToday: boolean };

/** The weeks (Monday to Sunday) that cover a month, with the neighbouring months' days marked. */
export function monthGrid(month: string, today: string): GridDay[][] {
  const { from, to } = monthRange(month);
  // 1970-01-01 was a Thursday: day number 0 → weekday 3 counting from Monday = 0.
  const weekday = (date: string) => (((dayNumber(date) + 3) % 7) + 7) % 7;
  let day = addDays(from, -weekday(from));
  const end = addDays(to, 6 - weekday(to));
  const weeks: GridDay[][] = [];
  while (day <= end) {
    const week: GridDay[] = [];
    for (let i = 0; i < 7; i++) {
      week.push({ date: day, inMonth: day >= from && day <= to, isToday: day === today });
      day = addDays(day, 1);
    }
    weeks.push(week);
  }
  return weeks;
}

/** Items grouped by due date, dates ascending, each group in the order given. */
export function groupByDate<T extends { dueDate: string }>(items: readonly T[]): { date: string; items: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(item.dueDate);
    if (group) group.push(item);
    else groups.set(item.dueDate, [item]);
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([date, group]) => ({ date, items: group }));
}

/** The query of the obligations list for these params (the month's dates, the filters). */
export function obligationQueryOf(p: CalendarParams): {
  from?: string;
  to?: string;
  kind?: ObligationKind[];
  side?: ObligationSide[];
  status?: ObligationStatus[];
} {
  return {
    ...(p.month ? monthRange(p.month) : {}),
    ...(p.kind ? { kind: [p.kind] } : {}),
    ...(p.side ? { side: [p.side] } : {}),
    ...(p.status ? { status: [p.status] } : {}),
  };
}

/** /obligations with these params changed; the defaults are left out of the URL. */
export function calendarHref(p: CalendarParams, patch: Partial<CalendarParams> = {}): string {
  const next = { ...p, ...patch };
  const qs = new URLSearchParams();
  qs.set("view", next.view);
  if (next.month) qs.set("month", next.month);
  if (next.kind) qs.set("kind", next.kind);
  if (next.side) qs.set("side", next.side);
  if (next.status) qs.set("status", next.status);
  return `/obligations?${qs.toString()}`;
}

/**
 * A colour per kind: a dot/border class and a soft chip class (literal class names, so Tailwind
 * finds them in this file). Status is said in words, never by colour alone.
 */
export const KIND_COLOURS: Record<ObligationKind, { dot: string; chip: string }> = {
  MG_INSTALMENT: { dot: "bg-sky-500", chip: "border-sky-500/40 bg-sky-500/10 text-sky-900 dark:text-sky-100" },
  STATEMENT: { dot: "bg-violet-500", chip: "border-violet-500/40 bg-violet-500/10 text-violet-900 dark:text-violet-100" },
  OVERAGE_PAYMENT: { dot: "bg-emerald-500", chip: "border-emerald-500/40 bg-emerald-500/10 text-emerald-900 dark:text-emerald-100" },
  RIGHTS_EXPIRY: { dot: "bg-rose-500", chip: "border-rose-500/40 bg-rose-500/10 text-rose-900 dark:text-rose-100" },
  HOLDBACK_ENDS: { dot: "bg-amber-500", chip: "border-amber-500/40 bg-amber-500/10 text-amber-900 dark:text-amber-100" },
  EDIT_DECISION: { dot: "bg-fuchsia-500", chip: "border-fuchsia-500/40 bg-fuchsia-500/10 text-fuchsia-900 dark:text-fuchsia-100" },
  ADVANCE_DISBURSEMENT: { dot: "bg-teal-500", chip: "border-teal-500/40 bg-teal-500/10 text-teal-900 dark:text-teal-100" },
  FX_RATE_MISSING: { dot: "bg-slate-500", chip: "border-slate-500/40 bg-slate-500/10 text-slate-900 dark:text-slate-100" },
  RENEWAL_NOTICE: { dot: "bg-indigo-500", chip: "border-indigo-500/40 bg-indigo-500/10 text-indigo-900 dark:text-indigo-100" },
};

/** How many items a day cell shows before "+n more". */
export const DAY_CELL_LIMIT = 3;
