import { addDays, dayNumber } from "@/lib/dates";
import type { ObligationKind, ObligationSide, ObligationStatus, ReminderStage, ReportingFrequency } from "./schema";

/**
 * The obligation rules, pure: which obligations a set of records implies, their due dates (always
 * calendar dates, "YYYY-MM-DD"; the query layer turns instants into dates in the time zone of the
 * party that acted), whether they are done, their status on a given day, which side each
 * organisation is on, and which reminder stage a day falls in. No I/O, no clock.
 */

export type TitleNames = { original: string; en: string | null; zh: string | null };
export type Ref = { id: string; name: string };

export type Obligation = {
  /** Stable: the same records always give the same id (reminders and calendar UIDs key on it). */
  id: string;
  kind: ObligationKind;
  dueDate: string;
  /** Settled by the records (paid, reported, decided, disbursed, rate entered). */
  done: boolean;
  /** Nobody owes it (an expiry, a holdback lifting): it is DONE once its date has passed. */
  informational: boolean;
  /** The organisation that must act, and the one waiting for it (null for informational ones). */
  owedBy: string | null;
  owedTo: string | null;
  /** Every organisation that sees it. */
  parties: string[];
  deal: Ref | null;
  title: { id: string; names: TitleNames } | null;
  currency: string | null;
  amountMinor: bigint | null;
  outstandingMinor: bigint | null;
  /** In-app path of the record to act on. */
  href: string;
  /** The record a notification about it points at. */
  subject: { type: string; id: string };
  /** What the message needs beyond the above: instalment number, period, currency pair. */
  detail: Record<string, string | number>;
};

// ---- Status, side, reminder stage -----------------------------------------------------------

/** Within this many days an obligation is DUE rather than UPCOMING. */
export const DUE_WINDOW_DAYS = 7;

export function daysUntil(dueDate: string, today: string): number {
  return dayNumber(dueDate) - dayNumber(today);
}

export function statusOf(o: Pick<Obligation, "done" | "informational" | "dueDate">, today: string): ObligationStatus {
  const days = daysUntil(o.dueDate, today);
  if (o.done || (o.informational && days < 0)) return "DONE";
  if (days < 0) return "OVERDUE";
  return days <= DUE_WINDOW_DAYS ? "DUE" : "UPCOMING";
}

export function sideOf(o: Pick<Obligation, "owedBy" | "owedTo" | "informational">, orgId: string): ObligationSide {
  if (o.informational) return "INFO";
  if (o.owedBy === orgId) return "OWED_BY_US";
  if (o.owedTo === orgId) return "OWED_TO_US";
  return "INFO";
}

/**
 * The reminder stage a day falls in: D30 from 30 down to 8 days before, D7 from 7 to 2, D1 the
 * day before and the day itself, OVERDUE from the first overdue day for a week. A daily run sends
 * each stage on its exact day (30, 7, 1 days before; the first overdue day); the ranges let a run
 * missed by a stopped worker catch up the next day, and an obligation that appears late (an
 * instalment added 20 days before its date) still gets the stage it is in. Older overdue items
 * are not announced again (no flood of old news when reminders are first switched on).
 */
export function reminderStage(dueDate: string, today: string): ReminderStage | null {
  const days = daysUntil(dueDate, today);
  if (days > 30) return null;
  if (days >= 8) return "D30";
  if (days >= 2) return "D7";
  if (days >= 0) return "D1";
  if (days >= -7) return "OVERDUE";
  return null;
}

/** The reminder due today for an organisation, if any: never for DONE or informational-past items. */
export function reminderFor(o: Obligation, today: string): ReminderStage | null {
  if (statusOf(o, today) === "DONE") return null;
  return reminderStage(o.dueDate, today);
}

// ---- Reporting periods ----------------------------------------------------------------------

const MONTHS: Record<ReportingFrequency, number> = { MONTHLY: 1, QUARTERLY: 3, SEMI_ANNUAL: 6, ANNUAL: 12 };

