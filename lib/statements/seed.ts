/**
 * The demo year of money: monthly FX rates from December 2025 to November 2026,
 * two foreign studios licensing INTO the demo studios (so they have IP payments, in JPY and USD),
 * and a year of revenue statements and receipts on the signed demo deals in USD, CNY-studio,
 * KRW, THB, BRL and JPY — so the outcomes page and the receipts ÷ payments ratio tell a story:
 *
 * - Sakura Lantern Animation (JP) → Jade Mountain: “Harbour of Falling Stars”, Chinese streaming,
 *   MG 120,000,000 JPY paid in four quarterly instalments (Jade's payments);
 * - Northlight Pictures (GB) → Hanbit: “The Glass Orchard”, Korean pay TV and streaming, MG
 *   400,000.00 USD in three instalments (Hanbit's payments);
 * - on the signed demo deals, the licensees report monthly or quarterly; the licensors accept
 *   (one Celestial Path statement is disputed, then corrected by a superseding statement, and the
 *   latest one waits for review), receive MG instalments and, on Fog Harbour, overage once the
 *   licensor's share passes the MG. Some MG stays open on the deals the facility lends against.
 *
 * Everything goes through the commands (createTitle, createDeal … signDeal, putFxRates,
 * submitStatement, acceptStatement, disputeStatement, recordReceipt) as the demo OWNERs with
 * requestId "seed", in date order per deal, so the audit trail is normal and every rule holds. Each
 * command runs on the demo clock (lib/orgs/demo-clock.ts): a statement is submitted ten days after
 * its period and accepted three days later, a receipt is recorded on the day it was received.
 * Idempotent: FX rates of a date already entered, deals that already exist, and deals that already
 * have statements (or receipts) are left alone.
 */

