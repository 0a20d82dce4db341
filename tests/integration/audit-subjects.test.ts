/**
 * Issue 17 point 13: the audit log and the activity feed name their records in the reader's
 * language (a title's Chinese title for a Chinese reader), with the currency of their amounts,
 * never by raw id — for the entries the organisation can read, and only those.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { auditSubjects, listAuditEntries } from "@/lib/audit/queries";
import { createActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { type Registered, registerViaApi } from "../support/api";
import { resetDb } from "../support/db";
import { api, createTitleViaApi } from "./catalogue-fixtures";

let studio: Registered;
let other: Registered;

async function actorOf(r: Registered) {
  const org = await db.organization.findUniqueOrThrow({ where: { id: r.orgId } });
  return createActor({
    userId: r.userId,
    apiKeyId: null,
    org: { id: org.id, name: org.name, kind: org.kind, homeCountry: org.homeCountry },
    role: "OWNER",
    requestId: "test",
  });
}

beforeEach(async () => {
  await resetDb();
  studio = await registerViaApi({ organization: { name: "Jade Studio", kind: "STUDIO", homeCountry: "CN" } });
  other = await registerViaApi({ organization: { name: "Other Studio", kind: "STUDIO", homeCountry: "KR" } });
});

describe("auditSubjects", () => {
  it("names a title in English and Chinese and an organisation by name; a deal with its currency", async () => {
    const title = await createTitleViaApi(studio.headers, { originalTitle: "天衍", titles: { en: "The Celestial Path", zh: "天衍仙途" } });
    const deal = await db.deal.create({
      data: { name: "Celestial Path · SEA", licensorId: studio.orgId, licenseeId: other.orgId, drafterId: studio.orgId, currency: "KRW" },
    });
    const { items } = await listAuditEntries(await actorOf(studio), { limit: 50 });
    const subjects = await auditSubjects([...items, { entityType: "Deal", entityId: deal.id }]);
    expect(subjects.get(`Title:${title.id}`)).toEqual({ name: { en: "The Celestial Path", zh: "天衍仙途" }, currency: null });
    expect(subjects.get(`Organization:${studio.orgId}`)).toEqual({ name: { en: "Jade Studio", zh: "Jade Studio" }, currency: null });
    expect(subjects.get(`Deal:${deal.id}`)).toEqual({ name: { en: "Celestial Path · SEA", zh: "Celestial Path · SEA" }, currency: "KRW" });
  });

  it("looks up only the records of the entries it is given, and ignores ids that are not ids", async () => {
    const mine = await createTitleViaApi(studio.headers, { originalTitle: "Mine", titles: { en: "Mine" } });
    const theirs = await createTitleViaApi(other.headers, { originalTitle: "Theirs", titles: { en: "Theirs" } });
    const { items } = await listAuditEntries(await actorOf(studio), { limit: 50 });
    // The studio's own log holds no entry of the other studio's title: its name is never looked up.
    expect(items.some((e) => e.entityId === theirs.id)).toBe(false);
    const subjects = await auditSubjects([...items, { entityType: "Title", entityId: "not-a-uuid" }]);
    expect(subjects.get(`Title:${mine.id}`)?.name?.en).toBe("Mine");
    expect(subjects.has(`Title:${theirs.id}`)).toBe(false);
    expect(subjects.has("Title:not-a-uuid")).toBe(false);
    expect((await api.getTitle(studio.headers, theirs.id)).status).toBe(404);
  });
});
