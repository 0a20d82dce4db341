/**
 * A signed USD deal between a studio (licensor) and a partner (licensee), plus an outsider, for
 * the statements and receipts tests; and the statement/receipt endpoints called in-process.
 */
import { GET as balanceRoute } from "@/app/api/v1/deals/[id]/balance/route";
import { GET as creatorStatementsRoute } from "@/app/api/v1/deals/[id]/creator-statements/route";
import { GET as listReceiptsRoute, POST as recordReceiptRoute } from "@/app/api/v1/deals/[id]/receipts/route";
import { POST as importRoute } from "@/app/api/v1/deals/[id]/statements/import/route";
import { GET as templateRoute } from "@/app/api/v1/deals/[id]/statements/import/template/route";
import { GET as listDealStatementsRoute, POST as submitRoute } from "@/app/api/v1/deals/[id]/statements/route";
import { POST as acceptRoute } from "@/app/api/v1/statements/[id]/accept/route";
import { POST as disputeRoute } from "@/app/api/v1/statements/[id]/dispute/route";
import { GET as getStatementRoute } from "@/app/api/v1/statements/[id]/route";
import { GET as listStatementsRoute } from "@/app/api/v1/statements/route";
import { db } from "@/lib/db/client";
import {
  type CallOptions,
  callRoute,
  draftDealViaApi,
  proposeAndSignViaApi,
  type Registered,
  registerViaApi,
  titleViaApi,
} from "../support/api";

type H = Record<string, string>;

export const statementsApi = {
  submit: (headers: H, dealId: string, json: unknown) =>
    callRoute(submitRoute, `/api/v1/deals/${dealId}/statements`, { headers, params: { id: dealId }, json }),
  listForDeal: (headers: H, dealId: string, query: CallOptions["query"] = {}) =>
    callRoute(listDealStatementsRoute, `/api/v1/deals/${dealId}/statements`, { headers, params: { id: dealId }, query }),
  list: (headers: H, query: CallOptions["query"] = {}) => callRoute(listStatementsRoute, "/api/v1/statements", { headers, query }),
  get: (headers: H, id: string, query: CallOptions["query"] = {}) =>
    callRoute(getStatementRoute, `/api/v1/statements/${id}`, { headers, params: { id }, query }),
  accept: (headers: H, id: string) =>
    callRoute(acceptRoute, `/api/v1/statements/${id}/accept`, { method: "POST", headers, params: { id } }),
  dispute: (headers: H, id: string, reason = "Thai SVOD figures do not match the platform report.") =>
    callRoute(disputeRoute, `/api/v1/statements/${id}/dispute`, { headers, params: { id }, json: { reason } }),
  receipt: (headers: H, dealId: string, json: unknown) =>
    callRoute(recordReceiptRoute, `/api/v1/deals/${dealId}/receipts`, { headers, params: { id: dealId }, json }),
  receipts: (headers: H, dealId: string) =>
    callRoute(listReceiptsRoute, `/api/v1/deals/${dealId}/receipts`, { headers, params: { id: dealId } }),
  balance: (headers: H, dealId: string) => callRoute(balanceRoute, `/api/v1/deals/${dealId}/balance`, { headers, params: { id: dealId } }),
  creatorStatements: (headers: H, dealId: string, query: CallOptions["query"] = {}) =>
    callRoute(creatorStatementsRoute, `/api/v1/deals/${dealId}/creator-statements`, { headers, params: { id: dealId }, query }),
  template: (headers: H, dealId: string) =>
    callRoute(templateRoute, `/api/v1/deals/${dealId}/statements/import/template`, { headers, params: { id: dealId } }),
};

/** Sends a multipart upload to the statement import route. */
export async function importStatementFile(
  headers: H,
  dealId: string,
  file: { name: string; type: string; content: string | Uint8Array<ArrayBuffer> },
  fields: Record<string, string>,
) {
  const form = new FormData();
  form.set("file", new File([file.content], file.name, { type: file.type }));
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  const encoded = new Response(form);
  const body = new Uint8Array(await encoded.arrayBuffer());
  const { NextRequest } = await import("next/server");
  const req = new NextRequest(`http://localhost:3000/api/v1/deals/${dealId}/statements/import`, {
    method: "POST",
    headers: { ...headers, "content-type": encoded.headers.get("content-type")! },
    body,
  });
  const res = await importRoute(req, { params: Promise.resolve({ id: dealId }) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, text, contentType: res.headers.get("content-type") ?? "" };
}

export type World = {
  studio: Registered;
  partner: Registered;
  outsider: Registered;
  titleId: string;
  otherTitleId: string;
  dealId: string;
};

/**
 * Studio (CN) licenses a film to a Thai partner: TH + VN, SVOD and TVOD, 2027. USD, MG 1,000.00 in
 * two instalments (400 + 600), fee 20 %, expense cap 100.00, tiers 50 % to 2,000.00 then 60 %,
 * creators 10 % split 2:1 between a director and a writer.
 */
export async function signedWorld(terms: Record<string, unknown> = DEFAULT_TERMS): Promise<World> {
  const studio = await registerViaApi({ organization: { name: "Jade Studio", kind: "STUDIO", homeCountry: "CN" } });
  const partner = await registerViaApi({ organization: { name: "Siam Screens", kind: "PARTNER", homeCountry: "TH" } });
  const outsider = await registerViaApi({ organization: { name: "Aurora", kind: "PARTNER", homeCountry: "BR" } });
  const titleId = await titleViaApi(studio.headers, { originalTitle: "玉山" });
  const otherTitleId = await titleViaApi(studio.headers, { originalTitle: "Other Film" });
  const dealId = await draftDealViaApi(
    studio.headers,
    { licenseeId: partner.orgId },
    [{ titleId, territories: ["TH", "VN"], mediaRights: ["SVOD", "TVOD"], start: "2027-01-01", end: "2027-12-31", exclusive: true }],
    { terms },
  );
  await proposeAndSignViaApi(dealId, studio.headers, partner.headers);
  return { studio, partner, outsider, titleId, otherTitleId, dealId };
}

export const DEFAULT_TERMS = {
  minimumGuarantee: { amount: "1000.00", currency: "USD" },
  instalments: [
    { amount: { amount: "400.00", currency: "USD" }, trigger: "SIGNATURE" },
    { amount: { amount: "600.00", currency: "USD" }, trigger: "DELIVERY" },
  ],
  distributionFeePct: "20",
  expenseCap: { amount: "100.00", currency: "USD" },
  shareTiers: [
    { upTo: "2000.00", pct: "50" },
    { upTo: null, pct: "60" },
  ],
  creatorParticipationPct: "10",
  participants: [
    { name: "Director Li", role: "Director", share: "2" },
    { name: "Writer Wu", role: "Writer", share: "1" },
  ],
};

export const usd = (amount: string) => ({ amount, currency: "USD" });

export function line(titleId: string, gross: string, overrides: Record<string, unknown> = {}) {
  return { titleId, territory: "TH", mediaRight: "SVOD", revenueType: "STREAMING", gross: usd(gross), ...overrides };
}

export async function rowCounts() {
  const [statements, lines, receipts, shares, audit] = await Promise.all([
    db.statement.count(),
    db.statementLine.count(),
    db.receipt.count(),
    db.receiptShare.count(),
    db.auditEntry.count(),
  ]);
  return { statements, lines, receipts, shares, audit };
}
