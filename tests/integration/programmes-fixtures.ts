/**
 * A world for the programme tests: a PROGRAMME organisation with an owner (defines programmes,
 * decides) and a reviewer (MEMBER), studios, partners in and outside the target territories, and
 * the programme endpoints called in-process. Deals, receipts, versions and market tests are made
 * through the API, the way studios and partners make them.
 */

import { POST as clawbackRoute } from "@/app/api/v1/programmes/[id]/applications/[applicationId]/clawbacks/route";
import { POST as decisionRoute } from "@/app/api/v1/programmes/[id]/applications/[applicationId]/decision/route";
import { POST as payoutRoute } from "@/app/api/v1/programmes/[id]/applications/[applicationId]/payouts/route";
import { POST as reviewRoute } from "@/app/api/v1/programmes/[id]/applications/[applicationId]/review/route";
import { GET as getApplicationRoute } from "@/app/api/v1/programmes/[id]/applications/[applicationId]/route";
import { GET as exportRoute } from "@/app/api/v1/programmes/[id]/applications/export/route";
import { POST as applyRoute, GET as listApplicationsRoute } from "@/app/api/v1/programmes/[id]/applications/route";
import { GET as dashboardRoute } from "@/app/api/v1/programmes/[id]/dashboard/route";
import { GET as eligibilityRoute } from "@/app/api/v1/programmes/[id]/eligibility/route";
import { GET as getProgrammeRoute, PATCH as patchProgrammeRoute } from "@/app/api/v1/programmes/[id]/route";
import { POST as createProgrammeRoute, GET as listProgrammesRoute } from "@/app/api/v1/programmes/route";
import { POST as createVersionRoute, GET as listVersionsRoute } from "@/app/api/v1/titles/[id]/versions/route";
import { POST as marketTestRoute } from "@/app/api/v1/versions/[id]/market-tests/route";
import { PATCH as patchVersionRoute } from "@/app/api/v1/versions/[id]/route";
import { toDbDate } from "@/lib/dates";
import { db } from "@/lib/db/client";
import {
  addMemberViaInvitation,
  type CallOptions,
  callRoute,
  draftDealViaApi,
  proposeAndSignViaApi,
  type Registered,
  registerViaApi,
  sessionHeaders,
  titleViaApi,
} from "../support/api";
import { statementsApi } from "./statements-fixtures";

type H = Record<string, string>;
const app = (id: string, applicationId: string, tail = "") => `/api/v1/programmes/${id}/applications/${applicationId}${tail}`;

export const programmesApi = {
  list: (headers: H, query: CallOptions["query"] = {}) => callRoute(listProgrammesRoute, "/api/v1/programmes", { headers, query }),
  create: (headers: H, json: unknown) => callRoute(createProgrammeRoute, "/api/v1/programmes", { headers, json }),
  get: (headers: H, id: string) => callRoute(getProgrammeRoute, `/api/v1/programmes/${id}`, { headers, params: { id } }),
  patch: (headers: H, id: string, json: unknown) =>
    callRoute(patchProgrammeRoute, `/api/v1/programmes/${id}`, { method: "PATCH", headers, params: { id }, json }),
  eligibility: (headers: H, id: string, query: CallOptions["query"] = {}) =>
    callRoute(eligibilityRoute, `/api/v1/programmes/${id}/eligibility`, { headers, params: { id }, query }),
  apply: (headers: H, id: string) =>
    callRoute(applyRoute, `/api/v1/programmes/${id}/applications`, { method: "POST", headers, params: { id } }),
  applications: (headers: H, id: string, query: CallOptions["query"] = {}) =>
    callRoute(listApplicationsRoute, `/api/v1/programmes/${id}/applications`, { headers, params: { id }, query }),
  export: (headers: H, id: string) => callRoute(exportRoute, `/api/v1/programmes/${id}/applications/export`, { headers, params: { id } }),
  application: (headers: H, id: string, applicationId: string) =>
    callRoute(getApplicationRoute, app(id, applicationId), { headers, params: { id, applicationId } }),
  review: (headers: H, id: string, applicationId: string) =>
    callRoute(reviewRoute, app(id, applicationId, "/review"), { method: "POST", headers, params: { id, applicationId } }),
  decide: (headers: H, id: string, applicationId: string, json: unknown) =>
    callRoute(decisionRoute, app(id, applicationId, "/decision"), { headers, params: { id, applicationId }, json }),
  payout: (headers: H, id: string, applicationId: string, key: string | null, json: unknown) =>
    callRoute(payoutRoute, app(id, applicationId, "/payouts"), {
      headers: { ...headers, ...(key === null ? {} : { "idempotency-key": key }) },
      params: { id, applicationId },
      json,
    }),
  clawback: (headers: H, id: string, applicationId: string, json: unknown) =>
    callRoute(clawbackRoute, app(id, applicationId, "/clawbacks"), { headers, params: { id, applicationId }, json }),
  dashboard: (headers: H, id: string) => callRoute(dashboardRoute, `/api/v1/programmes/${id}/dashboard`, { headers, params: { id } }),
};

