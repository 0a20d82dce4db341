/**
 * "No one let in" for edit rights: a partner sees only its own requests, a studio those on its
 * titles (once submitted), a third party gets 404 on every route exactly as for a request that
 * does not exist. Roles: only the partner drafts, changes, submits and withdraws; only the studio
 * decides. The wrong party of a request gets 403 (its kind of organisation may never do that,
 * checked before anything is looked up, so nothing leaks), like a partner signing-only action on deals.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { addMemberViaInvitation, bearer, createApiKeyViaApi, expectProblem, registerViaApi, titleViaApi } from "../support/api";
import { resetDb } from "../support/db";
import { MISSING_ID } from "./catalogue-fixtures";
import {
  editsApi as api,
  draftRequest,
  type EditsWorld,
  editsWorld,
  item,
  POLICY,
  requestBody,
  submittedRequest,
  uploadAttachment,
} from "./edits-fixtures";

let w: EditsWorld;

beforeEach(async () => {
  await resetDb();
  w = await editsWorld();
});

async function snapshot() {
  const [requests, items, comments, attachments, versions, policies] = await Promise.all([
    db.editRequest.findMany({ orderBy: { id: "asc" } }),
    db.editRequestItem.findMany({ orderBy: { id: "asc" } }),
    db.editRequestComment.count(),
    db.editRequestAttachment.count(),
    db.version.count(),
    db.editPolicy.count(),
  ]);
  return { requests, items, comments, attachments, versions, policies };
}

describe("who sees which requests", () => {
  it("a partner lists only its own; the studio those on its titles once submitted; others nothing", async () => {
    const mine = await submittedRequest(w, [item("CULTURAL_REFERENCE")]);
    const draft = await draftRequest(w, [item("DUBBING")]);
    const theirs = await api.create(w.outsider.headers, requestBody(w, [item("MUSIC")]));
    expect(theirs.status).toBe(201);
    await api.submit(w.outsider.headers, theirs.body.id);

    const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((i) => i.id).sort();
    expect(ids(await api.list(w.partner.headers))).toEqual([mine.id, draft.id].sort());
    expect(ids(await api.list(w.outsider.headers))).toEqual([theirs.body.id]);
    // The studio does not see the partner's unsubmitted draft.
    expect(ids(await api.list(w.studio.headers))).toEqual([mine.id, theirs.body.id].sort());
    expect((await api.list(w.rival.headers)).body.items).toEqual([]);
    expectProblem(await api.get(w.studio.headers, draft.id), 404);

    expect(ids(await api.list(w.studio.headers, { status: "UNDER_REVIEW" }))).toEqual([mine.id, theirs.body.id].sort());
    expect(ids(await api.list(w.partner.headers, { status: "DRAFT" }))).toEqual([draft.id]);
    expect((await api.list(w.partner.headers, { titleId: MISSING_ID })).body.items).toEqual([]);
    expectProblem(await api.list(w.partner.headers, { status: "SOMETIMES" }), 422);
  });

  it("lists page with an opaque cursor, newest change first, without repeats", async () => {
    const created: string[] = [];
    for (let i = 0; i < 5; i++) created.push((await draftRequest(w, [item("DUBBING")], { name: `Cut ${i}` })).id);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await api.list(w.partner.headers, { limit: 2, cursor });
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((r: { id: string }) => r.id));
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([...created].reverse());
  });

  it.each([
    ["another partner", () => w.outsider],
    ["another studio", () => w.rival],
  ])("%s gets 404 on every request route, word for word as for a request that does not exist", async (_who, who) => {
    const stranger = who().headers;
    const r = await submittedRequest(w, [item("CULTURAL_REFERENCE")]);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1]);
    const up = await uploadAttachment(w.partner.headers, r.id, png, "a.png");
    expect(up.status).toBe(201);
    const before = await snapshot();

    const isPartner = who() === w.outsider;
    const calls = (id: string, attachmentId: string) => [
      api.get(stranger, id),
      api.comments(stranger, id),
      api.comment(stranger, id, "Let me in"),
      api.attachments(stranger, id),
      api.attachment(stranger, id, attachmentId),
      uploadAttachment(stranger, id, png, "b.png"),
      api.timeline(stranger, id),
      // Each kind of organisation reaches the command it may run and finds nothing there.
      ...(isPartner
        ? [api.patch(stranger, id, { version: r.version, name: "Mine" }), api.submit(stranger, id), api.withdraw(stranger, id)]
        : [
            api.decide(stranger, id, { items: [{ itemId: r.items[0].id, decision: "APPROVED" }] }),
            api.decide(stranger, id, { requestChanges: "x" }),
          ]),
    ];
    const answers = await Promise.all(calls(r.id, up.body.id));
    const missing = await Promise.all(calls(MISSING_ID, MISSING_ID));
    for (const [i, res] of answers.entries()) {
      const problem = expectProblem(res, 404);
      const none = expectProblem(missing[i]!, 404);
      expect({ type: problem.type, detail: problem.detail }).toEqual({ type: none.type, detail: none.detail });
    }
    expect(await snapshot()).toEqual(before);
  });

  it("another studio cannot read or set the policy of a PRIVATE title, nor set a LISTED one's", async () => {
    const hidden = await titleViaApi(w.studio.headers, { originalTitle: "秘", visibility: "PRIVATE" });
    expectProblem(await api.getPolicy(w.rival.headers, hidden), 404);
    expectProblem(await api.putPolicy(w.rival.headers, hidden, POLICY), 404);
    expectProblem(await api.putPolicy(w.rival.headers, w.titleId, POLICY), 404);
    expectProblem(await api.getPolicy(w.outsider.headers, hidden), 404);
    expect(await db.editPolicy.count()).toBe(1);
  });
});

describe("only the partner acts as requester, only the studio decides", () => {
  it("the studio cannot draft, change, submit or withdraw (403); the partner cannot decide (403); nothing changes", async () => {
    const draft = await draftRequest(w, [item("CULTURAL_REFERENCE")]);
    const r = await submittedRequest(w, [item("CULTURAL_REFERENCE")]);
    const before = await snapshot();
    for (const res of [
      await api.create(w.studio.headers, requestBody(w, [item("DUBBING")])),
      await api.patch(w.studio.headers, draft.id, { version: 1, name: "Studio's" }),
      await api.submit(w.studio.headers, draft.id),
      await api.withdraw(w.studio.headers, r.id),
      await api.decide(w.partner.headers, r.id, { items: [{ itemId: r.items[0].id, decision: "APPROVED" }] }),
      await api.decide(w.partner.headers, r.id, { requestChanges: "Approve it yourself" }),
      await api.putPolicy(w.partner.headers, w.titleId, { elements: [] }),
    ]) {
      expectProblem(res, 403);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("a VIEWER of the partner reads the request but cannot submit, withdraw or comment (403)", async () => {
    const r = await draftRequest(w, [item("CULTURAL_REFERENCE")]);
    const viewer = await addMemberViaInvitation(w.partner, "VIEWER");
    expect((await api.get(viewer.memberHeaders, r.id)).status).toBe(200);
    expectProblem(await api.submit(viewer.memberHeaders, r.id), 403);
    expectProblem(await api.withdraw(viewer.memberHeaders, r.id), 403);
    expectProblem(await api.comment(viewer.memberHeaders, r.id, "hi"), 403);
    expect((await api.get(w.partner.headers, r.id)).body.status).toBe("DRAFT");
  });

  it("the partner's API key works like a member: drafts and submits; the studio's key decides", async () => {
    const partnerKey = bearer((await createApiKeyViaApi(w.partner.headers)).key);
    const studioKey = bearer((await createApiKeyViaApi(w.studio.headers)).key);
    const created = await api.create(partnerKey, requestBody(w, [item("CULTURAL_REFERENCE")]));
    expect(created.status).toBe(201);
    expect((await api.submit(partnerKey, created.body.id)).body.status).toBe("UNDER_REVIEW");
    const decided = await api.decide(studioKey, created.body.id, { items: [{ itemId: created.body.items[0].id, decision: "APPROVED" }] });
    expect(decided.body.status).toBe("APPROVED");
  });

  it("a facility sees no requests and cannot draft", async () => {
    await submittedRequest(w, [item("CULTURAL_REFERENCE")]);
    const facility = await registerViaApi({ organization: { name: "Silk Finance", kind: "PARTNER", homeCountry: "CN" } });
    await db.organization.update({ where: { id: facility.orgId }, data: { kind: "FACILITY" } });
    expect((await api.list(facility.headers)).body.items).toEqual([]);
    expectProblem(await api.create(facility.headers, requestBody(w, [item("DUBBING")])), 403);
  });
});
