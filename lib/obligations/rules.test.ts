import { describe, expect, it } from "vitest";
import { wallClockIn } from "@/lib/dates";
import { dealTermsSchema } from "@/lib/deals/schema";
import {
  advanceDisbursementObligation,
  compareObligations,
  covers,
  type DealFacts,
  dealObligations,
  editDecisionObligation,
  fxRateObligation,
  mergeWindows,
  periodStartOf,
  reminderFor,
  reminderStage,
  reportingPeriods,
  sideOf,
  statusOf,
} from "./rules";
import { obligationListQuerySchema } from "./schema";

// A grant window that starts mid-quarter (15 Feb 2027) and ends mid-year (15 Jun 2028).
const WINDOW = { start: "2027-02-15", end: "2028-06-15" };

describe("reporting periods across a window starting mid-quarter and ending mid-year", () => {
  it.each([
    [
      "QUARTERLY",
      [
        ["2027-02-15", "2027-03-31"],
        ["2027-04-01", "2027-06-30"],
        ["2027-07-01", "2027-09-30"],
        ["2027-10-01", "2027-12-31"],
        ["2028-01-01", "2028-03-31"],
        ["2028-04-01", "2028-06-15"],
      ],
    ],
    [
      "SEMI_ANNUAL",
      [
        ["2027-02-15", "2027-06-30"],
        ["2027-07-01", "2027-12-31"],
        ["2028-01-01", "2028-06-15"],
      ],
    ],
    [
      "ANNUAL",
      [
        ["2027-02-15", "2027-12-31"],
        ["2028-01-01", "2028-06-15"],
      ],
    ],
  ] as const)("%s", (frequency, expected) => {
    expect(reportingPeriods([WINDOW], frequency).map((p) => [p.start, p.end])).toEqual(expected);
  });

  it("MONTHLY: 17 periods, February clipped at the start, June at the end, leap-year February whole", () => {
    const periods = reportingPeriods([WINDOW], "MONTHLY");
    expect(periods).toHaveLength(17);
    expect(periods[0]).toEqual({ start: "2027-02-15", end: "2027-02-28" });
    expect(periods[1]).toEqual({ start: "2027-03-01", end: "2027-03-31" });
    expect(periods.find((p) => p.start === "2028-02-01")).toEqual({ start: "2028-02-01", end: "2028-02-29" });
    expect(periods[16]).toEqual({ start: "2028-06-01", end: "2028-06-15" });
    // Contiguous: each period starts the day after the previous one ends.
    for (let i = 1; i < periods.length; i++) {
      const prev = new Date(`${periods[i - 1]!.end}T00:00:00Z`).getTime();
      expect(new Date(`${periods[i]!.start}T00:00:00Z`).getTime() - prev).toBe(86_400_000);
    }
  });

  it.each([
    ["2027-02-15", "MONTHLY", "2027-02-01"],
    ["2027-02-15", "QUARTERLY", "2027-01-01"],
    ["2027-12-31", "QUARTERLY", "2027-10-01"],
    ["2027-07-01", "SEMI_ANNUAL", "2027-07-01"],
    ["2027-06-30", "SEMI_ANNUAL", "2027-01-01"],
    ["2027-11-30", "ANNUAL", "2027-01-01"],
  ] as const)("the %s period of %s starts on %s", (date, frequency, start) => {
    expect(periodStartOf(date, frequency)).toBe(start);
  });

  it("merges overlapping and touching windows, keeps gaps", () => {
    expect(
      mergeWindows([
        { start: "2027-07-01", end: "2027-12-31" },
        { start: "2027-01-01", end: "2027-06-30" },
        { start: "2028-03-01", end: "2028-03-31" },
        { start: "2027-05-01", end: "2027-08-31" },
      ]),
    ).toEqual([
      { start: "2027-01-01", end: "2027-12-31" },
      { start: "2028-03-01", end: "2028-03-31" },
    ]);
    // Two grants in one quarter with a gap: two periods, each clipped to its window.
    expect(
      reportingPeriods(
        [
          { start: "2027-01-10", end: "2027-01-20" },
          { start: "2027-03-01", end: "2027-03-05" },
        ],
        "QUARTERLY",
      ),
    ).toEqual([
      { start: "2027-01-10", end: "2027-01-20" },
      { start: "2027-03-01", end: "2027-03-05" },
    ]);
  });

  it("a period is covered only when counting statements cover every day of it", () => {
    const q = { start: "2027-02-15", end: "2027-03-31" };
    expect(covers([{ start: "2027-01-01", end: "2027-03-31" }], q)).toBe(true);
    expect(covers([{ start: "2027-02-15", end: "2027-03-31" }], q)).toBe(true);
    expect(
      covers(
        [
          { start: "2027-03-01", end: "2027-03-31" },
          { start: "2027-02-15", end: "2027-02-28" },
        ],
        q,
      ),
    ).toBe(true);
    expect(covers([{ start: "2027-02-16", end: "2027-03-31" }], q)).toBe(false);
    expect(covers([{ start: "2027-02-15", end: "2027-03-30" }], q)).toBe(false);
    expect(
      covers(
        [
          { start: "2027-02-15", end: "2027-02-27" },
          { start: "2027-03-01", end: "2027-03-31" },
        ],
        q,
      ),
    ).toBe(false);
    expect(covers([], q)).toBe(false);
  });
});