export const cny = (amount: string) => ({ amount, currency: "CNY" });

export type ProgrammeWorld = {
  programmeOrgId: string;
  /** OWNER: defines programmes and decides. */
  owner: { userId: string; headers: H };
  /** MEMBER: reviews (and may decide what someone else reviewed). */
  reviewer: { userId: string; headers: H };
  studio: Registered;
  otherStudio: Registered;
  partnerTh: Registered;
  partnerAe: Registered;
  partnerBr: Registered;
  partnerJp: Registered;
  facility: { headers: H };
};

export async function programmeWorld(): Promise<ProgrammeWorld> {
  const studio = await registerViaApi({ organization: { name: "Jade Export Pictures", kind: "STUDIO", homeCountry: "CN" } });
  const otherStudio = await registerViaApi({ organization: { name: "Hanbit Export", kind: "STUDIO", homeCountry: "KR" } });
  const partnerTh = await registerViaApi({ organization: { name: "Siam Screens", kind: "PARTNER", homeCountry: "TH" } });
  const partnerAe = await registerViaApi({ organization: { name: "Gulf Screens", kind: "PARTNER", homeCountry: "AE" } });
  const partnerBr = await registerViaApi({ organization: { name: "Aurora Filmes", kind: "PARTNER", homeCountry: "BR" } });
  const partnerJp = await registerViaApi({ organization: { name: "Sakura Pictures", kind: "PARTNER", homeCountry: "JP" } });
  const person = await registerViaApi({ organization: { name: "Fund officer's own studio", kind: "STUDIO", homeCountry: "SG" } });
  const org = await db.organization.create({
    data: {
      name: "Silk Road Test Fund",
      kind: "PROGRAMME",
      homeCountry: "CN",
      memberships: { create: { userId: person.userId, role: "OWNER" } },
    },
  });
  const owner = { userId: person.userId, headers: await sessionHeaders(person.userId, org.id) };
  const member = await addMemberViaInvitation({ orgId: org.id, headers: owner.headers }, "MEMBER");
  const facilityPerson = await registerViaApi({ organization: { name: "Facility person's studio", kind: "STUDIO", homeCountry: "HK" } });
  const facilityOrg = await db.organization.create({
    data: {
      name: "Test Facility",
      kind: "FACILITY",
      homeCountry: "CN",
      memberships: { create: { userId: facilityPerson.userId, role: "OWNER" } },
    },
  });
  return {
    programmeOrgId: org.id,
    owner,
    reviewer: { userId: member.userId, headers: member.memberHeaders },
    studio,
    otherStudio,
    partnerTh,
    partnerAe,
    partnerBr,
    partnerJp,
    facility: { headers: await sessionHeaders(facilityPerson.userId, facilityOrg.id) },
  };
}

/** A programme body: CNY, open today ± a year, SEA + MENA + LATAM, no criteria unless given. */
export function programmeBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const today = new Date().toISOString().slice(0, 10);
  const year = Number(today.slice(0, 4));
  return {
    name: { en: "Silk Road Screen Export Fund 2027", zh: "丝路影视出口基金 2027" },
    description: { en: "Matches foreign receipts.", zh: "按海外收入配套奖励。" },
    currency: "CNY",
    budget: cny("1000000.00"),
    opensOn: `${year - 1}-01-01`,
    closesOn: `${year + 1}-12-31`,
    lookbackMonths: 12,
    targetTerritories: ["SEA", "MENA", "LATAM"],
    criteria: [],
    award: {
      receiptsMatchPct: "10",
      perVersionBonus: cny("5000.00"),
      perMarketTestBonus: cny("1000.00"),
      capPerApplication: cny("200000.00"),
    },
    ...overrides,
  };
}

export async function createProgramme(w: ProgrammeWorld, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await programmesApi.create(w.owner.headers, programmeBody(overrides));
  if (res.status !== 201) throw new Error(`creating a programme answered ${res.status}: ${res.text}`);
  return res.body.id;
}

