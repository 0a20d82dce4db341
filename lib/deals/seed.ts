/**
 * The demo deals: signed, proposed, draft and terminated deals between the demo
 * studios and partners, exclusive and non-exclusive, in USD, CNY, KRW, THB and BRL, so the avails
 * matrix tells a story:
 *
 * - Jade Mountain → Siam Screen: “The Celestial Path” exclusive SVOD+AVOD in South-east Asia except
 *   Singapore, 2026–2028, MG 1,200,000.00 USD in two instalments, fee, expense cap, share tiers,
 *   a 5% creators' pool (SIGNED) — SEA is BLOCKED for streaming, Singapore stays AVAILABLE;
 * - Siam Screen ← Jade Mountain: “Lantern Town” non-exclusive free TV in Thailand (SIGNED) —
 *   blocks exclusive requests only;
 * - Jade Mountain → Aurora Filmes: “Fog Harbour” exclusive digital in Latin America (SIGNED); the
 *   studio holds that title only in Asia and Latin America (rights held), so Europe etc. are NOT_HELD;
 * - Jade Mountain → Siam Screen: “Kung Fu Delivery” theatrical + pay TV, signed by the studio and
 *   awaiting the partner's signature (PROPOSED);
 * - Aurora Filmes → Jade Mountain: “Panda Agents” free TV + AVOD in Brazil/Latin America (DRAFT);
 * - Hanbit → Siam Screen: “Letters of Spring” exclusive pay TV in Thailand with a free-TV holdback
 *   until 2027-06-30 (SIGNED) — Thai free TV is BLOCKED by the holdback until then;
 * - Hanbit → Aurora Filmes: “Off Orbit” non-exclusive theatrical in Brazil (SIGNED);
 * - Hanbit licenses IN from Jade Mountain: “The Lone Citadel Swordsman” for Korea in KRW (SIGNED);
 * - Jade Mountain → Siam Screen: “The Homebound Train” free TV in Thailand, signed then TERMINATED
 *   (its rights are available again);
 * - “The Celestial Path” season by season (issue 15): season 1 exclusive SVOD in Brazil to Aurora
 *   Filmes, season 2 exclusive pay TV in Thailand to Siam Screen (both SIGNED) — season 3 stays
 *   AVAILABLE in those cells, the whole series does not. The season 2 deal was then amended (signed by
 *   both): window extended to 2028-06-30 and Laos added; the season 1 deal has a renewal option open
 *   (notice by 2027-11-30, extends to 2029-02-28, MG +10%).
 *
 * Everything goes through the app's commands and zod schemas (createDeal, addGrant, proposeDeal,
 * signDeal, terminateDeal, createAmendment/proposeAmendment/signAmendment, setRightsHeld) acting
 * as the demo OWNERs with requestId "seed", so the
 * seed obeys the rules (currency exponents, instalments adding up to the MG, conflict and
 * chain-of-title checks at signature) and leaves a normal audit trail.
 *
 * Dated by the demo clock (lib/orgs/demo-clock.ts, `dealTimeline` below): signed deals were drafted,
 * proposed and signed in the weeks before their first grant starts; drafts and proposals still
 * waiting happened in the last two weeks before the run.
 *
 * Idempotent: a deal whose name already exists between the same two organisations is skipped, and
 * rights held are recorded only on a title that has none, so a second run changes nothing. Titles
 * come from the demo catalogue (lib/catalogue/seed.ts), looked up by studio + original title;
 * a deal whose title is missing is skipped with a warning.
 */