/** First day of the calendar reporting period (month, quarter, half-year, year) holding `date`. */
export function periodStartOf(date: string, frequency: ReportingFrequency): string {
  const [y, m] = date.split("-").map(Number) as [number, number];
  const size = MONTHS[frequency];
  const month = Math.floor((m - 1) / size) * size + 1;
  return `${y}-${String(month).padStart(2, "0")}-01`;
}

function addMonths(firstOfMonth: string, months: number): string {
  const [y, m] = firstOfMonth.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}-01`;
}

export type Period = { start: string; end: string };

/** Inclusive windows merged where they overlap or touch, in date order. */
export function mergeWindows(windows: readonly Period[]): Period[] {
  const sorted = [...windows].sort((a, b) => a.start.localeCompare(b.start));
  const merged: Period[] = [];
  for (const w of sorted) {
    const last = merged[merged.length - 1];
    if (last && dayNumber(w.start) <= dayNumber(last.end) + 1) {
      if (w.end > last.end) last.end = w.end;
    } else merged.push({ ...w });
  }
  return merged;
}

/**
 * The reporting periods of a deal: the calendar periods of the frequency that meet a grant
 * window, each clipped to the window (a window starting 15 February reports 15 February – 31
 * March first; one ending 15 June reports up to 15 June last). Overlapping grant windows count once.
 */
export function reportingPeriods(windows: readonly Period[], frequency: ReportingFrequency): Period[] {
  const periods: Period[] = [];
  for (const w of mergeWindows(windows)) {
    for (let start = periodStartOf(w.start, frequency); start <= w.end; start = addMonths(start, MONTHS[frequency])) {
      const end = addDays(addMonths(start, MONTHS[frequency]), -1);
      periods.push({ start: start < w.start ? w.start : start, end: end > w.end ? w.end : end });
    }
  }
  return periods;
}

/** True when the union of `cover` contains every day of `period`. */
export function covers(cover: readonly Period[], period: Period): boolean {
  const sorted = [...cover].sort((a, b) => a.start.localeCompare(b.start));
  let next = dayNumber(period.start);
  const end = dayNumber(period.end);
  for (const c of sorted) {
    if (next > end) break;
    if (dayNumber(c.start) <= next && dayNumber(c.end) >= next) next = dayNumber(c.end) + 1;
  }
  return next > end;
}

// ---- Deals ----------------------------------------------------------------------------------

export type DealFacts = {
  id: string;
  name: string;
  currency: string;
  licensorId: string;
  licenseeId: string;
  reportingFrequency: ReportingFrequency;
  reportingDueDays: number;
  paymentDueDays: number;
  /** Instalments with a due date (the others have no date to keep) and what receipts paid of each. */
  instalments: { index: number; amountMinor: bigint; dueDate: string | null; receivedMinor: bigint }[];
  grants: {
    id: string;
    title: { id: string; names: TitleNames };
    start: string;
    end: string;
    holdbacks: { until: string }[];
  }[];
  /** Every statement of the deal; `periodOverageMinor` is its overage due this period (counting ones). */
  statements: {
    id: string;
    periodStart: string;
    periodEnd: string;
    counting: boolean;
    /** Acceptance date (the licensor's calendar date), null unless ACCEPTED. */
    acceptedOn: string | null;
    periodOverageMinor: bigint;
  }[];
  overageReceivedMinor: bigint;
  /** The deal's renewal option, if it has one: the licensee may exercise it until `noticeBy`. */
  renewal?: { noticeBy: string; extendsTo: string; exercised: boolean } | null;
};

/** Obligations of a signed (or expired) deal: instalments, statements, overage, expiries, holdbacks. */
export function dealObligations(deal: DealFacts): Obligation[] {
  const ref = { id: deal.id, name: deal.name };
  const owed = { owedBy: deal.licenseeId, owedTo: deal.licensorId, parties: [deal.licensorId, deal.licenseeId], deal: ref };
  const out: Obligation[] = [];

  for (const i of deal.instalments) {
    if (!i.dueDate) continue;
    const outstanding = i.amountMinor > i.receivedMinor ? i.amountMinor - i.receivedMinor : 0n;
    out.push({
      id: `MG_INSTALMENT.${deal.id}.${i.index}`,
      kind: "MG_INSTALMENT",
      dueDate: i.dueDate,
      done: outstanding === 0n,
      informational: false,
      ...owed,
      title: null,
      currency: deal.currency,
      amountMinor: i.amountMinor,
      outstandingMinor: outstanding,
      href: `/deals/${deal.id}/receipts`,
      subject: { type: "deal", id: deal.id },
      detail: { instalment: i.index + 1 },
    });
  }

  const counting = deal.statements.filter((s) => s.counting).map((s) => ({ start: s.periodStart, end: s.periodEnd }));
  const windows = deal.grants.map((g) => ({ start: g.start, end: g.end }));
  for (const p of reportingPeriods(windows, deal.reportingFrequency)) {
    out.push({
      id: `STATEMENT.${deal.id}.${p.start}`,
      kind: "STATEMENT",
      dueDate: addDays(p.end, deal.reportingDueDays),
      done: covers(counting, p),
      informational: false,
      ...owed,
      title: null,
      currency: null,
      amountMinor: null,
      outstandingMinor: null,
      href: `/deals/${deal.id}/statements`,
      subject: { type: "deal", id: deal.id },
      detail: { periodStart: p.start, periodEnd: p.end },
    });
  }

  // Overage receipts pay the oldest accepted overage first.
  let received = deal.overageReceivedMinor;
  const accepted = deal.statements
    .filter((s) => s.counting && s.acceptedOn !== null && s.periodOverageMinor > 0n)
    .sort((a, b) => a.periodStart.localeCompare(b.periodStart) || a.id.localeCompare(b.id));
  for (const s of accepted) {
    const paid = received >= s.periodOverageMinor ? s.periodOverageMinor : received;
    received -= paid;
    const outstanding = s.periodOverageMinor - paid;
    out.push({
      id: `OVERAGE_PAYMENT.${s.id}`,
      kind: "OVERAGE_PAYMENT",
      dueDate: addDays(s.acceptedOn!, deal.paymentDueDays),
      done: outstanding === 0n,
      informational: false,
      ...owed,
      title: null,
      currency: deal.currency,
      amountMinor: s.periodOverageMinor,
      outstandingMinor: outstanding,
      href: `/statements/${s.id}`,
      subject: { type: "statement", id: s.id },
      detail: { periodStart: s.periodStart, periodEnd: s.periodEnd },
    });
  }

  const info = { informational: true, owedBy: null, owedTo: null, parties: owed.parties, deal: ref, done: false };
  const none = { currency: null, amountMinor: null, outstandingMinor: null };
  for (const g of deal.grants) {
    out.push({
      id: `RIGHTS_EXPIRY.${g.id}`,
      kind: "RIGHTS_EXPIRY",
      dueDate: g.end,
      ...info,
      ...none,
      title: g.title,
      href: `/deals/${deal.id}`,
      subject: { type: "deal", id: deal.id },
      detail: { windowStart: g.start, windowEnd: g.end },
    });
    g.holdbacks.forEach((h, n) => {
      out.push({
        id: `HOLDBACK_ENDS.${g.id}.${n}`,
        kind: "HOLDBACK_ENDS",
        dueDate: h.until,
        ...info,
        ...none,
        title: g.title,
        href: `/deals/${deal.id}`,
        subject: { type: "deal", id: deal.id },
        detail: {},
      });
    });
  }
  // An option, not a debt: shown to both parties until its notice date (DONE once exercised or
  // once the date has passed unexercised), so the licensee sees the last day to decide.
  if (deal.renewal)
    out.push({
      id: `RENEWAL_NOTICE.${deal.id}`,
      kind: "RENEWAL_NOTICE",
      dueDate: deal.renewal.noticeBy,
      ...info,
      done: deal.renewal.exercised,
      ...none,
      title: null,
      href: `/deals/${deal.id}`,
      subject: { type: "deal", id: deal.id },
      detail: { extendsTo: deal.renewal.extendsTo },
    });
  return out;
}

// ---- Edit requests, advances, FX rates ------------------------------------------------------

/** Days the studio has to decide a submitted edit request (platform setting, EDIT_DECISION_DAYS). */
export const DEFAULT_EDIT_DECISION_DAYS = 10;
/** Days the facility has to disburse an approved advance. */
export const ADVANCE_DISBURSEMENT_DAYS = 5;

export type EditRequestFacts = {
  id: string;
  name: string;
  partnerId: string;
  studioId: string;
  title: { id: string; names: TitleNames };
  deal: Ref | null;
  /** The last submission's date (the studio's calendar date). */
  submittedOn: string;
  decided: boolean;
};

export function editDecisionObligation(r: EditRequestFacts, decisionDays: number): Obligation {
  return {
    id: `EDIT_DECISION.${r.id}.${r.submittedOn}`,
    kind: "EDIT_DECISION",
    dueDate: addDays(r.submittedOn, decisionDays),
    done: r.decided,
    informational: false,
    owedBy: r.studioId,
    owedTo: r.partnerId,
    parties: [r.studioId, r.partnerId],
    deal: r.deal,
    title: r.title,
    currency: null,
    amountMinor: null,
    outstandingMinor: null,
    href: `/edit-requests/${r.id}`,
    subject: { type: "editRequest", id: r.id },
    detail: { request: r.name },
  };
}

export type AdvanceFacts = {
  id: string;
  facilityOrgId: string;
  studioId: string;
  deal: Ref;
  currency: string;
  approvedMinor: bigint;
  /** The approval's date (the facility's calendar date). */
  approvedOn: string;
  disbursed: boolean;
};

export function advanceDisbursementObligation(a: AdvanceFacts): Obligation {
  return {
    id: `ADVANCE_DISBURSEMENT.${a.id}`,
    kind: "ADVANCE_DISBURSEMENT",
    dueDate: addDays(a.approvedOn, ADVANCE_DISBURSEMENT_DAYS),
    done: a.disbursed,
    informational: false,
    owedBy: a.facilityOrgId,
    owedTo: a.studioId,
    parties: [a.facilityOrgId, a.studioId],
    deal: a.deal,
    title: null,
    currency: a.currency,
    amountMinor: a.approvedMinor,
    outstandingMinor: a.disbursed ? 0n : a.approvedMinor,
    href: `/advances/${a.id}`,
    subject: { type: "advance", id: a.id },
    detail: {},
  };
}

export type FxGap = {
  /** The receipts' currency and the currency it must be converted into. */
  base: string;
  quote: string;
  /** "YYYY-MM" of the receipts. */
  month: string;
  /** Some receipt of the month still has no rate on or before its date. */
  missing: boolean;
  /** A receipt of the month (what a notification points at). */
  receiptId: string;
};

/** FX_RATE_MISSING: owed by the platform (which enters rates) from the first day of the month. */
export function fxRateObligation(gap: FxGap, platformOrgId: string): Obligation {
  return {
    id: `FX_RATE_MISSING.${gap.base}-${gap.quote}.${gap.month}`,
    kind: "FX_RATE_MISSING",
    dueDate: `${gap.month}-01`,
    done: !gap.missing,
    informational: false,
    owedBy: platformOrgId,
    owedTo: null,
    parties: [platformOrgId],
    deal: null,
    title: null,
    currency: null,
    amountMinor: null,
    outstandingMinor: null,
    href: "/fx-rates",
    subject: { type: "receipt", id: gap.receiptId },
    detail: { pair: `${gap.base}/${gap.quote}`, month: gap.month },
  };
}

/** Due date, then id: the order of every list, and what a page cursor resumes after. */
export function compareObligations(a: Pick<Obligation, "dueDate" | "id">, b: Pick<Obligation, "dueDate" | "id">): number {
  return a.dueDate.localeCompare(b.dueDate) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
