/**
 * Hand-made deals, statements, receipts and FX rates for the outcomes tests, written straight
 * into the tables (the outcomes read them in their own SQL), so each expected figure can be worked
 * out by hand from what is written here.
 */
import { GET as exportRoute } from "@/app/api/v1/outcomes/export/route";
import { GET as platformExportRoute } from "@/app/api/v1/outcomes/platform/export/route";
import { GET as platformRoute } from "@/app/api/v1/outcomes/platform/route";
import { GET as outcomesRoute } from "@/app/api/v1/outcomes/route";
import { toDbDate } from "@/lib/dates";
import { db } from "@/lib/db/client";
import type { CallOptions } from "../support/api";
import { callRoute } from "../support/api";

type Headers = Record<string, string>;

export const outcomesApi = {
  get: (headers: Headers, query: CallOptions["query"] = {}) => callRoute(outcomesRoute, "/api/v1/outcomes", { headers, query }),
  export: (headers: Headers, query: CallOptions["query"]) => callRoute(exportRoute, "/api/v1/outcomes/export", { headers, query }),
  platform: (headers: Headers, query: CallOptions["query"] = {}) =>
    callRoute(platformRoute, "/api/v1/outcomes/platform", { headers, query }),
  platformExport: (headers: Headers, query: CallOptions["query"]) =>
    callRoute(platformExportRoute, "/api/v1/outcomes/platform/export", { headers, query }),
};

export async function title(studioId: string, originalTitle: string, genres: string[], names: { en?: string; zh?: string } = {}) {
  const t = await db.title.create({
    data: { studioId, kind: "FILM", originalTitle, titleEn: names.en, titleZh: names.zh, originalLanguage: "zh", year: 2025, genres },
  });
  return t.id;
}

/** A SIGNED deal with grants (title × media codes), no statements yet. */
export async function signedDeal(args: {
  licensorId: string;
  licenseeId: string;
  currency: string;
  grants: { titleId: string; mediaRights: string[] }[];
}) {
  const deal = await db.deal.create({
    data: {
      name: `${args.currency} deal`,
      licensorId: args.licensorId,
      licenseeId: args.licenseeId,
      drafterId: args.licensorId,
      currency: args.currency,
      status: "SIGNED",
      signedAt: new Date("2025-11-01T00:00:00Z"),
      grants: {
        create: args.grants.map((g) => ({
          titleId: g.titleId,
          territories: ["WORLD"],
          excludedTerritories: [],
          mediaRights: g.mediaRights,
          languages: [],
          start: toDbDate("2025-01-01"),
          end: toDbDate("2030-12-31"),
          exclusive: false,
        })),
      },
    },
  });
  return deal.id;
}

export async function statement(args: {
  dealId: string;
  currency: string;
  periodStart: string;
  periodEnd: string;
  counting?: boolean;
  lines: { titleId: string; territory: string; mediaRight: string; revenueType: string; grossMinor: bigint }[];
}) {
  const s = await db.statement.create({
    data: {
      dealId: args.dealId,
      periodStart: toDbDate(args.periodStart),
      periodEnd: toDbDate(args.periodEnd),
      currency: args.currency,
      counting: args.counting ?? true,
      status: args.counting === false ? "DISPUTED" : "ACCEPTED",
      grossMinor: args.lines.reduce((s, l) => s + l.grossMinor, 0n),
      lineCount: args.lines.length,
      source: "API",
      lines: {
        create: args.lines.map((l, i) => ({
          position: i + 1,
          titleId: l.titleId,
          territory: l.territory,
          mediaRight: l.mediaRight,
          revenueType: l.revenueType as "STREAMING",
          grossMinor: l.grossMinor,
        })),
      },
    },
  });
  return s.id;
}

export async function receipt(
  dealId: string,
  currency: string,
  amountMinor: bigint,
  receivedOn: string,
  kind: "MG_INSTALMENT" | "OVERAGE" = "MG_INSTALMENT",
) {
  const r = await db.receipt.create({
    data: {
      dealId,
      kind,
      currency,
      amountMinor,
      receivedOn: toDbDate(receivedOn),
      creatorsTotalMinor: 0n,
      facilityMinor: 0n,
      studioMinor: amountMinor,
    },
  });
  return r.id;
}

export async function fxRate(date: string, base: string, quote: string, rate: string) {
  await db.fxRate.create({ data: { date: toDbDate(date), base, quote, rate } });
}