const LICENSOR = "studio-org";
const LICENSEE = "partner-org";
const title = { id: "title-1", names: { original: "天衍仙途", en: "The Celestial Path", zh: "天衍仙途" } };

function deal(overrides: Partial<DealFacts> = {}): DealFacts {
  return {
    id: "deal-1",
    name: "Celestial Path — Thailand",
    currency: "USD",
    licensorId: LICENSOR,
    licenseeId: LICENSEE,
    reportingFrequency: "QUARTERLY",
    reportingDueDays: 45,
    paymentDueDays: 30,
    instalments: [],
    grants: [{ id: "grant-1", title, start: WINDOW.start, end: WINDOW.end, holdbacks: [] }],
    statements: [],
    overageReceivedMinor: 0n,
    ...overrides,
  };
}

describe("statement obligations follow the reporting terms", () => {
  it.each([
    ["MONTHLY", 45, 17, "2027-04-14", "2028-07-30"],
    ["QUARTERLY", 45, 6, "2027-05-15", "2028-07-30"],
    ["SEMI_ANNUAL", 60, 3, "2027-08-29", "2028-08-14"],
    ["ANNUAL", 1, 2, "2028-01-01", "2028-06-16"],
  ] as const)("%s, due %i days after each period: %i obligations, first due %s, last due %s", (frequency, days, count, first, last) => {
    const statements = dealObligations(deal({ reportingFrequency: frequency, reportingDueDays: days })).filter(
      (o) => o.kind === "STATEMENT",
    );
    expect(statements).toHaveLength(count);
    expect(statements[0]?.dueDate).toBe(first);
    expect(statements[count - 1]?.dueDate).toBe(last);
    expect(new Set(statements.map((o) => o.id)).size).toBe(count);
    expect(statements.every((o) => o.owedBy === LICENSEE && o.owedTo === LICENSOR && !o.done)).toBe(true);
  });

  it("a counting statement covering the period makes it DONE; a non-counting one does not", () => {
    const s = (id: string, counting: boolean) => ({
      id,
      periodStart: "2027-01-01",
      periodEnd: "2027-03-31",
      counting,
      acceptedOn: null,
      periodOverageMinor: 0n,
    });
    const first = (d: DealFacts) => dealObligations(d).find((o) => o.id === "STATEMENT.deal-1.2027-02-15");
    expect(first(deal({ statements: [s("a", true)] }))?.done).toBe(true);
    expect(first(deal({ statements: [s("a", false)] }))?.done).toBe(false);
  });

  it("ids are stable: the same records give the same ids, whatever the order of the grants", () => {
    const g2 = { id: "grant-2", title, start: "2029-01-01", end: "2029-12-31", holdbacks: [{ until: "2029-06-30" }] };
    const a = dealObligations(deal({ grants: [...deal().grants, g2] })).map((o) => o.id);
    const b = dealObligations(deal({ grants: [g2, ...deal().grants] })).map((o) => o.id);
    expect([...a].sort()).toEqual([...b].sort());
    expect(a).toContain("HOLDBACK_ENDS.grant-2.0");
    expect(a).toContain("RIGHTS_EXPIRY.grant-1");
  });
});

describe("a renewal option", () => {
  const renewal = { noticeBy: "2028-03-31", extendsTo: "2029-06-30", exercised: false };
  it("is an informational item on its notice date for both parties, DONE once exercised or once the date has passed", () => {
    const none = dealObligations(deal()).filter((o) => o.kind === "RENEWAL_NOTICE");
    expect(none).toEqual([]);
    const [open] = dealObligations(deal({ renewal })).filter((o) => o.kind === "RENEWAL_NOTICE");
    expect(open).toMatchObject({
      id: "RENEWAL_NOTICE.deal-1",
      dueDate: "2028-03-31",
      informational: true,
      done: false,
      owedBy: null,
      parties: [LICENSOR, LICENSEE],
      href: "/deals/deal-1",
      detail: { extendsTo: "2029-06-30" },
    });
    expect(statusOf(open!, "2028-03-01")).toBe("UPCOMING");
    expect(statusOf(open!, "2028-03-31")).toBe("DUE");
    expect(statusOf(open!, "2028-04-01")).toBe("DONE");
    const [exercised] = dealObligations(deal({ renewal: { ...renewal, exercised: true } })).filter((o) => o.kind === "RENEWAL_NOTICE");
    expect(statusOf(exercised!, "2028-03-01")).toBe("DONE");
  });
});

