/**
 * The demo advance facility: Silk Road Export Finance lends in USD against the
 * demo studios' signed cross-border deals, with one advance in every status — DRAFT, SUBMITTED,
 * UNDER_REVIEW, APPROVED, DECLINED, DISBURSED, REPAID, DEFAULTED, WRITTEN_OFF.
 *
 * Everything goes through the facility's commands (and the statements' recordReceipt for the
 * recoupment that repays one advance), acting as the demo people with requestId "seed": the
 * studios' owners apply, finance@ (underwriter, OWNER) decides, finance.ops@ (MEMBER) disburses —
 * never the approver (four-eyes). Amounts adapt to what each deal can still carry (MG not yet
 * received, limits), so the seed obeys the rules whatever the statements seed recorded first.
 *
 * FX: deals in THB, KRW, BRL or CNY are valued in USD with dated rates; where no rate against USD
 * exists yet, one is entered (as the platform admin, dated 2026-01-02), so eligibility can be
 * computed. Idempotent: once the facility has advances, nothing is changed.
 *
 * Dated by the demo clock (lib/orgs/demo-clock.ts): an advance that has run its course was applied
 * for on its story date (never before its deal was signed), reviewed the next day, decided four
 * days and paid six days after the application, and defaulted, written off or repaid on its own
 * dates, so the portfolio's ages mean something; one still waiting was applied for days before the run.
 */

import type { Actor } from "@/lib/auth/actor";
import { createActor } from "@/lib/auth/actor";
import { addDays, type Clock, dateOnly } from "@/lib/dates";
import { db } from "@/lib/db/client";
import { putFxRates } from "@/lib/fx/commands";
import { convertMinor, rateOn } from "@/lib/fx/queries";
import { money } from "@/lib/money/currency";
import { type DemoClock, demoClock } from "@/lib/orgs/demo-clock";
import type { OrgKind, RoleName } from "@/lib/orgs/schema";
import type { Result } from "@/lib/result";
import { recordReceipt } from "@/lib/statements/commands/receipts";
import { createAdvance, submitAdvance } from "./commands/apply";
import { disburseAdvance } from "./commands/disburse";
import { addAdvanceDocument } from "./commands/documents";
import { decideAdvance, startReview } from "./commands/underwrite";
import { defaultAdvance, writeOffAdvance } from "./commands/write-off";
import { computeEligibility } from "./eligibility";
import { ledgerBalances } from "./ledger";
import type { AdvanceStatus } from "./rules";

const FACILITY_ORG = { name: "Silk Road Export Finance", kind: "FACILITY" as OrgKind };
const STUDIO_CN = { name: "Jade Mountain Pictures", kind: "STUDIO" as OrgKind };
const STUDIO_KR = { name: "Hanbit Story Studios", kind: "STUDIO" as OrgKind };
const PLATFORM = { name: "Rightsbridge Platform", kind: "PLATFORM" as OrgKind };

/** USD facility: 5,000,000.00 capacity; 70% of unreceived MG; 600,000.00 per deal; 60% per licensee; 2% fee; full sweep. */
const SETTINGS = {
  currency: "USD",
  capacityMinor: 500_000_000n,
  advanceRatePct: "70",
  maxPerDealMinor: 60_000_000n,
  maxPerLicenseePct: "60",
  feePct: "2",
  sweepPct: "100",
};

/** Rough mid-market rates (1 USD = …) entered only where the FX seed left a currency without one. */
const FALLBACK_RATES: Record<string, string> = { CNY: "7.1", THB: "34.5", KRW: "1400", BRL: "5.4", JPY: "150" };
const FALLBACK_RATE_DATE = "2026-01-02";

type Studio = "cn" | "kr";
type AdvanceSeed = {
  status: AdvanceStatus;
  studio: Studio;
  /** Deal names in order of preference (the first one that can carry the amount is used). */
  deals: string[];
  /** Target amount in USD cents; lowered to what the deal and limits allow. */
  amountMinor: bigint;
  purpose: string;
  /** Approve this share (percent) of the amount applied for, in whole thousands. */
  approvedPct?: bigint;
  conditions?: string;
  reason?: string;
  document?: string;
  /**
   * When it was applied for: a story date for an advance whose course has run (moved later to a
   * week after its deal's signature if need be), or days before the run for one still waiting.
   */
  applied: { on: string } | { daysAgo: number };
  /** Story dates of what happened after the disbursement. */
  defaultedOn?: string;
  writtenOffOn?: string;
  repaidOn?: string;
};