import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { addDays, type Clock } from "@/lib/dates";
import { db } from "@/lib/db/client";
import { createAmendment, proposeAmendment, signAmendment } from "@/lib/deals/commands/amend";
import { createDeal } from "@/lib/deals/commands/draft";
import { terminateDeal } from "@/lib/deals/commands/end";
import { addGrant } from "@/lib/deals/commands/grants";
import { proposeDeal, signDeal } from "@/lib/deals/commands/sign";
import { setRightsHeld } from "@/lib/deals/rights-held";
import { amendmentInputSchema, createDealSchema, grantInputSchema, rightsHeldSchema } from "@/lib/deals/schema";
import { type DemoClock, demoClock } from "@/lib/orgs/demo-clock";
import { demoOwner } from "@/lib/orgs/seed";
import type { Result } from "@/lib/result";

type Party = "studioCn" | "studioKr" | "partnerTh" | "partnerBr";
type Studio = "studioCn" | "studioKr";

type TitleRef = {
  studio: Studio;
  originalTitle: string;
  /** An INTERNATIONAL version's name, when the grant is for that version. */
  version?: string;
};

type GrantSeed = {
  title: TitleRef;
  territories: string[];
  excludedTerritories?: string[];
  mediaRights: string[];
  languages?: string[];
  start: string;
  end: string;
  exclusive: boolean;
  holdbacks?: { mediaRights: string[]; territories: string[]; until: string }[];
  editsPermitted?: boolean;
  /** Seasons of a series (absent: every season). */
  seasons?: number[];
};

type DealSeed = {
  name: string;
  licensor: Party;
  licensee: Party;
  /** Who drafts (and proposes) the deal: either party. */
  drafter: Party;
  currency: string;
  terms: Record<string, unknown>;
  grants: GrantSeed[];
  /** DRAFT stays a draft; PROPOSED is proposed by the drafter (and then signed by `signedBy`, in order). */
  stage: "DRAFT" | "PROPOSED";
  signedBy?: Party[];
  /** Terminated by a party on `on` (a story date). */
  terminate?: { by: Party; reason: string; on: string };
  /**
   * An amendment after signature, drafted and proposed by `by`, signed by the other party then by
   * `by`: each grant's changes by the grant's position in `grants`.
   */
  amend?: {
    by: Party;
    effectiveOn: string;
    /** Story dates: drafted and proposed, then signed by the other party and by `by`. */
    on: { proposed: string; signatures: [string, string] };
    note: string;
    updateGrants: { grant: number; end?: string; territories?: string[] }[];
  };
};

const money = (amount: string, currency: string) => ({ amount, currency });

const T = {
  celestialPath: { studio: "studioCn", originalTitle: "天衍仙途", version: "South-east Asia streaming version" },
  celestialSeries: { studio: "studioCn", originalTitle: "天衍仙途" },
  lanternTown: { studio: "studioCn", originalTitle: "灯笼小镇" },
  fogHarbour: { studio: "studioCn", originalTitle: "雾港迷踪" },
  kungFuDelivery: { studio: "studioCn", originalTitle: "功夫外卖" },
  pandaAgents: { studio: "studioCn", originalTitle: "熊猫特工队" },
  homeboundTrain: { studio: "studioCn", originalTitle: "归途列车" },
  loneCitadel: { studio: "studioCn", originalTitle: "孤城剑客" },
  lettersOfSpring: { studio: "studioKr", originalTitle: "봄날의 편지" },
  offOrbit: { studio: "studioKr", originalTitle: "궤도 이탈" },
} satisfies Record<string, TitleRef>;

/**
 * Chain of title recorded for one title: Jade Mountain acquired “Fog Harbour” from its co-producer
 * for Asia (M49 142) and Latin America only, 2024–2033. Everywhere else avails answer NOT_HELD.
 */
const RIGHTS_HELD: { title: TitleRef; items: unknown[] }[] = [
  {
    title: T.fogHarbour,
    items: [
      {
        territories: ["142", "LATAM"],
        mediaRights: ["THEATRICAL", "TV", "DIGITAL", "NON_THEATRICAL", "HOME_VIDEO", "DERIVATIVE", "ANCILLARY"],
        start: "2024-01-01",
        end: "2033-12-31",
        exclusive: true,
      },
    ],
  },
];

