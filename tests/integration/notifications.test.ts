/**
 * In-app notifications: the other party of an edit request hears of its
 * submission, decisions, requests for changes, comments and withdrawal; every member of the
 * receiving organisation gets a copy, the person who acted none; each person reads and marks
 * only their own.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { addMemberViaInvitation, bearer, createApiKeyViaApi, expectProblem, sessionHeaders } from "../support/api";
import { resetDb } from "../support/db";
import { editsApi as api, draftRequest, type EditsWorld, editsWorld, item, submittedRequest } from "./edits-fixtures";

let w: EditsWorld;

beforeEach(async () => {
  await resetDb();
  w = await editsWorld();
});

const kinds = (res: { body: { items: { kind: string }[] } }) => res.body.items.map((n) => n.kind);

describe("edit request notifications", () => {
  it("tell the other party of each step, newest first, with a link to the request", async () => {
    const draft = await draftRequest(w, [item("CULTURAL_REFERENCE"), item("MUSIC")]);
    await api.comment(w.partner.headers, draft.id, "Note to self");
    // A draft is the partner's own: the studio hears nothing yet.
    expect((await api.notifications(w.studio.headers)).body.items).toEqual([]);

    await api.submit(w.partner.headers, draft.id);
    await api.comment(w.studio.headers, draft.id, "Why the music?");
    await api.comment(w.partner.headers, draft.id, "Licensing.");
    const r = (await api.get(w.studio.headers, draft.id)).body;
    await api.decide(w.studio.headers, r.id, { items: [{ itemId: r.items[0].id, decision: "APPROVED" }] });
    await api.decide(w.studio.headers, r.id, { requestChanges: "Drop the music change." });
    await api.patch(w.partner.headers, r.id, {
      version: (await api.get(w.partner.headers, r.id)).body.version,
      items: [item("CULTURAL_REFERENCE")],
    });
    await api.submit(w.partner.headers, r.id);
    const resubmitted = (await api.get(w.studio.headers, r.id)).body;
    await api.decide(w.studio.headers, r.id, { items: [{ itemId: resubmitted.items[0].id, decision: "REJECTED", note: "No." }] });

    const studio = await api.notifications(w.studio.headers);
    expect(kinds(studio)).toEqual(["editRequest.submitted", "editRequest.commented", "editRequest.submitted"]);
    expect(studio.body.items[0]).toMatchObject({
      subjectType: "EditRequest",
      subjectId: r.id,
      href: `/edit-requests/${r.id}`,
      read: false,
      params: { titleName: "玉山", partnerName: "Siam Screens", resubmitted: true },
    });
    expect(studio.body.unreadCount).toBe(3);

    const partner = await api.notifications(w.partner.headers);
    expect(kinds(partner)).toEqual([
      "editRequest.decided",
      "editRequest.changesRequested",
      "editRequest.itemsDecided",
      "editRequest.commented",
    ]);
    expect(partner.body.items[0].params).toMatchObject({ status: "REJECTED", automatic: false, studioName: "Jade Studio" });
    expect(partner.body.items[1].params).toMatchObject({ note: "Drop the music change." });
    expect(partner.body.items[3].params).toMatchObject({ excerpt: "Why the music?", authorOrgName: "Jade Studio" });
  });

  it("an outcome the policy decides at once reaches the studio as decided (automatic), and withdrawal reaches it too", async () => {
    await submittedRequest(w, [item("SUBTITLES")]);
    const studio = await api.notifications(w.studio.headers);
    expect(kinds(studio)).toEqual(["editRequest.decided"]);
    expect(studio.body.items[0].params).toMatchObject({ status: "APPROVED", automatic: true, approved: 1 });

    const r = await submittedRequest(w, [item("CULTURAL_REFERENCE")]);
    await api.withdraw(w.partner.headers, r.id);
    expect(kinds(await api.notifications(w.studio.headers)).slice(0, 2)).toEqual(["editRequest.withdrawn", "editRequest.submitted"]);
    // Withdrawing a draft the studio never saw tells it nothing.
    const draft = await draftRequest(w, [item("CULTURAL_REFERENCE")]);
    await api.withdraw(w.partner.headers, draft.id);
    expect((await api.unreadCount(w.studio.headers)).body.unreadCount).toBe(3);
  });

  it("fan out to every member of the receiving organisation, never to the person who acted", async () => {
    const colleague = await addMemberViaInvitation(w.studio, "MEMBER");
    const partnerColleague = await addMemberViaInvitation(w.partner, "VIEWER");
    const r = await submittedRequest(w, [item("CULTURAL_REFERENCE")]);
    expect(kinds(await api.notifications(colleague.memberHeaders))).toEqual(["editRequest.submitted"]);
    expect(kinds(await api.notifications(w.studio.headers))).toEqual(["editRequest.submitted"]);
    // The colleague acting in their own organisation sees none of it.
    expect((await api.notifications(colleague.headers)).body.items).toEqual([]);

    await api.comment(colleague.memberHeaders, r.id, "Looking at it.");
    expect(kinds(await api.notifications(w.partner.headers))).toEqual(["editRequest.commented"]);
    expect(kinds(await api.notifications(partnerColleague.memberHeaders))).toEqual(["editRequest.commented"]);
    expect((await api.notifications(w.studio.headers)).body.items).toHaveLength(1);
    expect((await api.notifications(colleague.memberHeaders)).body.items).toHaveLength(1);
  });
});

describe("reading and marking", () => {
  it("marks given ids or all read; someone else's ids change nothing; unread filter and count follow", async () => {
    const colleague = await addMemberViaInvitation(w.studio, "MEMBER");
    for (let i = 0; i < 3; i++) await submittedRequest(w, [item("CULTURAL_REFERENCE")]);
    const mine = await api.notifications(w.studio.headers);
    expect(mine.body.unreadCount).toBe(3);
    const theirs = await api.notifications(colleague.memberHeaders);

    const marked = await api.markRead(w.studio.headers, { ids: [mine.body.items[0].id, theirs.body.items[1].id] });
    expect(marked.body).toEqual({ updated: 1, unreadCount: 2 });
    expect((await api.unreadCount(colleague.memberHeaders)).body.unreadCount).toBe(3);
    expect((await api.notifications(w.studio.headers, { unread: "true" })).body.items).toHaveLength(2);
    expect((await api.notifications(w.studio.headers, { unread: "false" })).body.items.map((n: { id: string }) => n.id)).toEqual([
      mine.body.items[0].id,
    ]);

    expect((await api.markRead(w.studio.headers, { all: true })).body).toEqual({ updated: 2, unreadCount: 0 });
    expect((await api.unreadCount(colleague.memberHeaders)).body.unreadCount).toBe(3);
    const read = (await api.notifications(w.studio.headers)).body.items;
    expect(read.every((n: { read: boolean; readAt: string | null }) => n.read && n.readAt)).toBe(true);
  });

  it("pages with an opaque cursor", async () => {
    for (let i = 0; i < 5; i++) await submittedRequest(w, [item("CULTURAL_REFERENCE")]);
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await api.notifications(w.studio.headers, { limit: 2, cursor });
      ids.push(...page.body.items.map((n: { id: string }) => n.id));
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor);
    expect(ids).toHaveLength(5);
    expect(new Set(ids).size).toBe(5);
  });

  it("refuses malformed bodies and queries with 422; API keys have no notifications", async () => {
    expect(expectProblem(await api.markRead(w.studio.headers, { ids: ["nope"] }), 422).errors?.[0]?.path).toBe("ids.0");
    expectProblem(await api.markRead(w.studio.headers, { ids: [] }), 422);
    expectProblem(await api.markRead(w.studio.headers, { all: false }), 422);
    expectProblem(await api.notifications(w.studio.headers, { unread: "maybe" }), 422);
    await submittedRequest(w, [item("CULTURAL_REFERENCE")]);
    const key = bearer((await createApiKeyViaApi(w.studio.headers)).key);
    expect((await api.notifications(key)).body).toEqual({ items: [], nextCursor: null, unreadCount: 0 });
    expectProblem(await api.markRead(key, { all: true }), 403);
    expect(await db.notification.count({ where: { readAt: { not: null } } })).toBe(0);
  });

  it("a notification belongs to the organisation it was sent in: the same person in another organisation does not see it", async () => {
    const colleague = await addMemberViaInvitation(w.studio, "MEMBER");
    await submittedRequest(w, [item("CULTURAL_REFERENCE")]);
    const inOwnOrg = await sessionHeaders(colleague.userId, colleague.orgId);
    expect((await api.unreadCount(inOwnOrg)).body.unreadCount).toBe(0);
    expect((await api.unreadCount(colleague.memberHeaders)).body.unreadCount).toBe(1);
  });
});