import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { createActor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { createTitle } from "@/lib/catalogue/commands";
import { createTitleSchema } from "@/lib/catalogue/schema";
import { addDays, toDbDate } from "@/lib/dates";
import { db } from "@/lib/db/client";
import { createDeal } from "@/lib/deals/commands/draft";
import { addGrant } from "@/lib/deals/commands/grants";
import { proposeDeal, signDeal } from "@/lib/deals/commands/sign";
import { createDealSchema, grantInputSchema } from "@/lib/deals/schema";
import { dealTimeline } from "@/lib/deals/seed";
import { putFxRates } from "@/lib/fx/commands";
import { formatAmount } from "@/lib/money/money";
import { type DemoClock, demoClock } from "@/lib/orgs/demo-clock";
import type { OrgKind } from "@/lib/orgs/schema";
import { DEMO_PASSWORD_DEFAULT } from "@/lib/orgs/seed";
import { minorUnits } from "@/lib/reference/currencies";
import type { Result } from "@/lib/result";
import { recordReceipt } from "./commands/receipts";
import { acceptStatement, disputeStatement, submitStatement } from "./commands/statements";
import { dealTermsSelect, loadBalance } from "./queries";
import { type RevenueType, recordReceiptSchema, submitStatementSchema } from "./schema";

type OrgRef = { name: string; kind: OrgKind; homeCountry: string; owner: string; ownerName: string };

const ORGS = {
  platform: { name: "Rightsbridge Platform", kind: "PLATFORM", homeCountry: "SG", owner: "admin@demo.rightsbridge.test", ownerName: "" },
  studioCn: { name: "Jade Mountain Pictures", kind: "STUDIO", homeCountry: "CN", owner: "studio@demo.rightsbridge.test", ownerName: "" },
  studioKr: { name: "Hanbit Story Studios", kind: "STUDIO", homeCountry: "KR", owner: "studio.kr@demo.rightsbridge.test", ownerName: "" },
  partnerTh: {
    name: "Siam Screen Distribution",
    kind: "PARTNER",
    homeCountry: "TH",
    owner: "partner@demo.rightsbridge.test",
    ownerName: "",
  },
  partnerBr: { name: "Aurora Filmes", kind: "PARTNER", homeCountry: "BR", owner: "partner.br@demo.rightsbridge.test", ownerName: "" },
  studioJp: {
    name: "Sakura Lantern Animation",
    kind: "STUDIO",
    homeCountry: "JP",
    owner: "studio.jp@demo.rightsbridge.test",
    ownerName: "Sato Haruka",
  },
  studioGb: {
    name: "Northlight Pictures",
    kind: "STUDIO",
    homeCountry: "GB",
    owner: "studio.gb@demo.rightsbridge.test",
    ownerName: "Eleanor Hughes",
  },
} satisfies Record<string, OrgRef>;
type OrgKey = keyof typeof ORGS;
/** Organisations this seed creates when missing (the others come from prisma/seed.ts). */
const FOREIGN: OrgKey[] = ["studioJp", "studioGb"];

// ---- FX: 1 USD in each currency on the first of every month ------------------------------------

const FX_MONTHS = [
  "2025-12",
  "2026-01",
  "2026-02",
  "2026-03",
  "2026-04",
  "2026-05",
  "2026-06",
  "2026-07",
  "2026-08",
  "2026-09",
  "2026-10",
  "2026-11",
];
const FX_PER_USD: Record<string, string[]> = {
  CNY: ["7.3012", "7.2895", "7.2710", "7.2564", "7.2403", "7.2215", "7.2030", "7.1842", "7.1705", "7.1520", "7.1336", "7.1208"],
  KRW: ["1465.20", "1458.75", "1449.10", "1440.35", "1432.80", "1420.15", "1410.60", "1398.25", "1392.40", "1386.05", "1380.50", "1375.30"],
  JPY: ["156.24", "155.41", "153.82", "152.10", "150.63", "149.87", "148.32", "147.55", "146.81", "145.92", "146.40", "147.08"],
  THB: ["34.612", "34.405", "34.118", "33.874", "33.602", "33.415", "33.120", "32.905", "32.780", "32.615", "32.705", "32.890"],
  BRL: ["5.9214", "5.8833", "5.8105", "5.7620", "5.7018", "5.6432", "5.6015", "5.5507", "5.5216", "5.4830", "5.4502", "5.4317"],
  EUR: ["0.9312", "0.9254", "0.9203", "0.9148", "0.9102", "0.9051", "0.9004", "0.8953", "0.8907", "0.8855", "0.8803", "0.8781"],
};

// ---- the in-licensing deals ------------------------------------------------------------------------

const money = (amount: string, currency: string) => ({ amount, currency });

type TitleSpec = { studio: OrgKey; input: Record<string, unknown> };
const FOREIGN_TITLES: Record<string, TitleSpec> = {
  harbourStars: {
    studio: "studioJp",
    input: {
      kind: "ANIMATION",
      originalTitle: "星降る港",
      titles: { en: "Harbour of Falling Stars", zh: "星落之港" },
      originalLanguage: "ja",
      genres: ["FANTASY", "FAMILY"],
      year: 2025,
      runtimeMinutes: 112,
      synopsis: "A lighthouse keeper's daughter catches a falling star in her fishing net and must return it before the tide turns.",
      visibility: "LISTED",
    },
  },
  glassOrchard: {
    studio: "studioGb",
    input: {
      kind: "SERIES",
      originalTitle: "The Glass Orchard",
      titles: { en: "The Glass Orchard", zh: "玻璃果园" },
      originalLanguage: "en",
      genres: ["DRAMA", "MYSTERY"],
      year: 2025,
      episodeCount: 8,
      synopsis: "A botanist inherits a Victorian glasshouse in Kent and the secrets buried under its orchard.",
      visibility: "LISTED",
    },
  },
};

type InDeal = {
  name: string;
  licensor: OrgKey;
  licensee: OrgKey;
  currency: string;
  terms: Record<string, unknown>;
  title: keyof typeof FOREIGN_TITLES;
  grant: { territories: string[]; mediaRights: string[]; languages: string[]; start: string; end: string; exclusive: boolean };
};

const IN_DEALS: InDeal[] = [
  {
    name: "Harbour of Falling Stars · China streaming 2026–2028",
    licensor: "studioJp",
    licensee: "studioCn",
    currency: "JPY",
    terms: {
      minimumGuarantee: money("120000000", "JPY"),
      instalments: ["2026-01-15", "2026-04-15", "2026-07-15", "2026-10-15"].map((dueDate) => ({
        amount: money("30000000", "JPY"),
        dueDate,
        trigger: "DATE",
      })),
      distributionFeePct: "20",
      expenseCap: money("6000000", "JPY"),
      shareTiers: [{ upTo: null, pct: "50" }],
    },
    title: "harbourStars",
    grant: {
      territories: ["CN"],
      mediaRights: ["SVOD", "AVOD"],
      languages: ["zh"],
      start: "2026-01-01",
      end: "2028-12-31",
      exclusive: true,
    },
  },
  {
    name: "The Glass Orchard · Korea pay TV and streaming 2026–2028",
    licensor: "studioGb",
    licensee: "studioKr",
    currency: "USD",
    terms: {
      minimumGuarantee: money("400000.00", "USD"),
      instalments: [
        { amount: money("150000.00", "USD"), trigger: "SIGNATURE" },
        { amount: money("150000.00", "USD"), trigger: "DELIVERY" },
        { amount: money("100000.00", "USD"), trigger: "RELEASE" },
      ],
      distributionFeePct: "15",
      shareTiers: [
        { upTo: "800000.00", pct: "50" },
        { upTo: null, pct: "55" },
      ],
    },
    title: "glassOrchard",
    grant: {
      territories: ["KR"],
      mediaRights: ["PAY_TV", "SVOD"],
      languages: ["ko"],
      start: "2026-01-01",
      end: "2028-12-31",
      exclusive: true,
    },
  },
];

// ---- a year of statements and receipts -----------------------------------------------------------

/** One revenue line pattern: in month m (0-based) it reports base × (100 + growth × m) / 100. */
type LinePattern = { territory: string; mediaRight: string; revenueType: RevenueType; base: string; growth?: number };
type Period = { start: string; end: string };
type ReceiptPlan = { on: string; kind: "MG_INSTALMENT" | "OVERAGE"; instalment?: number; amount: string | "OVERAGE_OPEN" };

type Plan = {
  deal: string;
  periods: Period[];
  lines: LinePattern[];
  /** Reported distribution expenses per statement. */
  expenses?: string;
  receipts: ReceiptPlan[];
  /** Index of a statement the licensor disputes; the licensee then corrects it (supersedes). */
  disputed?: { index: number; reason: string; correctionFactor: number };
  /** Leave the last statement SUBMITTED (waiting for the licensor). */
  lastAwaitsReview?: boolean;
};

const months = (from: string, count: number): Period[] =>
  Array.from({ length: count }, (_, i) => {
    const [y, m] = from.split("-").map(Number);
    const start = new Date(Date.UTC(y!, m! - 1 + i, 1));
    const end = new Date(Date.UTC(y!, m! + i, 0));
    return { start: start.toISOString().slice(0, 10), end: end.toISOString().slice(0, 10) };
  });
const quarters = (list: [string, string][]): Period[] => list.map(([start, end]) => ({ start, end }));

const PLANS: Plan[] = [
  {
    deal: "The Celestial Path · South-east Asia streaming 2026–2028",
    periods: months("2026-01", 10),
    lines: ["TH", "VN", "ID", "MY", "PH"].flatMap((territory, i) => [
      { territory, mediaRight: "SVOD", revenueType: "STREAMING" as const, base: `${[18000, 9500, 14000, 7200, 8800][i]}.00`, growth: 9 },
      { territory, mediaRight: "AVOD", revenueType: "ADVERTISING" as const, base: `${[6200, 4100, 5300, 2600, 3900][i]}.00`, growth: 12 },
    ]),
    expenses: "18500.00",
    receipts: [
      { on: "2026-01-20", kind: "MG_INSTALMENT", instalment: 0, amount: "150000.00" },
      { on: "2026-04-10", kind: "MG_INSTALMENT", instalment: 0, amount: "300000.00" },
      { on: "2026-07-08", kind: "MG_INSTALMENT", instalment: 0, amount: "150000.00" },
      { on: "2026-10-12", kind: "MG_INSTALMENT", instalment: 1, amount: "300000.00" },
    ],
    disputed: {
      index: 6,
      reason: "The Vietnamese AVOD advertising revenue is missing for July; please add the platform's report.",
      correctionFactor: 108,
    },
    lastAwaitsReview: true,
  },
  {
    deal: "Fog Harbour · Latin America digital 2026–2029",
    periods: months("2026-03", 8),
    lines: ["BR", "MX", "AR", "CO", "CL"].flatMap((territory, i) => [
      { territory, mediaRight: "SVOD", revenueType: "STREAMING" as const, base: `${[52000, 31000, 14000, 9000, 8000][i]}.00`, growth: 22 },
      { territory, mediaRight: "TVOD", revenueType: "STREAMING" as const, base: `${[11000, 7500, 3200, 2100, 1900][i]}.00`, growth: 15 },
    ]),
    expenses: "9000.00",
    receipts: [
      { on: "2026-03-16", kind: "MG_INSTALMENT", instalment: 0, amount: "225000.00" },
      { on: "2026-06-22", kind: "MG_INSTALMENT", instalment: 1, amount: "225000.00" },
      { on: "2026-09-24", kind: "OVERAGE", amount: "OVERAGE_OPEN" },
      { on: "2026-10-26", kind: "OVERAGE", amount: "OVERAGE_OPEN" },
      { on: "2026-11-20", kind: "OVERAGE", amount: "OVERAGE_OPEN" },
    ],
  },
  {
    deal: "The Lone Citadel Swordsman · Korea theatrical and digital 2026–2029",
    periods: quarters([
      ["2026-02-01", "2026-03-31"],
      ["2026-04-01", "2026-06-30"],
      ["2026-07-01", "2026-09-30"],
    ]),
    lines: [
      { territory: "KR", mediaRight: "THEATRICAL", revenueType: "BOX_OFFICE", base: "182000000", growth: -40 },
      { territory: "KR", mediaRight: "SVOD", revenueType: "STREAMING", base: "41000000", growth: 60 },
      { territory: "KR", mediaRight: "TVOD", revenueType: "STREAMING", base: "12500000", growth: 35 },
    ],
    receipts: [{ on: "2026-02-10", kind: "MG_INSTALMENT", instalment: 0, amount: "175000000" }],
  },
  {
    deal: "Lantern Town · Thai free TV 2026–2028 (non-exclusive)",
    periods: quarters([
      ["2026-04-01", "2026-06-30"],
      ["2026-07-01", "2026-09-30"],
    ]),
    lines: [
      { territory: "TH", mediaRight: "FREE_TV", revenueType: "LICENSE_FEE", base: "420000.00", growth: 5 },
      { territory: "TH", mediaRight: "FREE_TV", revenueType: "ADVERTISING", base: "265000.00", growth: 18 },
    ],
    receipts: [{ on: "2026-05-15", kind: "MG_INSTALMENT", instalment: 0, amount: "900000.00" }],
  },
  {
    deal: "Letters of Spring · Thai pay TV 2026–2029",
    periods: quarters([
      ["2026-03-01", "2026-06-30"],
      ["2026-07-01", "2026-09-30"],
    ]),
    lines: [{ territory: "TH", mediaRight: "PAY_TV", revenueType: "LICENSE_FEE", base: "2650000.00", growth: 12 }],
    receipts: [
      { on: "2026-03-20", kind: "MG_INSTALMENT", instalment: 0, amount: "4800000.00" },
      { on: "2026-05-18", kind: "MG_INSTALMENT", instalment: 1, amount: "1600000.00" },
      { on: "2026-08-19", kind: "MG_INSTALMENT", instalment: 1, amount: "1600000.00" },
    ],
  },
  {
    deal: "Off Orbit · Brazil theatrical 2026–2027 (non-exclusive)",
    periods: months("2026-05", 6),
    lines: [{ territory: "BR", mediaRight: "THEATRICAL", revenueType: "BOX_OFFICE", base: "310000.00", growth: -14 }],
    expenses: "42000.00",
    receipts: [
      { on: "2026-06-15", kind: "MG_INSTALMENT", instalment: 0, amount: "100000.00" },
      { on: "2026-09-15", kind: "MG_INSTALMENT", instalment: 0, amount: "50000.00" },
    ],
  },
  {
    deal: "Harbour of Falling Stars · China streaming 2026–2028",
    periods: months("2026-01", 10),
    lines: [
      { territory: "CN", mediaRight: "SVOD", revenueType: "STREAMING", base: "14800000", growth: 8 },
      { territory: "CN", mediaRight: "AVOD", revenueType: "ADVERTISING", base: "5200000", growth: 10 },
    ],
    expenses: "900000",
    receipts: ["2026-01-20", "2026-04-21", "2026-07-20", "2026-10-19"].map((on, instalment) => ({
      on,
      kind: "MG_INSTALMENT" as const,
      instalment,
      amount: "30000000",
    })),
  },
  {
    deal: "The Glass Orchard · Korea pay TV and streaming 2026–2028",
    periods: quarters([
      ["2026-01-01", "2026-03-31"],
      ["2026-04-01", "2026-06-30"],
      ["2026-07-01", "2026-09-30"],
    ]),
    lines: [
      { territory: "KR", mediaRight: "PAY_TV", revenueType: "LICENSE_FEE", base: "96000.00", growth: 4 },
      { territory: "KR", mediaRight: "SVOD", revenueType: "STREAMING", base: "54000.00", growth: 20 },
    ],
    receipts: [
      { on: "2026-01-26", kind: "MG_INSTALMENT", instalment: 0, amount: "150000.00" },
      { on: "2026-04-28", kind: "MG_INSTALMENT", instalment: 1, amount: "150000.00" },
      { on: "2026-07-27", kind: "MG_INSTALMENT", instalment: 2, amount: "100000.00" },
    ],
  },
];

// ---------------------------------------------------------------------------------------------

function unwrap<T>(result: Result<T>, what: string): T {
  if (result.ok) return result.value;
  throw new Error(
    `seed-statements: ${what} refused (${result.reason}): ${result.message} ${JSON.stringify(result.errors ?? result.details ?? [])}`,
  );
}

function parse<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new Error(`seed-statements: ${what} is invalid: ${JSON.stringify(parsed.error.issues)}`);
  return parsed.data;
}