export const DEMO_DEALS: readonly DealSeed[] = [
  {
    name: "The Celestial Path · South-east Asia streaming 2026–2028",
    licensor: "studioCn",
    licensee: "partnerTh",
    drafter: "studioCn",
    currency: "USD",
    terms: {
      minimumGuarantee: money("1200000.00", "USD"),
      instalments: [
        { amount: money("600000.00", "USD"), dueDate: "2026-01-15", trigger: "SIGNATURE" },
        { amount: money("600000.00", "USD"), dueDate: "2026-03-31", trigger: "DELIVERY" },
      ],
      distributionFeePct: "25",
      expenseCap: money("150000.00", "USD"),
      shareTiers: [
        { upTo: "1000000.00", pct: "50" },
        { upTo: null, pct: "60" },
      ],
      creatorParticipationPct: "5",
      participants: [
        { name: "Mo Qingshan", role: "Author of the original novel", share: "50" },
        { name: "Xu Lan", role: "Director", share: "30" },
        { name: "Gao Jian", role: "Head writer", share: "20" },
      ],
    },
    grants: [
      {
        title: T.celestialPath,
        territories: ["SEA"],
        excludedTerritories: ["SG"],
        mediaRights: ["SVOD", "AVOD"],
        languages: ["th", "vi", "id", "ms", "en"],
        start: "2026-01-01",
        end: "2028-12-31",
        exclusive: true,
        editsPermitted: true,
      },
    ],
    stage: "PROPOSED",
    signedBy: ["partnerTh", "studioCn"],
  },
  {
    name: "Lantern Town · Thai free TV 2026–2028 (non-exclusive)",
    licensor: "studioCn",
    licensee: "partnerTh",
    drafter: "partnerTh",
    currency: "THB",
    terms: {
      minimumGuarantee: money("1800000.00", "THB"),
      instalments: [{ amount: money("1800000.00", "THB"), dueDate: "2026-04-15", trigger: "SIGNATURE" }],
    },
    grants: [
      {
        title: T.lanternTown,
        territories: ["TH"],
        mediaRights: ["FREE_TV"],
        languages: ["th"],
        start: "2026-04-01",
        end: "2028-03-31",
        exclusive: false,
      },
    ],
    stage: "PROPOSED",
    signedBy: ["studioCn", "partnerTh"],
  },
  {
    name: "Fog Harbour · Latin America digital 2026–2029",
    licensor: "studioCn",
    licensee: "partnerBr",
    drafter: "studioCn",
    currency: "USD",
    terms: {
      minimumGuarantee: money("450000.00", "USD"),
      instalments: [
        { amount: money("225000.00", "USD"), trigger: "SIGNATURE" },
        { amount: money("225000.00", "USD"), trigger: "DELIVERY" },
      ],
      distributionFeePct: "30",
      expenseCap: money("60000.00", "USD"),
      shareTiers: [{ upTo: null, pct: "55" }],
    },
    grants: [
      {
        title: T.fogHarbour,
        territories: ["LATAM"],
        mediaRights: ["DIGITAL"],
        languages: ["es", "pt"],
        start: "2026-03-01",
        end: "2029-02-28",
        exclusive: true,
      },
    ],
    stage: "PROPOSED",
    signedBy: ["partnerBr", "studioCn"],
  },
  {
    name: "Kung Fu Delivery · Thai theatrical and pay TV 2026–2028",
    licensor: "studioCn",
    licensee: "partnerTh",
    drafter: "studioCn",
    currency: "CNY",
    terms: {
      minimumGuarantee: money("2000000.00", "CNY"),
      instalments: [
        { amount: money("1000000.00", "CNY"), trigger: "SIGNATURE" },
        { amount: money("1000000.00", "CNY"), trigger: "RELEASE" },
      ],
      distributionFeePct: "35",
      expenseCap: money("400000.00", "CNY"),
      shareTiers: [
        { upTo: "5000000.00", pct: "45" },
        { upTo: null, pct: "55" },
      ],
    },
    grants: [
      {
        title: T.kungFuDelivery,
        territories: ["TH"],
        mediaRights: ["THEATRICAL", "PAY_TV"],
        languages: ["th"],
        start: "2026-06-01",
        end: "2028-05-31",
        exclusive: true,
      },
    ],
    // The studio signed its own proposal; the partner's signature is awaited.
    stage: "PROPOSED",
    signedBy: ["studioCn"],
  },
  {
    name: "Panda Agents · Brazil kids TV and AVOD 2027–2029",
    licensor: "studioCn",
    licensee: "partnerBr",
    drafter: "partnerBr",
    currency: "BRL",
    terms: {
      minimumGuarantee: money("900000.00", "BRL"),
      instalments: [
        { amount: money("450000.00", "BRL"), trigger: "SIGNATURE" },
        { amount: money("450000.00", "BRL"), trigger: "DELIVERY" },
      ],
      distributionFeePct: "20",
    },
    grants: [
      {
        title: T.pandaAgents,
        territories: ["BR"],
        mediaRights: ["FREE_TV"],
        languages: ["pt"],
        start: "2027-01-01",
        end: "2029-12-31",
        exclusive: true,
      },
      {
        title: T.pandaAgents,
        territories: ["LATAM"],
        mediaRights: ["AVOD"],
        languages: ["pt", "es"],
        start: "2027-01-01",
        end: "2029-12-31",
        exclusive: false,
      },
    ],
    stage: "DRAFT",
  },
  {
    name: "Letters of Spring · Thai pay TV 2026–2029",
    licensor: "studioKr",
    licensee: "partnerTh",
    drafter: "studioKr",
    currency: "THB",
    terms: {
      minimumGuarantee: money("9600000.00", "THB"),
      instalments: [
        { amount: money("4800000.00", "THB"), trigger: "SIGNATURE" },
        { amount: money("4800000.00", "THB"), trigger: "DELIVERY" },
      ],
      distributionFeePct: "20",
      shareTiers: [
        { upTo: "20000000.00", pct: "50" },
        { upTo: null, pct: "60" },
      ],
    },
    grants: [
      {
        title: T.lettersOfSpring,
        territories: ["TH"],
        mediaRights: ["PAY_TV"],
        languages: ["th"],
        start: "2026-03-01",
        end: "2029-02-28",
        exclusive: true,
        // The studio keeps the series off Thai free TV until the pay-TV window has had its run.
        holdbacks: [{ mediaRights: ["FREE_TV"], territories: ["TH"], until: "2027-06-30" }],
      },
    ],
    stage: "PROPOSED",
    signedBy: ["partnerTh", "studioKr"],
  },
  {
    name: "Off Orbit · Brazil theatrical 2026–2027 (non-exclusive)",
    licensor: "studioKr",
    licensee: "partnerBr",
    drafter: "studioKr",
    currency: "BRL",
    terms: {
      minimumGuarantee: money("250000.00", "BRL"),
      instalments: [{ amount: money("250000.00", "BRL"), trigger: "RELEASE" }],
      distributionFeePct: "30",
      expenseCap: money("120000.00", "BRL"),
      shareTiers: [
        { upTo: "2000000.00", pct: "45" },
        { upTo: null, pct: "55" },
      ],
    },
    grants: [
      {
        title: T.offOrbit,
        territories: ["BR"],
        mediaRights: ["THEATRICAL"],
        languages: ["pt"],
        start: "2026-05-01",
        end: "2027-04-30",
        exclusive: false,
      },
    ],
    stage: "PROPOSED",
    signedBy: ["partnerBr", "studioKr"],
  },
  {
    // License-in: Hanbit (a studio) is the licensee of a Chinese title for Korea.
    name: "The Lone Citadel Swordsman · Korea theatrical and digital 2026–2029",
    licensor: "studioCn",
    licensee: "studioKr",
    drafter: "studioKr",
    currency: "KRW",
    terms: {
      minimumGuarantee: money("350000000", "KRW"),
      instalments: [
        { amount: money("175000000", "KRW"), trigger: "SIGNATURE" },
        { amount: money("175000000", "KRW"), trigger: "DELIVERY" },
      ],
      distributionFeePct: "25",
      shareTiers: [{ upTo: null, pct: "50" }],
      creatorParticipationPct: "3",
      participants: [
        { name: "Han Zhiyuan", role: "Director", share: "60" },
        { name: "Wen Ruoxi", role: "Screenwriter", share: "40" },
      ],
    },
    grants: [
      {
        title: T.loneCitadel,
        territories: ["KR"],
        mediaRights: ["THEATRICAL", "DIGITAL"],
        languages: ["ko"],
        start: "2026-02-01",
        end: "2029-01-31",
        exclusive: true,
        editsPermitted: true,
      },
    ],
    stage: "PROPOSED",
    signedBy: ["studioCn", "studioKr"],
  },
  {
    name: "The Homebound Train · Thai free TV 2025–2027 (terminated)",
    licensor: "studioCn",
    licensee: "partnerTh",
    drafter: "studioCn",
    currency: "CNY",
    terms: {
      minimumGuarantee: money("600000.00", "CNY"),
      instalments: [
        { amount: money("300000.00", "CNY"), dueDate: "2025-07-15", trigger: "SIGNATURE" },
        { amount: money("300000.00", "CNY"), dueDate: "2025-12-31", trigger: "DATE" },
      ],
    },
    grants: [
      {
        title: T.homeboundTrain,
        territories: ["TH"],
        mediaRights: ["FREE_TV"],
        languages: ["th"],
        start: "2025-07-01",
        end: "2027-06-30",
        exclusive: true,
      },
    ],
    stage: "PROPOSED",
    signedBy: ["partnerTh", "studioCn"],
    terminate: {
      by: "studioCn",
      reason: "The second MG instalment (CNY 300,000.00, due 2025-12-31) was not paid; the rights revert to the licensor.",
      on: "2026-01-21",
    },
  },
  {
    name: "The Celestial Path · Season 1 · Brazil streaming 2026–2028",
    licensor: "studioCn",
    licensee: "partnerBr",
    drafter: "partnerBr",
    currency: "BRL",
    terms: {
      minimumGuarantee: money("900000.00", "BRL"),
      instalments: [{ amount: money("900000.00", "BRL"), dueDate: "2026-03-31", trigger: "SIGNATURE" }],
      // Aurora may renew season 1 for another year, at a 10% higher MG, until the end of November 2027.
      renewalOption: { noticeBy: "2027-11-30", extendsTo: "2029-02-28", mgIncreasePct: "10" },
    },
    grants: [
      {
        title: T.celestialSeries,
        seasons: [1],
        territories: ["BR"],
        mediaRights: ["SVOD"],
        languages: ["pt-BR"],
        start: "2026-03-01",
        end: "2028-02-29",
        exclusive: true,
      },
    ],
    stage: "PROPOSED",
    signedBy: ["studioCn", "partnerBr"],
  },
  {
    name: "The Celestial Path · Season 2 · Thai pay TV 2026–2027",
    licensor: "studioCn",
    licensee: "partnerTh",
    drafter: "studioCn",
    currency: "THB",
    terms: {
      minimumGuarantee: money("2400000.00", "THB"),
      instalments: [{ amount: money("2400000.00", "THB"), dueDate: "2026-06-30", trigger: "SIGNATURE" }],
    },
    grants: [
      {
        title: T.celestialSeries,
        seasons: [2],
        territories: ["TH"],
        mediaRights: ["PAY_TV"],
        languages: ["th"],
        start: "2026-06-01",
        end: "2027-12-31",
        exclusive: true,
      },
    ],
    stage: "PROPOSED",
    signedBy: ["partnerTh", "studioCn"],
    amend: {
      by: "studioCn",
      effectiveOn: "2026-11-15",
      on: { proposed: "2026-11-03", signatures: ["2026-11-10", "2026-11-12"] },
      note: "Season 2 stays on Siam Screen's pay-TV channel six more months, and the channel now also reaches Laos.",
      updateGrants: [{ grant: 0, end: "2028-06-30", territories: ["TH", "LA"] }],
    },
  },
];

