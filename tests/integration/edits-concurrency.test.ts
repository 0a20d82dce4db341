/**
 * "Deciding the same request twice at once cannot produce two versions or lose a decision"
 * (an acceptance point of edit rights). Decisions race through the real route handlers on separate database
 * connections; the request row lock makes them apply one after another.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { resetDb } from "../support/db";
import { editsApi as api, type EditsWorld, editsWorld, item, submittedRequest } from "./edits-fixtures";

let w: EditsWorld;

beforeEach(async () => {
  await resetDb();
  w = await editsWorld();
});

describe("concurrent decisions", () => {
  it("ten simultaneous final decisions: exactly one wins, the rest get 409, and exactly one version exists", async () => {
    const r = await submittedRequest(w, [item("CULTURAL_REFERENCE"), item("MUSIC"), item("SUBTITLES")]);
    const waiting = r.items.filter((i: { status: string }) => i.status === "PENDING").map((i: { id: string }) => i.id);
    expect(waiting).toHaveLength(2);

    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, n) =>
        api.decide(w.studio.headers, r.id, {
          items: waiting.map((itemId: string) => ({ itemId, decision: n % 2 === 0 ? "APPROVED" : "REJECTED", note: `decision ${n}` })),
        }),
      ),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
    const winner = answers.find((a) => a.status === 200)!;
    for (const loser of answers.filter((a) => a.status === 409)) expect(loser.body.type).toBe("/problems/not-under-review");

    const versions = await db.version.findMany({ where: { titleId: w.titleId, kind: "INTERNATIONAL" }, include: { changes: true } });
    expect(versions).toHaveLength(1);
    const stored = await db.editRequest.findUniqueOrThrow({ where: { id: r.id }, include: { items: { orderBy: { position: "asc" } } } });
    expect(stored.resultVersionId).toBe(versions[0]!.id);
    expect(stored.status).toBe(winner.body.status);
    // The winner's decisions are the ones stored, every one of them.
    const note = winner.body.items.find((i: { id: string }) => i.id === waiting[0]).reason;
    expect(stored.items.filter((i) => waiting.includes(i.id)).map((i) => i.reason)).toEqual([note, note]);
    // The version lists exactly the approved items (SUBTITLES always, the waiting two if the winner approved).
    expect(versions[0]!.changes.length).toBe(stored.items.filter((i) => i.status === "APPROVED").length);
    expect(await db.auditEntry.count({ where: { entityId: r.id, action: "edit_request.decide" } })).toBe(1);
  });

  it("two simultaneous decisions on different items both apply: no decision is lost, one version", async () => {
    const r = await submittedRequest(w, [item("CULTURAL_REFERENCE"), item("MUSIC")]);
    const [a, b] = r.items.map((i: { id: string }) => i.id);
    const answers = await Promise.all([
      api.decide(w.studio.headers, r.id, { items: [{ itemId: a, decision: "APPROVED" }] }),
      api.decide(w.studio.headers, r.id, { items: [{ itemId: b, decision: "REJECTED", note: "No." }] }),
    ]);
    expect(answers.map((x) => x.status)).toEqual([200, 200]);
    const stored = await db.editRequest.findUniqueOrThrow({ where: { id: r.id }, include: { items: { orderBy: { position: "asc" } } } });
    expect(stored.items.map((i) => i.status)).toEqual(["APPROVED", "REJECTED"]);
    expect(stored.status).toBe("PARTIALLY_APPROVED");
    expect(await db.version.count({ where: { titleId: w.titleId, kind: "INTERNATIONAL" } })).toBe(1);
  });

  it("a decision racing a withdrawal: one of them applies, never both", async () => {
    const r = await submittedRequest(w, [item("CULTURAL_REFERENCE")]);
    const [decided, withdrawn] = await Promise.all([
      api.decide(w.studio.headers, r.id, { items: [{ itemId: r.items[0].id, decision: "APPROVED" }] }),
      api.withdraw(w.partner.headers, r.id),
    ]);
    expect([decided.status, withdrawn.status].sort()).toEqual([200, 409]);
    const stored = await db.editRequest.findUniqueOrThrow({ where: { id: r.id } });
    const versions = await db.version.count({ where: { titleId: w.titleId, kind: "INTERNATIONAL" } });
    if (decided.status === 200) expect({ status: stored.status, versions }).toEqual({ status: "APPROVED", versions: 1 });
    else expect({ status: stored.status, versions }).toEqual({ status: "WITHDRAWN", versions: 0 });
  });
});