describe("money obligations", () => {
  it("an MG instalment is outstanding until receipts cover it; instalments without a date have no obligation", () => {
    const obligations = dealObligations(
      deal({
        instalments: [
          { index: 0, amountMinor: 40_000n, dueDate: "2027-03-01", receivedMinor: 40_000n },
          { index: 1, amountMinor: 60_000n, dueDate: "2027-09-01", receivedMinor: 10_000n },
          { index: 2, amountMinor: 5_000n, dueDate: null, receivedMinor: 0n },
        ],
      }),
    ).filter((o) => o.kind === "MG_INSTALMENT");
    expect(obligations.map((o) => [o.id, o.dueDate, o.amountMinor, o.outstandingMinor, o.done])).toEqual([
      ["MG_INSTALMENT.deal-1.0", "2027-03-01", 40_000n, 0n, true],
      ["MG_INSTALMENT.deal-1.1", "2027-09-01", 60_000n, 50_000n, false],
    ]);
  });

  it("overage is due paymentDueDays after acceptance; overage receipts pay the oldest first", () => {
    const st = (id: string, start: string, end: string, acceptedOn: string | null, overage: bigint) => ({
      id,
      periodStart: start,
      periodEnd: end,
      counting: true,
      acceptedOn,
      periodOverageMinor: overage,
    });
    const obligations = dealObligations(
      deal({
        paymentDueDays: 0,
        statements: [
          st("q2", "2027-04-01", "2027-06-30", "2027-08-10", 30_000n),
          st("q1", "2027-02-15", "2027-03-31", "2027-05-02", 20_000n),
          st("q3", "2027-07-01", "2027-09-30", null, 99_000n),
          st("q4", "2027-10-01", "2027-12-31", "2028-02-01", 0n),
        ],
        overageReceivedMinor: 25_000n,
      }),
    ).filter((o) => o.kind === "OVERAGE_PAYMENT");
    expect(obligations.map((o) => [o.id, o.dueDate, o.amountMinor, o.outstandingMinor, o.done])).toEqual([
      ["OVERAGE_PAYMENT.q1", "2027-05-02", 20_000n, 0n, true],
      ["OVERAGE_PAYMENT.q2", "2027-08-10", 30_000n, 25_000n, false],
    ]);
    const thirty = dealObligations(deal({ statements: [st("q1", "2027-02-15", "2027-03-31", "2027-05-02", 1n)] })).find(
      (o) => o.kind === "OVERAGE_PAYMENT",
    );
    expect(thirty?.dueDate).toBe("2027-06-01");
  });
});

describe("status, side and reminder stages", () => {
  const base = { done: false, informational: false, dueDate: "2027-03-10" };
  it.each([
    ["2027-02-01", "UPCOMING"],
    ["2027-03-02", "UPCOMING"],
    ["2027-03-03", "DUE"],
    ["2027-03-10", "DUE"],
    ["2027-03-11", "OVERDUE"],
  ] as const)("on %s an open obligation due 2027-03-10 is %s", (today, status) => {
    expect(statusOf(base, today)).toBe(status);
  });

  it("done is DONE whatever the date; informational items are DONE once their date has passed", () => {
    expect(statusOf({ ...base, done: true }, "2027-04-01")).toBe("DONE");
    expect(statusOf({ ...base, informational: true }, "2027-03-10")).toBe("DUE");
    expect(statusOf({ ...base, informational: true }, "2027-03-11")).toBe("DONE");
  });

  it("names each organisation's side", () => {
    const o = { owedBy: LICENSEE, owedTo: LICENSOR, informational: false };
    expect(sideOf(o, LICENSEE)).toBe("OWED_BY_US");
    expect(sideOf(o, LICENSOR)).toBe("OWED_TO_US");
    expect(sideOf({ ...o, informational: true }, LICENSOR)).toBe("INFO");
  });

  it.each([
    [31, null],
    [30, "D30"],
    [8, "D30"],
    [7, "D7"],
    [2, "D7"],
    [1, "D1"],
    [0, "D1"],
    [-1, "OVERDUE"],
    [-7, "OVERDUE"],
    [-8, null],
  ] as const)("%i days before the due date the stage is %s", (days, stage) => {
    const today = new Date(Date.UTC(2027, 2, 10) - days * 86_400_000).toISOString().slice(0, 10);
    expect(reminderStage("2027-03-10", today)).toBe(stage);
  });

  it("no reminder for a DONE obligation, even on its first overdue day", () => {
    const [mg] = dealObligations(deal({ instalments: [{ index: 0, amountMinor: 1n, dueDate: "2027-03-10", receivedMinor: 1n }] }));
    expect(reminderFor(mg!, "2027-03-11")).toBeNull();
    const [open] = dealObligations(deal({ instalments: [{ index: 0, amountMinor: 1n, dueDate: "2027-03-10", receivedMinor: 0n }] }));
    expect(reminderFor(open!, "2027-03-11")).toBe("OVERDUE");
  });
});