// ---------------------------------------------------------------------------------------------

function parse<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new Error(`seed-deals: ${what} is invalid: ${JSON.stringify(parsed.error.issues)}`);
  return parsed.data;
}

function unwrap<T>(result: Result<T>, what: string): T {
  if (result.ok) return result.value;
  throw new Error(
    `seed-deals: ${what} refused (${result.reason}): ${result.message} ${JSON.stringify(result.errors ?? result.details ?? [])}`,
  );
}

/** Each demo organisation's OWNER, acting for it with requestId "seed". */
async function partyActors(): Promise<Record<Party, Actor>> {
  const parties: Party[] = ["studioCn", "studioKr", "partnerTh", "partnerBr"];
  const entries = await Promise.all(parties.map(async (key) => [key, await demoOwner(key, "seed-deals")] as const));
  return Object.fromEntries(entries) as Record<Party, Actor>;
}

type FoundTitle = { id: string; versionId: string | null };

/** A LISTED, unarchived title of the studio by original title (and its named version), or null. */
async function findTitle(actors: Record<Party, Actor>, ref: TitleRef): Promise<FoundTitle | null> {
  const title = await db.title.findFirst({
    where: { studioId: actors[ref.studio].org.id, originalTitle: ref.originalTitle, visibility: "LISTED", archivedAt: null },
    select: { id: true },
  });
  if (!title) return null;
  if (!ref.version) return { id: title.id, versionId: null };
  const version = await db.version.findFirst({ where: { titleId: title.id, name: ref.version }, select: { id: true } });
  return { id: title.id, versionId: version?.id ?? null };
}