/** The foreign studios and their owners (created once), and every party's OWNER as an actor. */
async function actors(): Promise<{ actors: Partial<Record<OrgKey, Actor>>; created: boolean }> {
  let created = false;
  const passwordHash = await hashPassword(process.env.DEMO_PASSWORD ?? DEMO_PASSWORD_DEFAULT);
  for (const key of FOREIGN) {
    const o = ORGS[key];
    const org =
      (await db.organization.findFirst({ where: { name: o.name, kind: o.kind }, select: { id: true } })) ??
      (await db.organization.create({ data: { name: o.name, kind: o.kind, homeCountry: o.homeCountry }, select: { id: true } }));
    const user =
      (await db.user.findUnique({ where: { email: o.owner }, select: { id: true } })) ??
      // Demo people are verified (they sign the demo deals).
      (await db.user.create({
        data: { email: o.owner, name: o.ownerName, passwordHash, emailVerifiedAt: new Date() },
        select: { id: true },
      }));
    const member = await db.membership.findUnique({ where: { userId_organizationId: { userId: user.id, organizationId: org.id } } });
    if (!member) {
      await db.membership.create({ data: { userId: user.id, organizationId: org.id, role: "OWNER" } });
      created = true;
    }
  }
  const result: Partial<Record<OrgKey, Actor>> = {};
  for (const [key, o] of Object.entries(ORGS) as [OrgKey, OrgRef][]) {
    const org = await db.organization.findFirst({
      where: { name: o.name, kind: o.kind },
      select: { id: true, name: true, kind: true, homeCountry: true },
    });
    const user = await db.user.findUnique({ where: { email: o.owner }, select: { id: true } });
    if (org && user) result[key] = createActor({ userId: user.id, apiKeyId: null, org, role: "OWNER", requestId: "seed" });
  }
  return { actors: result, created };
}

