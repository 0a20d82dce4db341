/**
 * A small world for the advance facility tests: a Chinese studio with signed deals licensed out
 * to a Thai partner (cross-border), another studio, a facility organisation with an underwriter
 * (OWNER, approves) and a disbursement officer (MEMBER, disburses), and the facility row.
 */

import { POST as decisionRoute } from "@/app/api/v1/advances/[id]/decision/route";
import { POST as defaultRoute } from "@/app/api/v1/advances/[id]/default/route";
import { POST as disburseRoute } from "@/app/api/v1/advances/[id]/disbursements/route";
import { GET as documentRoute } from "@/app/api/v1/advances/[id]/documents/[documentId]/route";
import { GET as listDocumentsRoute, POST as uploadDocumentRoute } from "@/app/api/v1/advances/[id]/documents/route";
import { POST as reviewRoute } from "@/app/api/v1/advances/[id]/review/route";
import { GET as getAdvanceRoute } from "@/app/api/v1/advances/[id]/route";
import { POST as submitRoute } from "@/app/api/v1/advances/[id]/submit/route";
import { POST as writeOffRoute } from "@/app/api/v1/advances/[id]/write-off/route";
import { GET as eligibilityRoute } from "@/app/api/v1/advances/eligibility/route";
import { POST as createAdvanceRoute, GET as listAdvancesRoute } from "@/app/api/v1/advances/route";
import { GET as portfolioRoute } from "@/app/api/v1/facility/portfolio/route";
import { GET as getFacilityRoute, PUT as putFacilityRoute } from "@/app/api/v1/facility/route";
import { toDbDate } from "@/lib/dates";
import { db } from "@/lib/db/client";
import {
  addMemberViaInvitation,
  type CallOptions,
  callRoute,
  expectProblem,
  type Registered,
  registerViaApi,
  sessionHeaders,
} from "../support/api";

type H = Record<string, string>;

/** The bank's facts of a disbursement (issue 17): required in every disbursement request. */
export const payment = { paymentReference: "SWIFT-0001", valueDate: "2026-12-01", payingAccount: "Facility USD operating account" };

export const facilityApi = {
  get: (headers: H) => callRoute(getFacilityRoute, "/api/v1/facility", { headers }),
  put: (headers: H, json: unknown) => callRoute(putFacilityRoute, "/api/v1/facility", { method: "PUT", headers, json }),
  portfolio: (headers: H, query: CallOptions["query"] = {}) => callRoute(portfolioRoute, "/api/v1/facility/portfolio", { headers, query }),
  list: (headers: H, query: CallOptions["query"] = {}) => callRoute(listAdvancesRoute, "/api/v1/advances", { headers, query }),
  apply: (headers: H, json: unknown) => callRoute(createAdvanceRoute, "/api/v1/advances", { headers, json }),
  eligibility: (headers: H, query: CallOptions["query"]) => callRoute(eligibilityRoute, "/api/v1/advances/eligibility", { headers, query }),
  advance: (headers: H, id: string) => callRoute(getAdvanceRoute, `/api/v1/advances/${id}`, { headers, params: { id } }),
  submit: (headers: H, id: string) => callRoute(submitRoute, `/api/v1/advances/${id}/submit`, { method: "POST", headers, params: { id } }),
  review: (headers: H, id: string) => callRoute(reviewRoute, `/api/v1/advances/${id}/review`, { method: "POST", headers, params: { id } }),
  decide: (headers: H, id: string, json: unknown) =>
    callRoute(decisionRoute, `/api/v1/advances/${id}/decision`, { headers, json, params: { id } }),
  /** Without a body: the bank's facts of a payment (`payment`), which every disbursement needs. */
  disburse: (headers: H, id: string, key: string | null, json: unknown = payment) =>
    callRoute(disburseRoute, `/api/v1/advances/${id}/disbursements`, {
      method: "POST",
      headers: { ...headers, ...(key === null ? {} : { "idempotency-key": key }) },
      json,
      params: { id },
    }),
  default: (headers: H, id: string, json: unknown) =>
    callRoute(defaultRoute, `/api/v1/advances/${id}/default`, { headers, json, params: { id } }),
  writeOff: (headers: H, id: string, json?: unknown) =>
    callRoute(writeOffRoute, `/api/v1/advances/${id}/write-off`, { method: "POST", headers, json, params: { id } }),
  documents: (headers: H, id: string) => callRoute(listDocumentsRoute, `/api/v1/advances/${id}/documents`, { headers, params: { id } }),
  document: (headers: H, id: string, documentId: string) =>
    callRoute(documentRoute, `/api/v1/advances/${id}/documents/${documentId}`, { headers, params: { id, documentId } }),
};

