/**
 * A signed deal whose MG instalments fall due a given number of days from the partner's today,
 * and the obligations endpoint called in-process.
 */
import { GET as obligationsRoute } from "@/app/api/v1/obligations/route";
import { addDays, wallClockIn } from "@/lib/dates";
import { db } from "@/lib/db/client";
import { orgTimeZone } from "@/lib/orgs/time-zone";
import { type CallOptions, callRoute } from "../support/api";
import { DEFAULT_TERMS, signedWorld, usd, type World } from "./statements-fixtures";

type H = Record<string, string>;

export const obligationsApi = {
  list: (headers: H, query: CallOptions["query"] = {}) => callRoute(obligationsRoute, "/api/v1/obligations", { headers, query }),
};

/** An organisation's calendar date today (its time zone: the home country's by default). */
export async function todayOf(orgId: string, now = new Date()): Promise<string> {
  const org = await db.organization.findUniqueOrThrow({ where: { id: orgId }, select: { timeZone: true, homeCountry: true } });
  return wallClockIn(now, orgTimeZone(org)).date;
}

export type ObligationWorld = World & { firstDue: string; secondDue: string };

/** The statements world with the MG's two instalments (400 + 600 USD) due in `first` and `second` days. */
export async function obligationWorld(first = 7, second = 40, now = new Date()): Promise<ObligationWorld> {
  const today = wallClockIn(now, "Asia/Bangkok").date;
  const firstDue = addDays(today, first);
  const secondDue = addDays(today, second);
  const w = await signedWorld({
    ...DEFAULT_TERMS,
    instalments: [
      { amount: usd("400.00"), trigger: "DATE", dueDate: firstDue },
      { amount: usd("600.00"), trigger: "DATE", dueDate: secondDue },
    ],
  });
  // Both parties on one time zone, so "in 7 days" is the same day for both.
  await db.organization.updateMany({ where: { id: { in: [w.studio.orgId, w.partner.orgId] } }, data: { timeZone: "Asia/Bangkok" } });
  return { ...w, firstDue, secondDue };
}