/**
 * A SIGNED deal licensed out by `studio` to `partner` in `currency`, with one MG instalment of
 * 10,000,000 units (so receipts of any size fit), grants over `territories` for 2020–2030.
 */
export async function signedDealViaApi(studio: Registered, partner: Registered, currency: string, titleId: string, territories: string[]) {
  const mg = { amount: currency === "JPY" || currency === "KRW" ? "10000000" : "10000000.00", currency };
  const dealId = await draftDealViaApi(
    studio.headers,
    { licenseeId: partner.orgId },
    [{ titleId, territories, mediaRights: ["SVOD"], start: "2020-01-01", end: "2030-12-31", exclusive: false }],
    { currency, terms: { minimumGuarantee: mg, instalments: [{ amount: mg, trigger: "SIGNATURE" }] } },
  );
  await proposeAndSignViaApi(dealId, studio.headers, partner.headers);
  return dealId;
}

/** Records an MG receipt through the API (201 expected); returns its id. */
export async function receiptViaApi(studio: Registered, dealId: string, amount: { amount: string; currency: string }, receivedOn: string) {
  const res = await statementsApi.receipt(studio.headers, dealId, { kind: "MG_INSTALMENT", amount, receivedOn, instalmentIndex: 0 });
  if (res.status !== 201) throw new Error(`recording a receipt answered ${res.status}: ${res.text}`);
  return res.body.id as string;
}

export async function titleWithOriginal(studio: Registered, name: string) {
  const titleId = await titleViaApi(studio.headers, { originalTitle: name });
  const versions = await callRoute(listVersionsRoute, `/api/v1/titles/${titleId}/versions`, {
    headers: studio.headers,
    params: { id: titleId },
  });
  return { titleId, originalId: versions.body.items[0].id as string };
}

export async function versionViaApi(
  studio: Registered,
  titleId: string,
  derivedFromId: string,
  territories: string[],
  status = "DELIVERED",
) {
  const res = await callRoute(createVersionRoute, `/api/v1/titles/${titleId}/versions`, {
    headers: studio.headers,
    params: { id: titleId },
    json: { kind: "INTERNATIONAL", name: `Cut for ${territories.join("+")}`, derivedFromId, territories, status },
  });
  if (res.status !== 201) throw new Error(`creating a version answered ${res.status}: ${res.text}`);
  return res.body.id as string;
}

export async function withdrawVersion(studio: Registered, versionId: string) {
  return callRoute(patchVersionRoute, `/api/v1/versions/${versionId}`, {
    method: "PATCH",
    headers: studio.headers,
    params: { id: versionId },
    json: { status: "WITHDRAWN" },
  });
}

export async function marketTestViaApi(studio: Registered, versionId: string, territory: string, date: string) {
  const res = await callRoute(marketTestRoute, `/api/v1/versions/${versionId}/market-tests`, {
    headers: studio.headers,
    params: { id: versionId },
    json: { territory, date, audienceSize: 120, score: 78, method: "SCREENING" },
  });
  if (res.status !== 201) throw new Error(`creating a market test answered ${res.status}: ${res.text}`);
  return res.body.id as string;
}

export async function fxRate(date: string, base: string, quote: string, rate: string) {
  await db.fxRate.create({ data: { date: toDbDate(date), base, quote, rate } });
}

/** Today and a day `days` from it, as YYYY-MM-DD (the programme windows are relative to today). */
export const today = () => new Date().toISOString().slice(0, 10);
export function daysFromToday(days: number): string {
  const d = new Date(`${today()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A studio that meets no criteria yet applies to a criteria-free programme: its application id. */
export async function applied(w: ProgrammeWorld, programmeId: string, studio: Registered = w.studio): Promise<string> {
  const res = await programmesApi.apply(studio.headers, programmeId);
  if (res.status !== 201) throw new Error(`applying answered ${res.status}: ${res.text}`);
  return res.body.id as string;
}

/** Applies, reviews (reviewer) and awards (owner); returns the application id. */
export async function awarded(w: ProgrammeWorld, programmeId: string, amount?: string, studio: Registered = w.studio): Promise<string> {
  const id = await applied(w, programmeId, studio);
  const r = await programmesApi.review(w.reviewer.headers, programmeId, id);
  if (r.status !== 200) throw new Error(`review answered ${r.status}: ${r.text}`);
  const d = await programmesApi.decide(w.owner.headers, programmeId, id, {
    decision: "AWARD",
    note: "Strong export record.",
    ...(amount ? { amount: cny(amount) } : {}),
  });
  if (d.status !== 200) throw new Error(`decision answered ${d.status}: ${d.text}`);
  return id;
}