/** Uploads `bytes` as multipart field `file` (callRoute only sends strings). */
export async function uploadDocument(headers: H, id: string, bytes: Uint8Array, fileName: string, type: string) {
  const { NextRequest } = await import("next/server");
  const form = new FormData();
  form.set("file", new File([new Uint8Array(bytes)], fileName, { type }));
  const req = new NextRequest(new URL(`/api/v1/advances/${id}/documents`, "http://localhost:3000"), {
    method: "POST",
    headers,
    body: form,
  });
  const res = await uploadDocumentRoute(req, { params: Promise.resolve({ id }) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
}

export type FacilityWorld = {
  studio: Registered;
  otherStudio: Registered;
  partner: Registered;
  facilityOrgId: string;
  facilityId: string;
  /** OWNER of the facility org: manages settings, underwrites (approves). */
  underwriter: { userId: string; headers: H };
  /** MEMBER of the facility org: disburses (and underwrites too, by the permission table). */
  officer: { userId: string; headers: H };
  titleId: string;
  /** SIGNED, studio → partner (CN → TH), USD, MG 1,000,000.00 in two instalments. */
  dealId: string;
};

export const usd = (amount: string) => ({ amount, currency: "USD" });

export async function signedDeal(args: {
  licensorId: string;
  licenseeId: string;
  currency: string;
  mgMinor: bigint | null;
  titleId: string;
  instalments?: bigint[];
  status?: "SIGNED" | "DRAFT";
  creatorParticipationPct?: string;
  name?: string;
}) {
  const instalments = args.instalments ?? (args.mgMinor ? [args.mgMinor] : []);
  const deal = await db.deal.create({
    data: {
      name: args.name ?? `${args.currency} deal`,
      licensorId: args.licensorId,
      licenseeId: args.licenseeId,
      drafterId: args.licensorId,
      currency: args.currency,
      status: args.status ?? "SIGNED",
      signedAt: args.status === "DRAFT" ? null : new Date("2026-01-15T00:00:00Z"),
      mgMinor: args.mgMinor,
      creatorParticipationPct: args.creatorParticipationPct,
      instalments: { create: instalments.map((amountMinor, position) => ({ position, amountMinor, trigger: "SIGNATURE" as const })) },
      participants: args.creatorParticipationPct
        ? { create: [{ position: 0, name: "Director", role: "Director", share: "1" }] }
        : undefined,
      grants: {
        create: [
          {
            titleId: args.titleId,
            territories: ["TH"],
            excludedTerritories: [],
            mediaRights: ["SVOD"],
            languages: [],
            start: toDbDate("2026-01-01"),
            end: toDbDate("2030-12-31"),
            exclusive: false,
          },
        ],
      },
    },
  });
  return deal.id;
}

export async function facilityWorld(
  settings: Partial<{
    currency: string;
    capacityMinor: bigint;
    advanceRatePct: string;
    maxPerDealMinor: bigint;
    maxPerLicenseePct: string;
    feePct: string;
    sweepPct: string;
  }> = {},
): Promise<FacilityWorld> {
  const studio = await registerViaApi({ organization: { name: "Jade Test Pictures", kind: "STUDIO", homeCountry: "CN" } });
  const otherStudio = await registerViaApi({ organization: { name: "Hanbit Test", kind: "STUDIO", homeCountry: "KR" } });
  const partner = await registerViaApi({ organization: { name: "Siam Test", kind: "PARTNER", homeCountry: "TH" } });
  const owner = await registerViaApi({ organization: { name: "Underwriter's own studio", kind: "STUDIO", homeCountry: "SG" } });
  const org = await db.organization.create({
    data: {
      name: "Silk Road Test Finance",
      kind: "FACILITY",
      homeCountry: "CN",
      memberships: { create: { userId: owner.userId, role: "OWNER" } },
    },
  });
  const underwriter = { userId: owner.userId, headers: await sessionHeaders(owner.userId, org.id) };
  const member = await addMemberViaInvitation({ ...owner, orgId: org.id, headers: underwriter.headers }, "MEMBER");
  // The officer joined two days ago: past the cooling period before a new member may disburse.
  await db.membership.update({ where: { id: member.membershipId }, data: { createdAt: new Date(Date.now() - 48 * 3600_000) } });
  const officer = { userId: member.userId, headers: member.memberHeaders };
  const facility = await db.facility.create({
    data: {
      orgId: org.id,
      currency: settings.currency ?? "USD",
      capacityMinor: settings.capacityMinor ?? 100_000_000n, // 1,000,000.00
      advanceRatePct: settings.advanceRatePct ?? "70",
      maxPerDealMinor: settings.maxPerDealMinor ?? 40_000_000n, // 400,000.00
      maxPerLicenseePct: settings.maxPerLicenseePct ?? "50",
      feePct: settings.feePct ?? "2",
      sweepPct: settings.sweepPct ?? "100",
    },
  });
  const title = await db.title.create({
    data: { studioId: studio.orgId, kind: "FILM", originalTitle: "山海", originalLanguage: "zh", year: 2025, genres: ["DRAMA"] },
  });
  const dealId = await signedDeal({
    licensorId: studio.orgId,
    licenseeId: partner.orgId,
    currency: "USD",
    mgMinor: 100_000_000n,
    instalments: [50_000_000n, 50_000_000n],
    titleId: title.id,
  });
  return { studio, otherStudio, partner, facilityOrgId: org.id, facilityId: facility.id, underwriter, officer, titleId: title.id, dealId };
}

/** Applies, submits and approves (by the underwriter); returns the advance id. */
export async function approvedAdvance(w: FacilityWorld, amount = "100000.00", dealId = w.dealId): Promise<string> {
  const created = await facilityApi.apply(w.studio.headers, { dealId, amount: usd(amount), purpose: "Dubbing and festival launch" });
  if (created.status !== 201) throw new Error(`apply: ${created.status} ${created.text}`);
  const id = created.body.id as string;
  const submitted = await facilityApi.submit(w.studio.headers, id);
  if (submitted.status !== 200) throw new Error(`submit: ${submitted.status} ${submitted.text}`);
  const decided = await facilityApi.decide(w.underwriter.headers, id, { decision: "APPROVED" });
  if (decided.status !== 200) throw new Error(`decide: ${decided.status} ${decided.text}`);
  return id;
}

/** Approved by the underwriter and disbursed by the officer. */
export async function disbursedAdvance(w: FacilityWorld, amount = "100000.00", dealId = w.dealId): Promise<string> {
  const id = await approvedAdvance(w, amount, dealId);
  const res = await facilityApi.disburse(w.officer.headers, id, `key-${id}`);
  if (res.status !== 201) throw new Error(`disburse: ${res.status} ${res.text}`);
  return id;
}

export { expectProblem };