const CELESTIAL = "The Celestial Path · South-east Asia streaming 2026–2028";
const LANTERN = "Lantern Town · Thai free TV 2026–2028 (non-exclusive)";
const CITADEL = "The Lone Citadel Swordsman · Korea theatrical and digital 2026–2029";
const SPRING = "Letters of Spring · Thai pay TV 2026–2029";
const ORBIT = "Off Orbit · Brazil theatrical 2026–2027 (non-exclusive)";
const CN_DEALS = [CELESTIAL, CITADEL, LANTERN];
const KR_DEALS = [SPRING, ORBIT];

// Order matters: the REPAID advance is repaid by a receipt before any other advance owes on its deal.
const ADVANCES: AdvanceSeed[] = [
  {
    status: "REPAID",
    applied: { on: "2026-02-02" },
    repaidOn: "2026-10-20",
    studio: "cn",
    deals: CN_DEALS,
    amountMinor: 4_000_000n,
    purpose: "Thai and Vietnamese subtitles and a dubbed trailer for the streaming launch.",
    conditions: "Subtitle files delivered to the licensee before release.",
  },
  {
    status: "WRITTEN_OFF",
    applied: { on: "2026-05-04" },
    defaultedOn: "2026-08-17",
    writtenOffOn: "2026-11-09",
    studio: "kr",
    deals: [ORBIT, SPRING],
    amountMinor: 3_000_000n,
    purpose: "Brazilian theatrical prints and Portuguese marketing materials.",
    reason: "The licensee cancelled the theatrical release and stopped paying instalments.",
  },
  {
    status: "DEFAULTED",
    applied: { on: "2026-03-23" },
    defaultedOn: "2026-07-20",
    studio: "cn",
    deals: [LANTERN, CITADEL, CELESTIAL],
    amountMinor: 2_500_000n,
    purpose: "Thai dubbing for the free-TV broadcast.",
    reason: "Second instalment 90 days overdue; the licensee asked for a rescheduling.",
  },
  {
    status: "DISBURSED",
    applied: { on: "2026-06-01" },
    studio: "cn",
    deals: CN_DEALS,
    amountMinor: 25_000_000n,
    purpose: "Working capital to finish the series' second season while waiting for the MG.",
    conditions: "Quarterly statements shared with the facility.",
  },
  {
    status: "DISBURSED",
    applied: { on: "2026-07-06" },
    studio: "kr",
    deals: KR_DEALS,
    amountMinor: 15_000_000n,
    purpose: "Thai-language dubbing and a pay-TV launch campaign.",
  },
  {
    status: "APPROVED",
    applied: { daysAgo: 9 },
    studio: "cn",
    deals: [CITADEL, CELESTIAL, LANTERN],
    amountMinor: 12_000_000n,
    approvedPct: 80n,
    purpose: "Korean dubbing and theatrical marketing.",
    conditions: "Approved at 80% of the request until the Korean release date is fixed; the rest can be applied for then.",
  },
  {
    status: "DECLINED",
    applied: { on: "2026-09-07" },
    studio: "kr",
    deals: KR_DEALS,
    amountMinor: 20_000_000n,
    purpose: "Bridge financing for a new production slate.",
    reason: "An advance is for exporting the licensed title; a production slate is outside the facility's purpose.",
  },
  {
    status: "UNDER_REVIEW",
    applied: { daysAgo: 6 },
    studio: "kr",
    deals: KR_DEALS,
    amountMinor: 6_000_000n,
    purpose: "Festival circuit in South-east Asia and subtitles for three languages.",
    document: "festival-budget.pdf",
  },
  {
    status: "SUBMITTED",
    applied: { daysAgo: 2 },
    studio: "cn",
    deals: CN_DEALS,
    amountMinor: 8_000_000n,
    purpose: "Localised key art and trailers for six South-east Asian markets.",
    document: "localisation-quote.pdf",
  },
  {
    status: "DRAFT",
    applied: { daysAgo: 1 },
    studio: "cn",
    deals: CN_DEALS,
    amountMinor: 5_000_000n,
    purpose: "Indonesian dub (draft: quote still to come).",
  },
];

