/**
 * Shared set-up for the catalogue integration tests: organisations of every kind that matters
 * (studios, a partner, a facility) and titles/versions created through the real API.
 */
import { expect } from "vitest";
import { GET as getTitleRoute, PATCH as patchTitleRoute } from "@/app/api/v1/titles/[id]/route";
import { POST as createVersionRoute, GET as listVersionsRoute } from "@/app/api/v1/titles/[id]/versions/route";
import { POST as createTitleRoute, GET as listTitlesRoute } from "@/app/api/v1/titles/route";
import { POST as createMarketTestRoute, GET as listMarketTestsRoute } from "@/app/api/v1/versions/[id]/market-tests/route";
import { GET as getVersionRoute, PATCH as patchVersionRoute } from "@/app/api/v1/versions/[id]/route";
import { db } from "@/lib/db/client";
import { type ApiResponse, callRoute, type Registered, registerViaApi, sessionHeaders } from "../support/api";

export const TITLES = "/api/v1/titles";

/** Real EIDR content IDs (from the EIDR registry), check characters included. */
export const REAL_EIDR = "10.5240/7EC7-228A-510A-053E-CBB8-J";
export const REAL_EIDR_2 = "10.5240/7791-8534-2C23-9030-8610-5";
export const REAL_EIDR_3 = "10.5240/B752-5B47-DBBE-E5D4-5A3F-N";

/** A valid title body; override any field. */
export function titleBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: "FILM",
    originalTitle: "玉龙传",
    titles: { en: "The Jade Dragon", zh: "玉龙传" },
    originalLanguage: "zh-Hans",
    genres: ["XIANXIA", "FANTASY"],
    year: 2023,
    runtimeMinutes: 118,
    synopsis: "A young cultivator guards the last jade dragon.",
    visibility: "PRIVATE",
    ...overrides,
  };
}

export const api = {
  listTitles: (headers: Record<string, string>, query: Record<string, string | number | undefined> = {}) =>
    callRoute(listTitlesRoute, TITLES, { headers, query }),
  createTitle: (headers: Record<string, string>, json: unknown) => callRoute(createTitleRoute, TITLES, { headers, json }),
  getTitle: (headers: Record<string, string>, id: string) => callRoute(getTitleRoute, `${TITLES}/${id}`, { headers, params: { id } }),
  patchTitle: (headers: Record<string, string>, id: string, json: unknown) =>
    callRoute(patchTitleRoute, `${TITLES}/${id}`, { method: "PATCH", headers, params: { id }, json }),
  listVersions: (headers: Record<string, string>, titleId: string) =>
    callRoute(listVersionsRoute, `${TITLES}/${titleId}/versions`, { headers, params: { id: titleId } }),
  createVersion: (headers: Record<string, string>, titleId: string, json: unknown) =>
    callRoute(createVersionRoute, `${TITLES}/${titleId}/versions`, { headers, params: { id: titleId }, json }),
  getVersion: (headers: Record<string, string>, id: string) =>
    callRoute(getVersionRoute, `/api/v1/versions/${id}`, { headers, params: { id } }),
  patchVersion: (headers: Record<string, string>, id: string, json: unknown) =>
    callRoute(patchVersionRoute, `/api/v1/versions/${id}`, { method: "PATCH", headers, params: { id }, json }),
  listMarketTests: (headers: Record<string, string>, versionId: string) =>
    callRoute(listMarketTestsRoute, `/api/v1/versions/${versionId}/market-tests`, { headers, params: { id: versionId } }),
  createMarketTest: (headers: Record<string, string>, versionId: string, json: unknown) =>
    callRoute(createMarketTestRoute, `/api/v1/versions/${versionId}/market-tests`, { headers, params: { id: versionId }, json }),
};

/** Fails the test with the answer's body unless it has `status`. */
export function expectStatus(res: ApiResponse, status: number): void {
  expect({ status: res.status, body: res.status === status ? undefined : res.body }).toEqual({ status, body: undefined });
}

/** Creates a title through POST /api/v1/titles (201 expected) and returns the answer's body. */
// biome-ignore lint/suspicious/noExplicitAny: untyped JSON body, as in ApiResponse
export async function createTitleViaApi(headers: Record<string, string>, overrides: Record<string, unknown> = {}): Promise<any> {
  const res = await api.createTitle(headers, titleBody(overrides));
  if (res.status !== 201) throw new Error(`creating a title answered ${res.status}: ${res.text}`);
  return res.body;
}

/** A valid INTERNATIONAL version body derived from `derivedFromId`; override any field. */
export function versionBody(derivedFromId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: "INTERNATIONAL",
    name: "Thai theatrical cut",
    derivedFromId,
    territories: ["TH", "SEA"],
    audioLanguages: ["th"],
    subtitleLanguages: ["en"],
    runtimeMinutes: 104,
    status: "PLANNED",
    changes: [{ category: "RUNTIME", description: "Trimmed the second act by 14 minutes." }],
    ...overrides,
  };
}

/** A FACILITY organisation (not self-service: created the way the platform creates them). */
export async function createFacility(): Promise<{ orgId: string; userId: string; headers: Record<string, string> }> {
  const person = await registerViaApi({ organization: { name: "Facility owner's own studio", kind: "STUDIO", homeCountry: "SG" } });
  const facility = await db.organization.create({
    data: {
      name: "Bridge Capital",
      kind: "FACILITY",
      homeCountry: "SG",
      memberships: { create: { userId: person.userId, role: "OWNER" } },
    },
  });
  return { orgId: facility.id, userId: person.userId, headers: await sessionHeaders(person.userId, facility.id) };
}

export type Cast = {
  /** The studio that owns the titles under test. */
  a: Registered;
  /** Another studio. */
  b: Registered;
  /** A partner (licensee). */
  p: Registered;
  /** A finance facility. */
  f: { orgId: string; userId: string; headers: Record<string, string> };
};

export async function createCast(): Promise<Cast> {
  const a = await registerViaApi({ email: "owner@studio-a.test", organization: { name: "Studio A", kind: "STUDIO", homeCountry: "CN" } });
  const b = await registerViaApi({ email: "owner@studio-b.test", organization: { name: "Studio B", kind: "STUDIO", homeCountry: "KR" } });
  const p = await registerViaApi({ email: "owner@partner.test", organization: { name: "Partner P", kind: "PARTNER", homeCountry: "TH" } });
  const f = await createFacility();
  return { a, b, p, f };
}

/** Everything the catalogue stores, in a stable order, to prove a refusal changed nothing. */
export async function catalogueSnapshot() {
  const [titles, awards, versions, changes, marketTests, auditCount] = await Promise.all([
    db.title.findMany({ orderBy: { id: "asc" } }),
    db.titleAward.findMany({ orderBy: { id: "asc" } }),
    db.version.findMany({ orderBy: { id: "asc" } }),
    db.versionChange.findMany({ orderBy: { id: "asc" } }),
    db.marketTest.findMany({ orderBy: { id: "asc" } }),
    db.auditEntry.count(),
  ]);
  return { titles, awards, versions, changes, marketTests, auditCount };
}

/** A UUID no record has. */
export const MISSING_ID = "01900000-0000-7000-8000-000000000000";
