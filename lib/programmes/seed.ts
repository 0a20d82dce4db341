/**
 * The demo export programme: the Silk Road Screen Export Fund (PROGRAMME, CN) runs a CNY
 * programme for Southeast Asia, the Middle East and Latin America. Jade Mountain Pictures applied,
 * was reviewed by programme.review@, awarded by programme@ (four-eyes) and paid in full; Hanbit
 * Story Studios applied and is in review. Everything goes through the programme's commands, so the
 * snapshots are the platform's own measurements of the demo receipts, versions and tests.
 *
 * Runs after the statements and facility seeds (it measures their receipts; the facility seed
 * entered the USD rates the conversion to CNY crosses through). Idempotent: once the programme
 * exists, nothing is changed. A studio that the FX rates or its records do not let apply is
 * skipped and named, like the facility seed does.
 */
import { type Actor, createActor } from "@/lib/auth/actor";
import { addDays, todayUtc } from "@/lib/dates";
import { db } from "@/lib/db/client";
import { DEMO_ORGS, DEMO_USERS, demoOwner } from "@/lib/orgs/seed";
import { applyToProgramme } from "./commands/apply";
import { decideApplication, reviewApplication } from "./commands/decide";
import { payOut } from "./commands/payouts";
import { createProgramme } from "./commands/programme";
import { getApplication } from "./queries";

export const DEMO_PROGRAMME_NAME = "Southeast Asia, Middle East and Latin America export awards";

async function reviewer(owner: Actor): Promise<Actor> {
  const email = DEMO_USERS.find((u) => u.memberships.some((m) => m.org === "programme" && m.role === "MEMBER"))!.email;
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  return createActor({ userId: user.id, apiKeyId: null, org: owner.org, role: "MEMBER", requestId: "seed" });
}

export async function seedProgrammes(): Promise<{ created: boolean; skipped: string[] }> {
  const owner = await demoOwner("programme", "seed-programmes");
  const existing = await db.programme.findFirst({ where: { orgId: owner.org.id, nameEn: DEMO_PROGRAMME_NAME } });
  if (existing) return { created: false, skipped: [] };
  const today = todayUtc();
  const created = await createProgramme(owner, {
    name: { en: DEMO_PROGRAMME_NAME, zh: "东南亚、中东与拉美出口奖励计划" },
    description: {
      en: "Rewards studios whose works earn abroad: 5% of measured foreign receipts, plus a bonus for each delivered international version and each audience test in the target markets.",
      zh: "奖励在海外取得收入的制片方：按平台测得的海外收入的 5% 配套，并对目标市场每个已交付的国际版本和每次观众测试给予奖励。",
    },
    currency: "CNY",
    budget: { amount: "3000000.00", currency: "CNY" },
    opensOn: addDays(today, -90),
    closesOn: addDays(today, 365),
    lookbackMonths: 24,
    targetTerritories: ["SEA", "MENA", "LATAM"],
    criteria: [
      { metric: "FOREIGN_RECEIPTS", min: "100000.00" },
      { metric: "LICENSED_COUNTRIES", min: "1" },
    ],
    award: {
      receiptsMatchPct: "5",
      perVersionBonus: { amount: "20000.00", currency: "CNY" },
      perMarketTestBonus: { amount: "5000.00", currency: "CNY" },
      capPerApplication: { amount: "500000.00", currency: "CNY" },
    },
  });
  if (!created.ok) throw new Error(`seed-programmes: ${created.message}`);
  const programmeId = created.value.id;
  const review = await reviewer(owner);
  const skipped: string[] = [];

  const studioName = (key: string) => DEMO_ORGS.find((o) => o.key === key)!.name;
  const jade = await demoOwner("studioCn", "seed-programmes");
  const jadeApp = await applyToProgramme(jade, programmeId);
  if (jadeApp.ok) {
    const id = jadeApp.value.id;
    await must(reviewApplication(review, programmeId, id, "Receipts and versions checked against the deals."));
    await must(decideApplication(owner, programmeId, id, { decision: "AWARD", note: "Strong growth in Southeast Asian streaming." }));
    const view = await getApplication(owner, programmeId, id);
    if (view?.awarded) {
      await must(payOut(owner, programmeId, id, { idempotencyKey: "seed-jade-payout-1", body: { amount: view.awarded } }));
    }
  } else {
    skipped.push(`${studioName("studioCn")}: ${jadeApp.message}`);
  }

  const hanbit = await demoOwner("studioKr", "seed-programmes");
  const hanbitApp = await applyToProgramme(hanbit, programmeId);
  if (hanbitApp.ok) await must(reviewApplication(review, programmeId, hanbitApp.value.id));
  else skipped.push(`${studioName("studioKr")}: ${hanbitApp.message}`);
  return { created: true, skipped };
}

async function must<T>(result: Promise<{ ok: true; value: T } | { ok: false; message: string }>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(`seed-programmes: ${r.message}`);
  return r.value;
}
