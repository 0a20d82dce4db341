import "server-only";
import { json } from "@/lib/api/handler";
import type { Actor } from "@/lib/auth/actor";
import { fileResponse } from "@/lib/avails/export";
import type { Failure } from "@/lib/result";
import { breakdownCsv, csvFileName, platformCsv } from "./csv";
import { presentOutcomes, presentPlatformOutcomes } from "./present";
import { getOutcomes, getPlatformOutcomes } from "./queries";
import type { OutcomesExportQuery, OutcomesQuery, PlatformOutcomesExportQuery } from "./schema";

/** The outcomes route handlers' bodies: query → present → JSON or CSV. */

const csv = (text: string, fileName: string) =>
  fileResponse({ body: new TextEncoder().encode(text), contentType: "text/csv; charset=utf-8", fileName });

export async function outcomesResponse(actor: Actor, query: OutcomesQuery): Promise<Response | Failure> {
  const report = await getOutcomes(actor, query);
  return report.ok ? json(presentOutcomes(report.value)) : report;
}

export async function outcomesCsvResponse(actor: Actor, query: OutcomesExportQuery): Promise<Response | Failure> {
  const { breakdown, ...rest } = query;
  const report = await getOutcomes(actor, rest);
  if (!report.ok) return report;
  const view = presentOutcomes(report.value);
  return csv(breakdownCsv(view, breakdown), csvFileName(breakdown, view));
}

export async function platformOutcomesResponse(query: OutcomesQuery): Promise<Response | Failure> {
  const report = await getPlatformOutcomes(query);
  return report.ok ? json(presentPlatformOutcomes(report.value)) : report;
}

export async function platformOutcomesCsvResponse(query: PlatformOutcomesExportQuery): Promise<Response | Failure> {
  const { table, ...rest } = query;
  const report = await getPlatformOutcomes(rest);
  if (!report.ok) return report;
  const view = presentPlatformOutcomes(report.value);
  return csv(platformCsv(view, table), csvFileName(`platform-${table}`, view));
}
