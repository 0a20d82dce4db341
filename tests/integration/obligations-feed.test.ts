import ICAL from "ical.js";
import { beforeEach, describe, expect, it } from "vitest";
import { POST as createFeedRoute, GET as feedStateRoute, DELETE as revokeFeedRoute } from "@/app/api/v1/me/calendar-feed/route";
import { GET as icsRoute } from "@/app/api/v1/obligations.ics/route";
import { sha256 } from "@/lib/auth/secret";
import { addDays } from "@/lib/dates";
import { db } from "@/lib/db/client";
import { bearer, callRoute, createApiKeyViaApi, expectProblem } from "../support/api";
import { resetDb } from "../support/db";
import { type ObligationWorld, obligationsApi, obligationWorld } from "./obligations-fixtures";

type H = Record<string, string>;
const feedApi = {
  create: (headers: H) => callRoute(createFeedRoute, "/api/v1/me/calendar-feed", { method: "POST", headers }),
  state: (headers: H) => callRoute(feedStateRoute, "/api/v1/me/calendar-feed", { headers }),
  revoke: (headers: H) => callRoute(revokeFeedRoute, "/api/v1/me/calendar-feed", { method: "DELETE", headers }),
  ics: (token: string) => callRoute(icsRoute, "/api/v1/obligations.ics", { query: { token } }),
};

const tokenOf = (url: string) => new URL(url).searchParams.get("token")!;

/** Parses the feed with ical.js (a maintained RFC 5545 parser) into plain events. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return {
    name: calendar.getFirstPropertyValue("x-wr-calname"),
    events: calendar.getAllSubcomponents("vevent").map((v) => {
      const e = new ICAL.Event(v);
      return {
        uid: e.uid,
        summary: e.summary,
        description: e.description,
        allDay: e.startDate.isDate && e.endDate.isDate,
        start: e.startDate.toString(),
        end: e.endDate.toString(),
        url: String(v.getFirstPropertyValue("url")),
      };
    }),
  };
}

let w: ObligationWorld;

beforeEach(async () => {
  await resetDb();
  w = await obligationWorld(7, 40);
});

describe("the calendar feed", () => {
  it("parses, has one all-day event per obligation on its due date with a stable UID, in the person's language", async () => {
    const created = await feedApi.create(w.partner.headers);
    expect(created.status, created.text).toBe(201);
    expect(created.body.url).toMatch(/^http:\/\/localhost:3000\/api\/v1\/obligations\.ics\?token=rbcal_[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(created.body.url);
    // Only the hash is stored.
    const row = await db.calendarFeed.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(row.tokenHash).toBe(sha256(token));
    expect(JSON.stringify(row)).not.toContain(token);
    const state = await feedApi.state(w.partner.headers);
    expect(state.body).toEqual({ feed: { id: created.body.id, createdAt: created.body.createdAt, lastUsedAt: null } });

    const res = await feedApi.ics(token);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const feed = parse(res.text);
    expect(feed.name).toBe("Rightsbridge — Siam Screens");

    const list = (await obligationsApi.list(w.partner.headers, { limit: 200 })).body.items as {
      id: string;
      dueDate: string;
      kind: string;
    }[];
    expect(feed.events).toHaveLength(list.length);
    for (const o of list) {
      const event = feed.events.find((e) => e.uid === `${o.id}@localhost`);
      expect(event, o.id).toBeDefined();
      expect(event).toMatchObject({ allDay: true, start: o.dueDate, end: addDays(o.dueDate, 1) });
    }
    const mg = feed.events.find((e) => e.uid === `MG_INSTALMENT.${w.dealId}.0@localhost`)!;
    expect(mg.summary).toBe("MG instalment: Jade Studio × Siam Screens");
    expect(mg.description).toContain("Status: Due. Owed by us.");
    expect(mg.description).toContain("Outstanding: 400.00 USD");
    expect(mg.url).toBe(`http://localhost:3000/deals/${w.dealId}/receipts`);

    // The person's language: Chinese summaries and the title in 《》.
    await db.user.update({ where: { id: w.partner.userId }, data: { locale: "zh" } });
    const zh = parse((await feedApi.ics(token)).text);
    expect(zh.events.map((e) => e.uid)).toEqual(feed.events.map((e) => e.uid));
    expect(zh.events.find((e) => e.uid === mg.uid)?.summary).toBe("保底金分期款：Jade Studio × Siam Screens");
    expect(zh.events.find((e) => e.uid.startsWith("RIGHTS_EXPIRY."))?.summary).toBe("授权到期：Jade Studio × Siam Screens · 《玉山》");
    expect((await feedApi.state(w.partner.headers)).body.feed.lastUsedAt).not.toBeNull();
  });

  it("a revoked or replaced token answers 404; so does an unknown one", async () => {
    const first = tokenOf((await feedApi.create(w.partner.headers)).body.url);
    expect((await feedApi.ics(first)).status).toBe(200);
    const second = tokenOf((await feedApi.create(w.partner.headers)).body.url);
    expectProblem(await feedApi.ics(first), 404);
    expect((await feedApi.ics(second)).status).toBe(200);
    expect((await feedApi.revoke(w.partner.headers)).status).toBe(204);
    expectProblem(await feedApi.ics(second), 404);
    expectProblem(await feedApi.revoke(w.partner.headers), 404);
    expect((await feedApi.state(w.partner.headers)).body).toEqual({ feed: null });
    expectProblem(await feedApi.ics("rbcal_not-a-real-token"), 404);
    expectProblem(await callRoute(icsRoute, "/api/v1/obligations.ics"), 404);
  });

  it("reads only its organisation; stops when the person leaves it; API keys cannot create one", async () => {
    const outsider = tokenOf((await feedApi.create(w.outsider.headers)).body.url);
    const theirs = parse((await feedApi.ics(outsider)).text);
    expect(theirs.events).toEqual([]);
    const partner = tokenOf((await feedApi.create(w.partner.headers)).body.url);
    // The outsider revoking affects only its own feed.
    expect((await feedApi.revoke(w.outsider.headers)).status).toBe(204);
    expect((await feedApi.ics(partner)).status).toBe(200);
    await db.membership.deleteMany({ where: { userId: w.partner.userId, organizationId: w.partner.orgId } });
    expectProblem(await feedApi.ics(partner), 404);
    const key = await createApiKeyViaApi(w.studio.headers, "feeds", "write");
    expectProblem(await feedApi.create(bearer(key.key)), 403);
  });
});