async function seedFxRates(admin: Actor | undefined): Promise<number> {
  if (!admin) return 0;
  let entered = 0;
  for (const [i, month] of FX_MONTHS.entries()) {
    const date = `${month}-01`;
    const quotes = Object.keys(FX_PER_USD);
    const existing = await db.fxRate.findMany({ where: { date: toDbDate(date), base: "USD" }, select: { quote: true } });
    const missing = quotes.filter((q) => !existing.some((e) => e.quote === q));
    if (missing.length === 0) continue;
    unwrap(
      await putFxRates(admin, { date, base: "USD", rates: Object.fromEntries(missing.map((q) => [q, FX_PER_USD[q]![i]!])) }),
      `FX rates of ${date}`,
    );
    entered++;
  }
  return entered;
}

async function seedInDeals(a: Partial<Record<OrgKey, Actor>>, skipped: string[], clock: DemoClock): Promise<number> {
  let created = 0;
  for (const spec of IN_DEALS) {
    const licensor = a[spec.licensor];
    const licensee = a[spec.licensee];
    if (!licensor || !licensee) {
      skipped.push(`deal “${spec.name}” (an organisation is missing)`);
      continue;
    }
    if (await db.deal.findFirst({ where: { name: spec.name, licensorId: licensor.org.id, licenseeId: licensee.org.id } })) continue;
    const t = FOREIGN_TITLES[spec.title]!;
    const studio = a[t.studio]!;
    const originalTitle = t.input.originalTitle as string;
    const titleId =
      (await db.title.findFirst({ where: { studioId: studio.org.id, originalTitle }, select: { id: true } }))?.id ??
      unwrap(await createTitle(studio, parse(createTitleSchema, t.input, `title “${originalTitle}”`)), `title “${originalTitle}”`).id;
    const what = `deal “${spec.name}”`;
    const input = parse(
      createDealSchema,
      { name: spec.name, currency: spec.currency, terms: spec.terms, licenseeId: licensee.org.id },
      what,
    );
    const when = dealTimeline(spec.grant.start, false, clock);
    const { id } = unwrap(await createDeal(licensor, input, when.created), what);
    unwrap(await addGrant(licensor, id, parse(grantInputSchema, { ...spec.grant, titleId }, `${what} grant`)), `${what} grant`);
    unwrap(await proposeDeal(licensor, id, undefined, when.proposed), `${what} proposal`);
    unwrap(await signDeal(licensee, id, undefined, when.signatures[0]), `${what} signature by the licensee`);
    unwrap(await signDeal(licensor, id, undefined, when.signatures[1]), `${what} signature by the licensor`);
    created++;
  }
  return created;
}