export type DealTimeline = { created: Clock; proposed: Clock; signatures: [Clock, Clock] };

/**
 * When a demo deal was drafted, proposed and signed: a deal both parties signed 47, 40, 27 and 25
 * days before its first grant starts (so before its first statement and receipt); a deal still
 * waiting (a draft, or a proposal awaiting a signature) 16, 12, 12 and 11 days before the run.
 */
export function dealTimeline(firstStart: string, waiting: boolean, clock: DemoClock): DealTimeline {
  if (waiting)
    return { created: clock.daysAgo(16, 9), proposed: clock.daysAgo(12, 10), signatures: [clock.daysAgo(12, 15), clock.daysAgo(11, 15)] };
  return {
    created: clock.on(addDays(firstStart, -47), 9),
    proposed: clock.on(addDays(firstStart, -40), 10),
    signatures: [clock.on(addDays(firstStart, -27), 15), clock.on(addDays(firstStart, -25), 11)],
  };
}

export type DealsSeedResult = { created: boolean; deals: number; rightsHeld: number; skipped: string[] };

/**
 * Creates the demo deals between the demo organisations (which `seed()` and `seedCatalogue()`
 * create first). Deals and rights held that already exist are left alone.
 */
export async function seedDeals(runAt: Date = new Date()): Promise<DealsSeedResult> {
  const actors = await partyActors();
  const clock = demoClock(runAt);
  const result: DealsSeedResult = { created: false, deals: 0, rightsHeld: 0, skipped: [] };

  // Rights held first: a grant outside them could not be signed.
  for (const r of RIGHTS_HELD) {
    const title = await findTitle(actors, r.title);
    if (!title) {
      result.skipped.push(`rights held of “${r.title.originalTitle}” (title not in the catalogue)`);
      continue;
    }
    if ((await db.rightsHeld.count({ where: { titleId: title.id } })) > 0) continue;
    const what = `rights held of “${r.title.originalTitle}”`;
    unwrap(await setRightsHeld(actors[r.title.studio], title.id, parse(rightsHeldSchema, { items: r.items }, what)), what);
    result.rightsHeld++;
  }

  for (const spec of DEMO_DEALS) {
    const what = `deal “${spec.name}”`;
    const licensor = actors[spec.licensor];
    const licensee = actors[spec.licensee];
    const drafter = actors[spec.drafter];
    const existing = await db.deal.findFirst({
      where: { name: spec.name, licensorId: licensor.org.id, licenseeId: licensee.org.id },
      select: { id: true },
    });
    if (existing) continue;

    const titles: FoundTitle[] = [];
    for (const g of spec.grants) {
      const found = await findTitle(actors, g.title);
      if (found) titles.push(found);
    }
    if (titles.length !== spec.grants.length) {
      result.skipped.push(`${what} (a title is not in the catalogue)`);
      continue;
    }

    const other = spec.drafter === spec.licensor ? { licenseeId: licensee.org.id } : { licensorId: licensor.org.id };
    const input = parse(createDealSchema, { name: spec.name, currency: spec.currency, terms: spec.terms, ...other }, what);
    const firstStart = spec.grants.map((g) => g.start).sort()[0]!;
    const when = dealTimeline(firstStart, spec.stage === "DRAFT" || (spec.signedBy ?? []).length < 2, clock);
    const { id: dealId } = unwrap(await createDeal(drafter, input, when.created), what);
    const grantIds: string[] = [];
    for (const [i, g] of spec.grants.entries()) {
      const { title: _ref, ...grant } = g;
      const found = titles[i]!;
      const data = parse(
        grantInputSchema,
        { ...grant, titleId: found.id, ...(found.versionId && { versionId: found.versionId }) },
        `${what} grant ${i + 1}`,
      );
      grantIds.push(unwrap(await addGrant(drafter, dealId, data), `${what} grant ${i + 1}`).id);
    }
    if (spec.stage === "PROPOSED") {
      unwrap(await proposeDeal(drafter, dealId, undefined, when.proposed), `${what} proposal`);
      for (const [i, party] of (spec.signedBy ?? []).entries())
        unwrap(await signDeal(actors[party], dealId, undefined, when.signatures[i]), `${what} signature by ${party}`);
    }
    if (spec.amend) {
      const { by, effectiveOn, on, note, updateGrants } = spec.amend;
      const changes = { updateGrants: updateGrants.map(({ grant, ...change }) => ({ grantId: grantIds[grant]!, ...change })) };
      const amendment = parse(amendmentInputSchema, { effectiveOn, note, changes }, `${what} amendment`);
      const drafted = clock.on(on.proposed, 9);
      const { id: amendmentId } = unwrap(await createAmendment(actors[by], dealId, amendment, drafted), `${what} amendment`);
      unwrap(await proposeAmendment(actors[by], dealId, amendmentId, undefined, clock.on(on.proposed, 10)), `${what} amendment proposal`);
      const other = by === spec.licensor ? spec.licensee : spec.licensor;
      for (const [i, party] of [other, by].entries())
        unwrap(
          await signAmendment(actors[party], dealId, amendmentId, undefined, clock.on(on.signatures[i]!, 15)),
          `${what} amendment signature by ${party}`,
        );
    }
    if (spec.terminate)
      unwrap(
        await terminateDeal(actors[spec.terminate.by], dealId, spec.terminate.reason, clock.on(spec.terminate.on, 16)),
        `${what} termination`,
      );
    result.deals++;
  }

  for (const s of result.skipped) console.warn(`seed-deals: skipped ${s}`);
  result.created = result.deals > 0 || result.rightsHeld > 0;
  return result;
}
