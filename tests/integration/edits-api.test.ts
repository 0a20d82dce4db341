/**
 * Edit rights through the API: policy versions, drafting, evaluation on submission,
 * studio decisions, the INTERNATIONAL version an approved request creates, changes requested and
 * resubmission, withdrawal, validation errors on the field, and the deal a request names.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { GET as listCommentsRoute } from "@/app/api/v1/edit-requests/[id]/comments/route";
import { db } from "@/lib/db/client";
import { callRoute, draftDealViaApi, errorPaths, expectProblem, grantBody, proposeAndSignViaApi, titleViaApi } from "../support/api";
import { resetDb } from "../support/db";
import { MISSING_ID } from "./catalogue-fixtures";
import {
  editsApi as api,
  downloadAttachment,
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

type Item = { id: string; category: string; magnitudePct: string | null; status: string };
const byCategory = (items: Item[], category: string, magnitude: string | null = null) =>
  items.find((i) => i.category === category && i.magnitudePct === magnitude);

describe("edit policy", () => {
  it("is versioned: each PUT writes a new version, and GET answers the one in force", async () => {
    const first = await api.getPolicy(w.studio.headers, w.titleId);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ titleId: w.titleId, version: 1, editable: true });
    expect(first.body.elements).toHaveLength(POLICY.elements.length);
    expect(first.body.elements.find((e: { category: string }) => e.category === "RUNTIME")).toEqual({
      category: "RUNTIME",
      rule: "PRE_APPROVED",
      maxPct: "10",
      note: "Cuts up to 10% of the runtime.",
    });

    const second = await api.putPolicy(w.studio.headers, w.titleId, { elements: [{ category: "ENDING", rule: "APPROVAL_REQUIRED" }] });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({
      version: 2,
      elements: [{ category: "ENDING", rule: "APPROVAL_REQUIRED", maxPct: null, note: null }],
    });
    expect(await db.editPolicy.count({ where: { titleId: w.titleId } })).toBe(2);
    const { callRoute: call } = await import("../support/api");
    const { GET } = await import("@/app/api/v1/titles/[id]/edit-policy/route");
    const past = await call(GET, `/api/v1/titles/${w.titleId}/edit-policy`, {
      headers: w.partner.headers,
      params: { id: w.titleId },
      query: { version: 1 },
    });
    expect(past.body).toMatchObject({ version: 1 });
    expect(past.body.elements).toHaveLength(POLICY.elements.length);
    const none = await call(GET, `/api/v1/titles/${w.titleId}/edit-policy`, {
      headers: w.studio.headers,
      params: { id: w.titleId },
      query: { version: 3 },
    });
    expectProblem(none, 404);
    const bad = await call(GET, `/api/v1/titles/${w.titleId}/edit-policy`, {
      headers: w.studio.headers,
      params: { id: w.titleId },
      query: { version: "x" },
    });
    expect(errorPaths(expectProblem(bad, 422))).toEqual(["version"]);
    const audit = await db.auditEntry.findMany({ where: { action: "edit_policy.set", entityId: w.titleId }, orderBy: { id: "asc" } });
    expect(audit.map((a) => (a.after as { version: number }).version)).toEqual([1, 2]);
  });

  it("takes the version last read: a stale one answers 409 STALE_UPDATE and saves nothing (issue 17 point 17)", async () => {
    // The world's title has version 1; a second editor read it too.
    const first = await api.putPolicy(w.studio.headers, w.titleId, { ...POLICY, version: 1 });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const stale = await api.putPolicy(w.studio.headers, w.titleId, { elements: [], version: 1 });
    expect(expectProblem(stale, 409)).toMatchObject({ type: "/problems/stale-update", currentVersion: 2 });
    expect(await db.editPolicy.count({ where: { titleId: w.titleId } })).toBe(2);
    expect((await api.getPolicy(w.studio.headers, w.titleId)).body.elements).toHaveLength(POLICY.elements.length);
    // A version from the future is as stale as one from the past.
    expectProblem(await api.putPolicy(w.studio.headers, w.titleId, { elements: [], version: 7 }), 409);
    // The current one saves; a title without a policy takes 0.
    expect((await api.putPolicy(w.studio.headers, w.titleId, { elements: [], version: 2 })).body.version).toBe(3);
    const fresh = await titleViaApi(w.studio.headers, { originalTitle: "新", visibility: "PRIVATE" });
    expect((await api.putPolicy(w.studio.headers, fresh, { ...POLICY, version: 0 })).body.version).toBe(1);
    expectProblem(await api.putPolicy(w.studio.headers, fresh, { ...POLICY, version: 0 }), 409);
  });

  it("of two concurrent saves from the same version, exactly one wins; the other answers 409", async () => {
    const answers = await Promise.all([
      api.putPolicy(w.studio.headers, w.titleId, { elements: [], version: 1 }),
      api.putPolicy(w.studio.headers, w.titleId, { ...POLICY, version: 1 }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(await db.editPolicy.count({ where: { titleId: w.titleId } })).toBe(2);
  });

  it("refuses a version that is not a whole number ≥ 0 on the field", async () => {
    for (const version of [-1, 1.5, "1", null]) {
      const res = await api.putPolicy(w.studio.headers, w.titleId, { ...POLICY, version });
      expect(errorPaths(expectProblem(res, 422)), String(version)).toEqual(["version"]);
    }
  });

  it("a title without a policy answers version 0 and no elements", async () => {
    const titleId = await titleViaApi(w.studio.headers, { originalTitle: "无策", visibility: "LISTED" });
    const res = await api.getPolicy(w.partner.headers, titleId);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: 0, elements: [], policyId: null, editable: false });
  });

  it("partners read the policy of a LISTED title but cannot change it; a PRIVATE title is 404 to them", async () => {
    const read = await api.getPolicy(w.partner.headers, w.titleId);
    expect(read.status).toBe(200);
    expect(read.body.editable).toBe(false);
    expectProblem(await api.putPolicy(w.partner.headers, w.titleId, POLICY), 403);
    expectProblem(await api.putPolicy(w.rival.headers, w.titleId, POLICY), 404);
    const hidden = await titleViaApi(w.studio.headers, { originalTitle: "秘", visibility: "PRIVATE" });
    expectProblem(await api.getPolicy(w.partner.headers, hidden), 404);
    expectProblem(await api.getPolicy(w.studio.headers, MISSING_ID), 404);
    expect(await db.editPolicy.count({ where: { titleId: w.titleId } })).toBe(1);
  });

  it("refuses a repeated category, a limit on a non-PRE_APPROVED element and a malformed limit, on the field", async () => {
    const cases: [unknown, string[]][] = [
      [
        {
          elements: [
            { category: "ENDING", rule: "LOCKED", maxPct: "5" },
            { category: "ENDING", rule: "APPROVAL_REQUIRED" },
          ],
        },
        ["elements.0.maxPct", "elements.1.category"],
      ],
      [{ elements: [{ category: "RUNTIME", rule: "PRE_APPROVED", maxPct: "ten" }] }, ["elements.0.maxPct"]],
      [{ elements: [{ category: "RUNTIME", rule: "PRE_APPROVED", maxPct: "100.5" }] }, ["elements.0.maxPct"]],
      [{ elements: [{ category: "COLOUR", rule: "LOCKED" }] }, ["elements.0.category"]],
      [{ elements: [{ category: "ENDING", rule: "SOMETIMES" }] }, ["elements.0.rule"]],
      [{}, ["elements"]],
    ];
    for (const [body, paths] of cases) {
      const problem = expectProblem(await api.putPolicy(w.studio.headers, w.titleId, body), 422);
      expect({ body, paths: errorPaths(problem) }).toEqual({ body, paths });
    }
    expect(await db.editPolicy.count({ where: { titleId: w.titleId } })).toBe(1);
  });
});

describe("drafting and submitting a request", () => {
  it("evaluates each item against the policy in force: locked, at the limit, over it, approval required, no element", async () => {
    const draft = await draftRequest(w, [
      item("ENDING"),
      item("RUNTIME", { magnitudePct: "10" }),
      item("RUNTIME", { magnitudePct: "10.5" }),
      item("CULTURAL_REFERENCE"),
      item("MUSIC"),
    ]);
    expect(draft).toMatchObject({
      status: "DRAFT",
      role: "PARTNER",
      territories: ["TH"],
      versionId: null,
      policyVersion: null,
      version: 1,
    });
    expect(draft.items.every((i: { status: string }) => i.status === "PENDING")).toBe(true);

    const res = await api.submit(w.partner.headers, draft.id, { version: 1 });
    expect(res.status).toBe(200);
    const r = res.body;
    expect(r).toMatchObject({ status: "UNDER_REVIEW", policyVersion: 1, versionId: null });
    expect(byCategory(r.items, "ENDING")).toMatchObject({
      status: "REJECTED",
      automatic: true,
      reason: "The ending is the author's; it never changes.",
      code: "LOCKED",
    });
    expect(byCategory(r.items, "RUNTIME", "10")).toMatchObject({ status: "APPROVED", automatic: true, reason: null, code: "PRE_APPROVED" });
    expect(byCategory(r.items, "RUNTIME", "10.5")).toMatchObject({ status: "PENDING", automatic: false, code: "OVER_LIMIT" });
    expect(byCategory(r.items, "CULTURAL_REFERENCE")).toMatchObject({ status: "PENDING", code: "APPROVAL_REQUIRED" });
    expect(byCategory(r.items, "MUSIC")).toMatchObject({ status: "PENDING", code: "NO_POLICY_ELEMENT" });
  });

  it("a request the policy decides entirely is final at once: all pre-approved → APPROVED with its version", async () => {
    const r = await submittedRequest(w, [item("SUBTITLES"), item("RUNTIME", { magnitudePct: "4" })]);
    expect(r.status).toBe("APPROVED");
    expect(r.versionId).toEqual(expect.any(String));
    expect(r.decidedAt).toEqual(expect.any(String));
    const version = await db.version.findUniqueOrThrow({
      where: { id: r.versionId },
      include: { changes: { orderBy: { position: "asc" } } },
    });
    expect(version).toMatchObject({ kind: "INTERNATIONAL", derivedFromId: w.originalVersionId, territories: ["TH"], titleId: w.titleId });
    expect(version.changes.map((c) => c.category)).toEqual(["SUBTITLES", "RUNTIME"]);
  });

  it("all locked → REJECTED at once, with no version", async () => {
    const r = await submittedRequest(w, [item("ENDING")]);
    expect(r).toMatchObject({ status: "REJECTED", versionId: null });
    expect(await db.version.count({ where: { kind: "INTERNATIONAL" } })).toBe(0);
  });

  it("with no policy at all every item waits for the studio", async () => {
    const titleId = await titleViaApi(w.studio.headers, { originalTitle: "无策", visibility: "LISTED" });
    const base = await db.version.findFirstOrThrow({ where: { titleId } });
    const draft = await api.create(w.partner.headers, { titleId, baseVersionId: base.id, territories: ["TH"], items: [item("ENDING")] });
    const r = await api.submit(w.partner.headers, draft.body.id);
    expect(r.body).toMatchObject({ status: "UNDER_REVIEW", policyVersion: null, items: [{ status: "PENDING", automatic: false }] });
  });

  it("names the request after the title and territories unless given a name, and expands nothing it stores", async () => {
    const draft = await draftRequest(w, [item("DUBBING")], { territories: ["th", "SEA"] });
    expect(draft.territories).toEqual(["TH", "SEA"]);
    expect(draft.name).toBe("玉山 · TH, SEA");
    const named = await draftRequest(w, [item("DUBBING")], { name: "Thai cut" });
    expect(named.name).toBe("Thai cut");
  });

  it("refuses bad input with 422 naming each field, and writes nothing", async () => {
    const other = await titleViaApi(w.studio.headers, { originalTitle: "别的", visibility: "LISTED" });
    const otherVersion = await db.version.findFirstOrThrow({ where: { titleId: other } });
    const cases: [unknown, string[]][] = [
      [{ ...requestBody(w, []) }, ["items"]],
      [requestBody(w, [item("ENDING")], { territories: ["XX"] }), ["territories.0"]],
      [requestBody(w, [item("ENDING")], { territories: [] }), ["territories"]],
      [requestBody(w, [{ category: "COLOUR", description: "x", rationale: "y" }]), ["items.0.category"]],
      [requestBody(w, [item("RUNTIME", { magnitudePct: "ten" })]), ["items.0.magnitudePct"]],
      [requestBody(w, [item("RUNTIME", { magnitudePct: "101" })]), ["items.0.magnitudePct"]],
      [requestBody(w, [{ category: "ENDING", description: "", rationale: "" }]), ["items.0.description", "items.0.rationale"]],
      [requestBody(w, [item("ENDING")], { baseVersionId: otherVersion.id }), ["baseVersionId"]],
      [requestBody(w, [item("ENDING")], { titleId: MISSING_ID }), ["titleId"]],
      [requestBody(w, [item("ENDING")], { titleId: "not-a-uuid" }), ["titleId"]],
      [requestBody(w, [item("ENDING")], { dealId: MISSING_ID }), ["dealId"]],
    ];
    for (const [body, paths] of cases) {
      const res = await api.create(w.partner.headers, body);
      const problem = expectProblem(res, 422);
      expect({ body, paths: errorPaths(problem) }).toEqual({ body, paths });
    }
    const hidden = await titleViaApi(w.studio.headers, { originalTitle: "秘", visibility: "PRIVATE" });
    const hiddenVersion = await db.version.findFirstOrThrow({ where: { titleId: hidden } });
    const res = await api.create(w.partner.headers, requestBody(w, [item("ENDING")], { titleId: hidden, baseVersionId: hiddenVersion.id }));
    expect(errorPaths(expectProblem(res, 422))).toEqual(["titleId"]);
    expect(await db.editRequest.count()).toBe(0);
  });

  it("refuses a body that is not JSON (415) or not valid JSON (400)", async () => {
    const { callRoute } = await import("../support/api");
    const { POST } = await import("@/app/api/v1/edit-requests/route");
    const text = await callRoute(POST, "/api/v1/edit-requests", {
      headers: { ...w.partner.headers, "content-type": "text/plain" },
      rawBody: "hi",
    });
    expectProblem(text, 415);
    const broken = await callRoute(POST, "/api/v1/edit-requests", {
      headers: { ...w.partner.headers, "content-type": "application/json" },
      rawBody: "{",
    });
    expectProblem(broken, 400);
  });
});

describe("studio decisions", () => {
  it("deciding the waiting items settles the request and creates the international version with exactly the approved changes", async () => {
    const r = await submittedRequest(w, [
      item("ENDING"),
      item("RUNTIME", { magnitudePct: "8" }),
      item("CULTURAL_REFERENCE"),
      item("MUSIC"),
    ]);
    const cultural = byCategory(r.items, "CULTURAL_REFERENCE")!;
    const music = byCategory(r.items, "MUSIC")!;

    const partial = await api.decide(w.studio.headers, r.id, {
      items: [{ itemId: cultural!.id, decision: "APPROVED" }],
    });
    expect(partial.status).toBe(200);
    expect(partial.body).toMatchObject({ status: "UNDER_REVIEW", versionId: null });

    const done = await api.decide(w.studio.headers, r.id, {
      items: [{ itemId: music!.id, decision: "REJECTED", note: "The score is licensed for the original only." }],
    });
    expect(done.status).toBe(200);
    expect(done.body.status).toBe("PARTIALLY_APPROVED");
    expect(byCategory(done.body.items, "MUSIC")).toMatchObject({
      status: "REJECTED",
      automatic: false,
      reason: "The score is licensed for the original only.",
    });
    const versionId = done.body.versionId;
    expect(versionId).toEqual(expect.any(String));
    const version = await db.version.findUniqueOrThrow({
      where: { id: versionId },
      include: { changes: { orderBy: { position: "asc" } } },
    });
    expect(version).toMatchObject({ kind: "INTERNATIONAL", derivedFromId: w.originalVersionId, territories: ["TH"], status: "PLANNED" });
    expect(version.name).toContain("TH");
    expect(version.changes.map((c) => [c.category, c.description])).toEqual([
      ["RUNTIME", item("RUNTIME").description],
      ["CULTURAL_REFERENCE", item("CULTURAL_REFERENCE").description],
    ]);
    expect(done.body.resultVersion).toMatchObject({ id: versionId, status: "PLANNED" });

    // A decided request refuses further decisions.
    const again = await api.decide(w.studio.headers, r.id, { items: [{ itemId: music!.id, decision: "APPROVED" }] });
    expectProblem(again, 409);
    const changes = await api.decide(w.studio.headers, r.id, { requestChanges: "Shorter, please." });
    expectProblem(changes, 409);
    expect(await db.version.count({ where: { kind: "INTERNATIONAL" } })).toBe(1);
  });

  it("every waiting item rejected (and nothing approved automatically) → REJECTED without a version", async () => {
    const r = await submittedRequest(w, [item("CULTURAL_REFERENCE"), item("ENDING")]);
    const cultural = byCategory(r.items, "CULTURAL_REFERENCE")!;
    const done = await api.decide(w.studio.headers, r.id, { items: [{ itemId: cultural.id, decision: "REJECTED" }] });
    expect(done.body).toMatchObject({ status: "REJECTED", versionId: null });
  });

  it("every item approved → APPROVED", async () => {
    const r = await submittedRequest(w, [item("CULTURAL_REFERENCE"), item("SUBTITLES")]);
    const cultural = byCategory(r.items, "CULTURAL_REFERENCE")!;
    const done = await api.decide(w.studio.headers, r.id, { items: [{ itemId: cultural.id, decision: "APPROVED" }] });
    expect(done.body.status).toBe("APPROVED");
    expect(done.body.versionId).toEqual(expect.any(String));
  });

  it("refuses decisions on unknown items (422), items decided automatically (409) and malformed bodies (422)", async () => {
    const r = await submittedRequest(w, [item("CULTURAL_REFERENCE"), item("SUBTITLES")]);
    const subtitles = byCategory(r.items, "SUBTITLES")!;
    const cultural = byCategory(r.items, "CULTURAL_REFERENCE")!;
    expect(
      errorPaths(expectProblem(await api.decide(w.studio.headers, r.id, { items: [{ itemId: MISSING_ID, decision: "APPROVED" }] }), 422)),
    ).toEqual(["items.0.itemId"]);
    const auto = expectProblem(await api.decide(w.studio.headers, r.id, { items: [{ itemId: subtitles.id, decision: "REJECTED" }] }), 409);
    expect(errorPaths(auto)).toEqual(["items.0.itemId"]);
    const twice = await api.decide(w.studio.headers, r.id, {
      items: [
        { itemId: cultural.id, decision: "APPROVED" },
        { itemId: cultural.id, decision: "REJECTED" },
      ],
    });
    expect(errorPaths(expectProblem(twice, 422))).toEqual(["items.1.itemId"]);
    expectProblem(await api.decide(w.studio.headers, r.id, { items: [{ itemId: cultural.id, decision: "MAYBE" }] }), 422);
    expectProblem(await api.decide(w.studio.headers, r.id, { items: [], requestChanges: "x" }), 422);
    expectProblem(await api.decide(w.studio.headers, r.id, {}), 422);
    const after = await api.get(w.studio.headers, r.id);
    expect(after.body.status).toBe("UNDER_REVIEW");
    expect(byCategory(after.body.items, "CULTURAL_REFERENCE")).toMatchObject({ status: "PENDING" });
  });

  it("changes requested: the partner edits and resubmits; the request is evaluated again against the policy now in force", async () => {
    const r = await submittedRequest(w, [item("CULTURAL_REFERENCE"), item("RUNTIME", { magnitudePct: "15" })]);
    expect(r.policyVersion).toBe(1);
    const sent = await api.decide(w.studio.headers, r.id, { requestChanges: "Keep the runtime cut within 10%." });
    expect(sent.body).toMatchObject({ status: "CHANGES_REQUESTED", changesRequestedNote: "Keep the runtime cut within 10%." });
    expectProblem(await api.decide(w.studio.headers, r.id, { requestChanges: "Again" }), 409);

    // The studio loosens the policy meanwhile: version 2 pre-approves cultural references.
    await api.putPolicy(w.studio.headers, w.titleId, {
      elements: [
        ...POLICY.elements.filter((e) => e.category !== "CULTURAL_REFERENCE"),
        { category: "CULTURAL_REFERENCE", rule: "PRE_APPROVED" },
      ],
    });
    const stale = await api.patch(w.partner.headers, r.id, { version: r.version, items: [item("CULTURAL_REFERENCE")] });
    expectProblem(stale, 409);
    const edited = await api.patch(w.partner.headers, r.id, {
      version: sent.body.version,
      items: [item("CULTURAL_REFERENCE"), item("RUNTIME", { magnitudePct: "9" })],
    });
    expect(edited.status).toBe(200);
    expect(edited.body.items.map((i: { status: string }) => i.status)).toEqual(["PENDING", "PENDING"]);
    const again = await api.submit(w.partner.headers, r.id);
    expect(again.body).toMatchObject({ status: "APPROVED", policyVersion: 2, changesRequestedNote: null });
    expect(again.body.versionId).toEqual(expect.any(String));
  });

  it("a request submitted under one policy version keeps it when the policy changes later", async () => {
    const r = await submittedRequest(w, [item("CULTURAL_REFERENCE")]);
    await api.putPolicy(w.studio.headers, w.titleId, { elements: [{ category: "CULTURAL_REFERENCE", rule: "LOCKED" }] });
    const now = await api.get(w.studio.headers, r.id);
    expect(now.body).toMatchObject({ policyVersion: 1, status: "UNDER_REVIEW", items: [{ status: "PENDING", code: "APPROVAL_REQUIRED" }] });
  });
});

describe("editing and withdrawing", () => {
  it("PATCH changes a draft (stale version 409); a submitted request cannot change (409)", async () => {
    const draft = await draftRequest(w, [item("DUBBING")]);
    const changed = await api.patch(w.partner.headers, draft.id, { version: 1, territories: ["VN", "TH"], name: "Mekong cut" });
    expect(changed.body).toMatchObject({ territories: ["VN", "TH"], name: "Mekong cut", version: 2 });
    expectProblem(await api.patch(w.partner.headers, draft.id, { version: 1, name: "Lost update" }), 409);
    expect(errorPaths(expectProblem(await api.patch(w.partner.headers, draft.id, { version: 2, territories: ["ZZ"] }), 422))).toEqual([
      "territories.0",
    ]);
    expect(errorPaths(expectProblem(await api.patch(w.partner.headers, draft.id, { name: "no version" }), 422))).toEqual(["version"]);
    await api.submit(w.partner.headers, draft.id);
    const after = await api.get(w.partner.headers, draft.id);
    expectProblem(await api.patch(w.partner.headers, draft.id, { version: after.body.version, name: "Too late" }), 409);
    expect((await api.get(w.partner.headers, draft.id)).body.name).toBe("Mekong cut");
  });

  it("withdraw from DRAFT, UNDER_REVIEW and CHANGES_REQUESTED; never from a decided request", async () => {
    const draft = await draftRequest(w, [item("CULTURAL_REFERENCE")]);
    expect((await api.withdraw(w.partner.headers, draft.id)).body.status).toBe("WITHDRAWN");
    expectProblem(await api.withdraw(w.partner.headers, draft.id), 409);
    expectProblem(await api.submit(w.partner.headers, draft.id), 409);

    const review = await submittedRequest(w, [item("CULTURAL_REFERENCE")]);
    expectProblem(await api.withdraw(w.partner.headers, review.id, { version: 1 }), 409);
    const withdrawn = await api.withdraw(w.partner.headers, review.id, { version: review.version });
    expect(withdrawn.body).toMatchObject({ status: "WITHDRAWN", withdrawnAt: expect.any(String) });
    expectProblem(await api.decide(w.studio.headers, review.id, { requestChanges: "x" }), 409);

    const back = await submittedRequest(w, [item("CULTURAL_REFERENCE")]);
    await api.decide(w.studio.headers, back.id, { requestChanges: "More detail." });
    expect((await api.withdraw(w.partner.headers, back.id)).body.status).toBe("WITHDRAWN");

    const approved = await submittedRequest(w, [item("SUBTITLES")]);
    expect(approved.status).toBe("APPROVED");
    expectProblem(await api.withdraw(w.partner.headers, approved.id), 409);
    expect(errorPaths(expectProblem(await api.withdraw(w.partner.headers, approved.id, { version: "x" }), 422))).toEqual(["version"]);
  });
});

describe("a request that names a deal", () => {
  async function signedDeal(grant: Record<string, unknown>) {
    const id = await draftDealViaApi(w.studio.headers, { licenseeId: w.partner.orgId }, [grantBody(w.titleId, grant)]);
    await proposeAndSignViaApi(id, w.studio.headers, w.partner.headers);
    return id;
  }

  it("submits when the deal is SIGNED, licenses the title in every territory and permits edits there", async () => {
    const dealId = await signedDeal({ territories: ["SEA"], editsPermitted: true });
    const r = await submittedRequest(w, [item("DUBBING")], { dealId, territories: ["TH", "VN"] });
    expect(r).toMatchObject({ status: "APPROVED", dealId, deal: { id: dealId, status: "SIGNED" } });
  });

  it("refuses submission (422, with the reason) when the deal is not signed", async () => {
    const dealId = await draftDealViaApi(w.studio.headers, { licenseeId: w.partner.orgId }, [
      grantBody(w.titleId, { editsPermitted: true }),
    ]);
    const draft = await draftRequest(w, [item("DUBBING")], { dealId });
    const problem = expectProblem(await api.submit(w.partner.headers, draft.id), 422);
    expect(problem.type).toBe("/problems/deal-not-signed");
    expect(problem.detail).toMatch(/DRAFT/);
    expect(errorPaths(problem)).toEqual(["dealId"]);
    expect((await api.get(w.partner.headers, draft.id)).body.status).toBe("DRAFT");
  });

  it("refuses when the deal does not permit edits, or does not cover a territory, naming the countries", async () => {
    const noEdits = await signedDeal({ territories: ["TH"], editsPermitted: false });
    const a = await draftRequest(w, [item("DUBBING")], { dealId: noEdits });
    const pa = expectProblem(await api.submit(w.partner.headers, a.id), 422);
    expect(pa).toMatchObject({ type: "/problems/deal-edits-not-permitted", territoriesWithoutEdits: ["TH"] });

    const thOnly = await signedDeal({ territories: ["TH"], mediaRights: ["AVOD"], editsPermitted: true });
    const b = await draftRequest(w, [item("DUBBING")], { dealId: thOnly, territories: ["TH", "LA"] });
    const pb = expectProblem(await api.submit(w.partner.headers, b.id), 422);
    expect(pb).toMatchObject({ type: "/problems/deal-territories-not-covered", uncoveredTerritories: ["LA"] });
    expect(pb.detail).toContain("LA");
  });

  it("refuses a deal about another title", async () => {
    const otherTitle = await titleViaApi(w.studio.headers, { originalTitle: "别的", visibility: "LISTED" });
    const dealId = await signedDeal({});
    await db.grant.updateMany({ where: { dealId }, data: { titleId: otherTitle } });
    const draft = await draftRequest(w, [item("DUBBING")], { dealId });
    expect(expectProblem(await api.submit(w.partner.headers, draft.id), 422).type).toBe("/problems/deal-title-not-covered");
  });

  it("a deal the partner is not the licensee of cannot be named at all", async () => {
    const dealId = await draftDealViaApi(w.studio.headers, { licenseeId: w.outsider.orgId }, [grantBody(w.titleId)]);
    const res = await api.create(w.partner.headers, requestBody(w, [item("DUBBING")], { dealId }));
    expect(errorPaths(expectProblem(res, 422))).toEqual(["dealId"]);
  });
});

describe("comments, attachments and the timeline", () => {
  it("both parties comment; the thread reads oldest first; every step is on the timeline", async () => {
    const r = await submittedRequest(w, [item("CULTURAL_REFERENCE")]);
    const c1 = await api.comment(w.partner.headers, r.id, "Storyboard attached tomorrow.");
    expect(c1.status).toBe(201);
    expect(c1.body).toMatchObject({ body: "Storyboard attached tomorrow.", organization: { id: w.partner.orgId } });
    const c2 = await api.comment(w.studio.headers, r.id, "Thanks — we will look.");
    expect(c2.status).toBe(201);
    expect(errorPaths(expectProblem(await api.comment(w.studio.headers, r.id, "   "), 422))).toEqual(["body"]);
    const thread = await api.comments(w.partner.headers, r.id);
    expect(thread.body.items.map((c: { body: string }) => c.body)).toEqual(["Storyboard attached tomorrow.", "Thanks — we will look."]);
    expect(thread.body.nextCursor).toBeNull();
    expect((await api.get(w.partner.headers, r.id)).body.commentCount).toBe(2);

    const itemId = (r.items[0] as { id: string }).id;
    await api.decide(w.studio.headers, r.id, { items: [{ itemId, decision: "APPROVED", note: "Fine." }] });
    const timeline = await api.timeline(w.studio.headers, r.id);
    expect(timeline.body.items.map((e: { action: string }) => e.action)).toEqual([
      "edit_request.submit",
      "edit_request.comment",
      "edit_request.comment",
      "edit_request.decide",
    ]);
    const partnerTimeline = await api.timeline(w.partner.headers, r.id);
    expect(partnerTimeline.body.items.map((e: { action: string }) => e.action)).toEqual([
      "edit_request.create",
      "edit_request.submit",
      "edit_request.comment",
      "edit_request.comment",
      "edit_request.decide",
    ]);
  });

  it("the comment thread pages with an opaque cursor, oldest first", async () => {
    const r = await submittedRequest(w, [item("CULTURAL_REFERENCE")]);
    for (let i = 1; i <= 5; i++)
      expect((await api.comment(i % 2 ? w.partner.headers : w.studio.headers, r.id, `Comment ${i}`)).status).toBe(201);
    const bodies: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await callRoute(listCommentsRoute, `/api/v1/edit-requests/${r.id}/comments`, {
        headers: w.studio.headers,
        params: { id: r.id },
        query: { limit: 2, cursor },
      });
      bodies.push(...page.body.items.map((c: { body: string }) => c.body));
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor);
    expect(bodies).toEqual(["Comment 1", "Comment 2", "Comment 3", "Comment 4", "Comment 5"]);
  });

  it("a title the studio stops offering (made PRIVATE) cannot take a submission", async () => {
    const draft = await draftRequest(w, [item("DUBBING")]);
    await db.title.update({ where: { id: w.titleId }, data: { visibility: "PRIVATE" } });
    expect(expectProblem(await api.submit(w.partner.headers, draft.id), 422).type).toBe("/problems/title-not-offered");
  });

  it("attachments: PDF/PNG/text stored and downloaded byte for byte; too large 413; other types 415", async () => {
    const r = await submittedRequest(w, [item("CULTURAL_REFERENCE")]);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const up = await uploadAttachment(w.partner.headers, r.id, png, "storyboard 1.png", "image/png");
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ fileName: "storyboard 1.png", contentType: "image/png", sizeBytes: png.byteLength });
    const text = await uploadAttachment(w.studio.headers, r.id, new TextEncoder().encode("脚本 notes"), "notes.txt", "text/plain");
    expect(text.status).toBe(201);
    expect(text.body.contentType).toBe("text/plain");

    const list = await api.attachments(w.studio.headers, r.id);
    expect(list.body.items.map((a: { fileName: string }) => a.fileName)).toEqual(["storyboard 1.png", "notes.txt"]);
    const download = await downloadAttachment(w.studio.headers, r.id, up.body.id);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("image/png");
    expect(download.headers.get("content-disposition")).toContain("attachment");
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(png);

    const exe = await uploadAttachment(w.partner.headers, r.id, new Uint8Array([0x4d, 0x5a, 0, 0]), "tool.exe");
    expectProblem(exe, 415);
    const fakePdf = await uploadAttachment(w.partner.headers, r.id, new TextEncoder().encode("not a pdf"), "script.pdf", "application/pdf");
    expectProblem(fakePdf, 415);
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(new TextEncoder().encode("%PDF-1.7"));
    expectProblem(await uploadAttachment(w.partner.headers, r.id, big, "huge.pdf", "application/pdf"), 413);
    expect(await db.editRequestAttachment.count()).toBe(2);
  });
});

describe("input of any shape", () => {
  it("answers 4xx, never 500, and changes nothing", async () => {
    const r = await submittedRequest(w, [item("CULTURAL_REFERENCE")]);
    const draft = await draftRequest(w, [item("DUBBING")]);
    const before = await db.editRequest.findMany({ orderBy: { id: "asc" }, include: { items: true } });
    const odd: unknown[] = [
      null,
      1,
      "x",
      [],
      [1],
      { items: "x" },
      { items: [null] },
      { territories: [1] },
      { version: "1" },
      { version: 1e20 },
    ];
    const answers = [];
    for (const body of odd) {
      answers.push(
        await api.create(w.partner.headers, body),
        await api.patch(w.partner.headers, draft.id, body),
        await api.decide(w.studio.headers, r.id, body),
        await api.putPolicy(w.studio.headers, w.titleId, body),
        await api.markRead(w.studio.headers, body),
      );
    }
    for (const body of [null, 1, "x", [], { version: "1" }, { version: 0 }]) {
      const res = await api.submit(w.partner.headers, draft.id, body);
      expect(errorPaths(expectProblem(res, 422))).toEqual(["version"]);
    }
    answers.push(
      await api.decide(w.studio.headers, r.id, { items: [{}] }),
      await api.decide(w.studio.headers, r.id, { items: [{ itemId: r.items[0].id, decision: "APPROVED", note: 5 }] }),
      await api.patch(w.partner.headers, draft.id, { version: 1, dealId: 123 }),
      await api.list(w.partner.headers, { limit: 0 }),
      await api.list(w.partner.headers, { limit: "lots" }),
      await api.list(w.partner.headers, { cursor: "%%%" }),
      await api.list(w.partner.headers, { cursor: Buffer.from('{"u":"not a date","id":"x"}').toString("base64url") }),
      await api.notifications(w.partner.headers, { cursor: "garbage", limit: 500 }),
      await api.get(w.partner.headers, "not-a-uuid"),
    );
    for (const res of answers)
      expect({ status: res.status, text: res.text.slice(0, 200) }).toEqual({ status: expect.any(Number), text: expect.any(String) });
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.filter((s) => s < 400 && s !== 200)).toEqual([]);
    expect(await db.editRequest.findMany({ orderBy: { id: "asc" }, include: { items: true } })).toEqual(before);
  });
});