/** `base` (a decimal in the currency) × (100 + growth × m) / 100, in the currency's exact digits. */
function grossOf(base: string, growth: number, m: number, factor: number, exponent: number): string {
  const [whole, fraction = ""] = base.split(".");
  const baseMinor = BigInt(whole! + fraction.padEnd(exponent, "0"));
  const pct = BigInt(Math.max(10, 100 + growth * m));
  // A little variation per month so the lines do not look machine-made.
  const wiggle = BigInt(100 + ((m * 7 + exponent * 3) % 9) - 4);
  const minor = (baseMinor * pct * wiggle * BigInt(factor)) / 100n / 100n / 100n;
  return formatAmount(minor, exponent);
}

type Event = { on: string; run: () => Promise<void> };

async function seedDealYear(plan: Plan, a: Partial<Record<OrgKey, Actor>>, skipped: string[], clock: DemoClock): Promise<boolean> {
  const deal = await db.deal.findFirst({
    where: { name: plan.deal, status: "SIGNED" },
    select: dealTermsSelect,
  });
  if (!deal) {
    skipped.push(`statements of “${plan.deal}” (no signed deal of that name)`);
    return false;
  }
  if ((await db.statement.count({ where: { dealId: deal.id } })) > 0 || (await db.receipt.count({ where: { dealId: deal.id } })) > 0)
    return false;
  const licensor = Object.values(a).find((x) => x?.org.id === deal.licensorId);
  const licensee = Object.values(a).find((x) => x?.org.id === deal.licenseeId);
  if (!licensor || !licensee) {
    skipped.push(`statements of “${plan.deal}” (a party's owner is missing)`);
    return false;
  }
  const titleId = (await db.grant.findFirstOrThrow({ where: { dealId: deal.id }, select: { titleId: true } })).titleId;
  const exponent = minorUnits(deal.currency);
  const what = (s: string) => `${s} on “${plan.deal}”`;

  const body = (p: Period, m: number, factor = 100) => ({
    periodStart: p.start,
    periodEnd: p.end,
    lines: plan.lines.map((l) => ({
      titleId,
      territory: l.territory,
      mediaRight: l.mediaRight,
      revenueType: l.revenueType,
      gross: money(grossOf(l.base, l.growth ?? 0, m, factor, exponent), deal.currency),
    })),
    ...(plan.expenses ? { expenses: money(plan.expenses, deal.currency) } : {}),
  });

  const events: Event[] = [];
  plan.periods.forEach((p, m) => {
    const last = m === plan.periods.length - 1;
    // Statements arrive about ten days after their period; the licensor reviews them three days later
    // (a disputed one is corrected within the week).
    const on = addDays(p.end, 10);
    events.push({
      on,
      run: async () => {
        const s = unwrap(
          await submitStatement(licensee, deal.id, parse(submitStatementSchema, body(p, m), what("statement")), {
            source: "API",
            clock: clock.on(on, 9),
          }),
          what(`statement ${p.start}`),
        );
        if (plan.disputed?.index === m) {
          unwrap(await disputeStatement(licensor, s.id, { reason: plan.disputed.reason }, clock.on(addDays(on, 3), 11)), what("dispute"));
          const corrected = { ...body(p, m, plan.disputed.correctionFactor), supersedesId: s.id };
          const c = unwrap(
            await submitStatement(licensee, deal.id, parse(submitStatementSchema, corrected, what("correction")), {
              source: "API",
              clock: clock.on(addDays(on, 6), 9),
            }),
            what("correction"),
          );
          unwrap(await acceptStatement(licensor, c.id, clock.on(addDays(on, 8), 11)), what("acceptance of the correction"));
        } else if (!(last && plan.lastAwaitsReview))
          unwrap(await acceptStatement(licensor, s.id, clock.on(addDays(on, 3), 11)), what(`acceptance ${p.start}`));
      },
    });
  });
  for (const r of plan.receipts) {
    events.push({
      on: r.on,
      run: async () => {
        let amount = r.amount;
        if (amount === "OVERAGE_OPEN") {
          const b = await loadBalance(db, deal);
          const open = b.overageDueMinor - b.overageReceivedMinor;
          if (open <= 0n) return;
          amount = formatAmount(open, exponent);
        }
        const input = parse(
          recordReceiptSchema,
          {
            kind: r.kind,
            amount: money(amount, deal.currency),
            receivedOn: r.on,
            ...(r.instalment === undefined ? {} : { instalmentIndex: r.instalment }),
          },
          what("receipt"),
        );
        unwrap(await recordReceipt(licensor, deal.id, input, { clock: clock.on(r.on, 14) }), what(`receipt of ${r.on}`));
      },
    });
  }
  events.sort((x, y) => (x.on < y.on ? -1 : x.on > y.on ? 1 : 0));
  for (const e of events) await e.run();
  return true;
}

export type StatementsSeedResult = { created: boolean; fxDates: number; deals: number; years: number; skipped: string[] };

/** Runs after seedDeals (prisma/seed.ts). */
export async function seedStatements(runAt: Date = new Date()): Promise<StatementsSeedResult> {
  const skipped: string[] = [];
  const clock = demoClock(runAt);
  const { actors: a, created: orgsCreated } = await actors();
  const fxDates = await seedFxRates(a.platform);
  const deals = await seedInDeals(a, skipped, clock);
  let years = 0;
  for (const plan of PLANS) if (await seedDealYear(plan, a, skipped, clock)) years++;
  for (const s of skipped) console.warn(`seed-statements: skipped ${s}`);
  return { created: orgsCreated || fxDates > 0 || deals > 0 || years > 0, fxDates, deals, years, skipped };
}