describe("calendar dates, not instants", () => {
  it.each([
    // 2027-03-09 23:30 UTC is already the 10th in Shanghai and still the 9th in São Paulo.
    ["2027-03-09T23:30:00Z", "Asia/Shanghai", "2027-03-10", 7],
    ["2027-03-09T23:30:00Z", "America/Sao_Paulo", "2027-03-09", 20],
    ["2027-03-09T23:30:00Z", "UTC", "2027-03-09", 23],
    ["2027-07-01T01:00:00Z", "Pacific/Kiritimati", "2027-07-01", 15],
  ] as const)("%s in %s is %s at %i h", (instant, zone, date, hour) => {
    expect(wallClockIn(new Date(instant), zone)).toEqual({ date, hour });
  });

  it("an edit decision is due 10 days after the studio's submission date; an advance 5 days after approval", () => {
    const edit = editDecisionObligation(
      {
        id: "er-1",
        name: "Thai cut",
        partnerId: LICENSEE,
        studioId: LICENSOR,
        title,
        deal: null,
        submittedOn: "2027-12-25",
        decided: false,
      },
      10,
    );
    expect([edit.dueDate, edit.owedBy, edit.owedTo, edit.id]).toEqual(["2028-01-04", LICENSOR, LICENSEE, "EDIT_DECISION.er-1.2027-12-25"]);
    const adv = advanceDisbursementObligation({
      id: "adv-1",
      facilityOrgId: "fac",
      studioId: LICENSOR,
      deal: { id: "deal-1", name: "D" },
      currency: "USD",
      approvedMinor: 500n,
      approvedOn: "2028-02-26",
      disbursed: false,
    });
    expect([adv.dueDate, adv.owedBy, adv.outstandingMinor]).toEqual(["2028-03-02", "fac", 500n]);
    const fx = fxRateObligation({ base: "THB", quote: "USD", month: "2027-05", missing: true, receiptId: "r" }, "platform");
    expect([fx.id, fx.dueDate, fx.done]).toEqual(["FX_RATE_MISSING.THB-USD.2027-05", "2027-05-01", false]);
  });

  it("orders by due date, then id", () => {
    const list = [
      { dueDate: "2027-02-01", id: "b" },
      { dueDate: "2027-01-01", id: "z" },
      { dueDate: "2027-02-01", id: "a" },
    ].sort(compareObligations);
    expect(list.map((o) => o.id)).toEqual(["z", "a", "b"]);
  });
});

describe("query and terms schemas", () => {
  it("accepts lists of kinds and statuses, refuses unknown ones and from after to", () => {
    expect(obligationListQuerySchema.parse({ kind: "STATEMENT,MG_INSTALMENT", status: "DUE" })).toMatchObject({
      kind: ["STATEMENT", "MG_INSTALMENT"],
      status: ["DUE"],
      limit: 50,
    });
    expect(obligationListQuerySchema.safeParse({ kind: "STATEMENTS" }).success).toBe(false);
    expect(obligationListQuerySchema.safeParse({ from: "2027-02-01", to: "2027-01-31" }).success).toBe(false);
    expect(obligationListQuerySchema.safeParse({ from: "2027-02-30" }).success).toBe(false);
  });

  it.each([
    [{ reportingDueDays: 1, paymentDueDays: 0 }, true],
    [{ reportingDueDays: 180, paymentDueDays: 180 }, true],
    [{ reportingDueDays: 0 }, false],
    [{ reportingDueDays: 181 }, false],
    [{ paymentDueDays: -1 }, false],
    [{ paymentDueDays: 181 }, false],
    [{ reportingDueDays: 4.5 }, false],
    [{ reportingFrequency: "WEEKLY" }, false],
  ])("reporting terms %j valid: %s", (terms, valid) => {
    expect(dealTermsSchema.safeParse(terms).success).toBe(valid);
  });
});
