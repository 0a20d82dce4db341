/**
 * The reads behind the statement pages (lib/statements/queries.ts): the organisation-wide list
 * with its deal, status and direction filters and cursor pages, scoped to the deals the
 * organisation is party to — another organisation sees none of it, even when it names the deal.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { createActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { statementDealOptions, statementInbox } from "@/lib/statements/queries";
import { statementInboxQuerySchema } from "@/lib/statements/schema";
import { resetDb } from "../support/db";
import { line, signedWorld, statementsApi, usd } from "./statements-fixtures";

async function actorOf(orgId: string) {
  const org = await db.organization.findUniqueOrThrow({ where: { id: orgId } });
  return createActor({
    userId: null,
    apiKeyId: null,
    org: { id: org.id, name: org.name, kind: org.kind, homeCountry: org.homeCountry },
    role: "OWNER",
    requestId: "test",
  });
}

const q = (input: Record<string, unknown> = {}) => statementInboxQuerySchema.parse(input);

describe("statement pages' queries", () => {
  beforeEach(() => resetDb());

  it("list the statements of the organisation's deals by direction, status and deal, a page at a time; others see nothing", async () => {
    const w = await signedWorld();
    for (const [start, end] of [
      ["2027-01-01", "2027-01-31"],
      ["2027-02-01", "2027-02-28"],
      ["2027-03-01", "2027-03-31"],
    ]) {
      const res = await statementsApi.submit(w.partner.headers, w.dealId, {
        periodStart: start,
        periodEnd: end,
        lines: [line(w.titleId, "1000.00")],
      });
      expect(res.status, res.text).toBe(201);
    }
    const first = (await statementsApi.listForDeal(w.studio.headers, w.dealId)).body.statements.at(-1).id as string;
    expect((await statementsApi.accept(w.studio.headers, first)).status).toBe(200);

    const studio = await actorOf(w.studio.orgId);
    const partner = await actorOf(w.partner.orgId);
    const outsider = await actorOf(w.outsider.orgId);

    const received = await statementInbox(studio, q({ role: "LICENSOR" }));
    expect(received.items).toHaveLength(3);
    expect(received.items[0]!.deal).toMatchObject({ id: w.dealId, role: "LICENSOR", counterparty: "Siam Screens" });
    expect(received.items.map((s) => s.periodStart)).toEqual(["2027-03-01", "2027-02-01", "2027-01-01"]);
    expect(received.items[2]!.waterfall?.cumulative.gross).toEqual(usd("1000.00"));
    expect((await statementInbox(studio, q({ role: "LICENSEE" }))).items).toHaveLength(0);
    expect((await statementInbox(partner, q({ role: "LICENSEE", deal: w.dealId }))).items[0]!.deal.role).toBe("LICENSEE");
    expect((await statementInbox(studio, q({ status: "ACCEPTED" }))).items.map((s) => s.id)).toEqual([first]);

    const page1 = await statementInbox(studio, q({ limit: 2 }));
    expect(page1.items).toHaveLength(2);
    const page2 = await statementInbox(studio, q({ limit: 2, cursor: page1.nextCursor }));
    expect(page2.items.map((s) => s.periodStart)).toEqual(["2027-01-01"]);
    expect(page2.nextCursor).toBeNull();

    // Another organisation: nothing, not even by naming the deal; no deal to filter by either.
    expect((await statementInbox(outsider, q())).items).toHaveLength(0);
    expect((await statementInbox(outsider, q({ deal: w.dealId }))).items).toHaveLength(0);
    expect(await statementDealOptions(outsider)).toHaveLength(0);
    expect((await statementDealOptions(studio)).map((d) => d.id)).toEqual([w.dealId]);
  });
});