function unwrap<T>(result: Result<T>, what: string): T {
  if (result.ok) return result.value;
  throw new Error(`seed-facility: ${what} refused (${result.reason}): ${result.message} ${JSON.stringify(result.errors ?? [])}`);
}

async function actorFor(email: string, org: { name: string; kind: OrgKind }): Promise<Actor | null> {
  const row = await db.organization.findFirst({ where: org, select: { id: true, name: true, kind: true, homeCountry: true } });
  const user = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (!row || !user) return null;
  const membership = await db.membership.findUnique({ where: { userId_organizationId: { userId: user.id, organizationId: row.id } } });
  if (!membership) return null;
  return createActor({ userId: user.id, apiKeyId: null, org: row, role: membership.role as RoleName, requestId: "seed" });
}

/** A tiny, valid one-page PDF naming the document (a stand-in for the studio's real quote). */
function demoPdf(title: string): Uint8Array {
  const text = title.replace(/[()\\]/g, "");
  const content = `BT /F1 18 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let pdf = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}

/** Enters a USD rate for each demo deal currency that has none yet (as the platform admin). */
async function ensureRates(currencies: string[], today: string): Promise<void> {
  const missing: Record<string, string> = {};
  for (const c of currencies) {
    if (c === "USD" || !FALLBACK_RATES[c]) continue;
    if (!(await rateOn(db, { date: today, from: c, to: "USD" }))) missing[c] = FALLBACK_RATES[c]!;
  }
  if (Object.keys(missing).length === 0) return;
  const admin = await actorFor("admin@demo.rightsbridge.test", PLATFORM);
  if (!admin) return;
  unwrap(await putFxRates(admin, { date: FALLBACK_RATE_DATE, base: "USD", rates: missing }), "FX rates");
}

export type FacilitySeedResult = { created: boolean; advances: number; skipped: string[] };

type AdvanceTimeline = {
  applied: Clock;
  submitted: Clock;
  reviewed: Clock;
  decided: Clock;
  disbursed: Clock;
  defaulted: Clock;
  writtenOff: Clock;
  /** The day the repaying receipt was received. */
  repaidOn: string;
};

const laterOf = (a: string, b: string) => (a < b ? b : a);
const dayOf = (c: Clock) => dateOnly(c.now!);

/**
 * The dates of one demo advance (see the file's comment). Each step is on or after the one before,
 * whatever deal the advance ends up on.
 */
export function advanceTimeline(
  spec: Pick<AdvanceSeed, "applied" | "defaultedOn" | "writtenOffOn" | "repaidOn">,
  signedAt: Date | null,
  clock: DemoClock,
): AdvanceTimeline {
  if ("daysAgo" in spec.applied) {
    const d = spec.applied.daysAgo;
    const ago = (days: number, hour: number) => clock.daysAgo(Math.max(days, 0), hour);
    return {
      applied: ago(d, 9),
      submitted: ago(d, 11),
      reviewed: ago(d - 1, 10),
      decided: ago(d - 4, 15),
      disbursed: ago(d - 6, 10),
      defaulted: ago(d - 7, 10),
      writtenOff: ago(d - 8, 10),
      repaidOn: dayOf(ago(d - 8, 14)),
    };
  }
  const on = signedAt ? laterOf(spec.applied.on, addDays(dateOnly(signedAt), 7)) : spec.applied.on;
  const disbursedOn = addDays(on, 6);
  const defaultedOn = laterOf(spec.defaultedOn ?? addDays(disbursedOn, 90), addDays(disbursedOn, 1));
  return {
    applied: clock.on(on, 9),
    submitted: clock.on(on, 11),
    reviewed: clock.on(addDays(on, 1), 10),
    decided: clock.on(addDays(on, 4), 15),
    disbursed: clock.on(disbursedOn, 10),
    defaulted: clock.on(defaultedOn, 10),
    writtenOff: clock.on(laterOf(spec.writtenOffOn ?? addDays(defaultedOn, 90), addDays(defaultedOn, 1)), 10),
    repaidOn: dayOf(clock.on(laterOf(spec.repaidOn ?? addDays(disbursedOn, 120), addDays(disbursedOn, 1)), 14)),
  };
}

export async function seedFacility(runAt: Date = new Date()): Promise<FacilitySeedResult> {
  const clock = demoClock(runAt);
  const result: FacilitySeedResult = { created: false, advances: 0, skipped: [] };
  const org = await db.organization.findFirst({ where: FACILITY_ORG, select: { id: true } });
  if (!org) {
    result.skipped.push("the facility organisation is missing (run the base seed first)");
    return result;
  }
  let facility = await db.facility.findUnique({ where: { orgId: org.id } });
  if (!facility) {
    facility = await db.facility.create({ data: { orgId: org.id, ...SETTINGS } });
    result.created = true;
  }
  if ((await db.advance.count({ where: { facilityId: facility.id } })) > 0) return result;

  const underwriter = await actorFor("finance@demo.rightsbridge.test", FACILITY_ORG);
  const officer = await actorFor("finance.ops@demo.rightsbridge.test", FACILITY_ORG);
  const studios: Record<Studio, Actor | null> = {
    cn: await actorFor("studio@demo.rightsbridge.test", STUDIO_CN),
    kr: await actorFor("studio.kr@demo.rightsbridge.test", STUDIO_KR),
  };
  if (!underwriter || !officer || !studios.cn || !studios.kr) {
    result.skipped.push("demo people are missing (run the base seed first)");
    return result;
  }
  const today = clock.today;
  const deals = await db.deal.findMany({
    where: { status: "SIGNED", name: { in: [...CN_DEALS, ...KR_DEALS] } },
    select: { id: true, name: true, currency: true, mgMinor: true, licenseeId: true, licensorId: true, signedAt: true },
  });
  await ensureRates([...new Set(deals.map((d) => d.currency))], today);

  let keyCounter = 0;
  for (const spec of ADVANCES) {
    const studio = studios[spec.studio]!;
    const needsApproval = ["APPROVED", "DISBURSED", "REPAID", "DEFAULTED", "WRITTEN_OFF"].includes(spec.status);
    let chosen: { dealId: string; amountMinor: bigint; when: AdvanceTimeline } | null = null;
    for (const name of spec.deals) {
      const deal = deals.find((d) => d.name === name && d.licensorId === studio.org.id);
      if (!deal) continue;
      const when = advanceTimeline(spec, deal.signedAt, clock);
      // The room on the decision date: the limits are checked with that day's FX rates.
      const figures = await computeEligibility(db, { facility, deal, amountMinor: 0n, date: when.decided.now! });
      if (!figures.ok) continue;
      const room = figures.value.result.limits.reduce((least, l) => {
        const left = l.limit - l.used;
        // biome-ignore lint/complexity/useMathMinMax: bigint, which Math.min does not take
        return left < least ? left : least;
      }, spec.amountMinor);
      // Whole thousands of dollars, at least 5,000.00.
      const amountMinor = (room / 100_000n) * 100_000n;
      if (!needsApproval || amountMinor >= 500_000n) {
        chosen = { dealId: deal.id, amountMinor: needsApproval ? amountMinor : spec.amountMinor, when };
        break;
      }
    }
    if (!chosen) {
      result.skipped.push(`${spec.status} advance (no signed deal of the studio can carry it)`);
      continue;
    }
    const amount = money(chosen.amountMinor, "USD");
    const when = chosen.when;
    const { id } = unwrap(
      await createAdvance(studio, { dealId: chosen.dealId, amount, purpose: spec.purpose }, when.applied),
      `${spec.status} application`,
    );
    result.created = true;
    result.advances += 1;
    if (spec.document) {
      const bytes = demoPdf(spec.purpose.slice(0, 60));
      unwrap(await addAdvanceDocument(studio, id, { bytes, fileName: spec.document, contentType: "application/pdf" }), "document");
    }
    if (spec.status === "DRAFT") continue;
    unwrap(await submitAdvance(studio, id, when.submitted), "submit");
    if (spec.status === "SUBMITTED") continue;
    unwrap(await startReview(underwriter, id, when.reviewed), "review");
    if (spec.status === "UNDER_REVIEW") continue;
    if (spec.status === "DECLINED") {
      unwrap(await decideAdvance(underwriter, id, { decision: "DECLINED", reason: spec.reason }, when.decided), "decline");
      continue;
    }
    const lowered = ((chosen.amountMinor * (spec.approvedPct ?? 100n)) / 100n / 100_000n) * 100_000n;
    const approvedMinor = lowered > 0n ? lowered : chosen.amountMinor;
    unwrap(
      await decideAdvance(
        underwriter,
        id,
        {
          decision: "APPROVED",
          amount: money(approvedMinor, "USD"),
          conditions: spec.conditions,
        },
        when.decided,
      ),
      "approval",
    );
    if (spec.status === "APPROVED") continue;
    keyCounter += 1;
    unwrap(
      await disburseAdvance(
        officer,
        id,
        {
          idempotencyKey: `seed-disbursement-${keyCounter}`,
          body: {
            note: "Demo wire",
            paymentReference: `DEMO-WIRE-${String(keyCounter).padStart(4, "0")}`,
            valueDate: dayOf(when.disbursed),
            payingAccount: "Facility USD operating account",
          },
        },
        when.disbursed,
      ),
      "disbursement",
    );
    if (spec.status === "REPAID") {
      const repaid = await repayThroughReceipt(studio, chosen.dealId, id, when.repaidOn, clock);
      if (!repaid)
        result.skipped.push("REPAID (no open instalment or overage on the deal to record a receipt; the advance stays DISBURSED)");
      continue;
    }
    if (spec.status === "DISBURSED") continue;
    unwrap(await defaultAdvance(underwriter, id, { reason: spec.reason ?? "Payments overdue." }, when.defaulted), "default");
    if (spec.status === "WRITTEN_OFF")
      unwrap(await writeOffAdvance(underwriter, id, { reason: "Unrecoverable." }, when.writtenOff), "write-off");
  }
  return result;
}

/**
 * Records receipts on the deal (MG instalments still open, then overage due) through the
 * statements command until the advance is REPAID. True when it is.
 */
async function repayThroughReceipt(studio: Actor, dealId: string, advanceId: string, on: string, clock: DemoClock): Promise<boolean> {
  const deal = await db.deal.findUniqueOrThrow({
    where: { id: dealId },
    select: { currency: true, instalments: { orderBy: { position: "asc" }, select: { position: true, amountMinor: true } } },
  });
  // Enough to clear what is owed after the creators' pool (with room to spare), never more than is open.
  const owed = (await ledgerBalances(db, [advanceId])).get(advanceId)?.owed ?? 0n;
  const converted = await convertMinor(db, { amountMinor: owed, from: "USD", to: deal.currency, date: on });
  if (!converted) return false;
  const wanted = (converted.amountMinor * 5n) / 4n;
  for (const instalment of deal.instalments) {
    const status = await db.advance.findUniqueOrThrow({ where: { id: advanceId }, select: { status: true } });
    if (status.status === "REPAID") return true;
    const paid = await db.receipt.aggregate({
      where: { dealId, kind: "MG_INSTALMENT", instalmentIndex: instalment.position },
      _sum: { amountMinor: true },
    });
    const open = instalment.amountMinor - (paid._sum.amountMinor ?? 0n);
    if (open <= 0n) continue;
    const result = await recordReceipt(
      studio,
      dealId,
      {
        kind: "MG_INSTALMENT",
        amount: money(open < wanted ? open : wanted, deal.currency),
        receivedOn: on,
        instalmentIndex: instalment.position,
      },
      { clock: clock.on(on, 14) },
    );
    if (!result.ok) continue;
  }
  const final = await db.advance.findUniqueOrThrow({ where: { id: advanceId }, select: { status: true } });
  return final.status === "REPAID";
}
