/**
 * The demo seed's edit rights: policies on the demo titles and requests in
 * every status the flow produces, made through the commands (so audit entries and notifications
 * exist), and a second run changes nothing.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { seedEdits } from "@/lib/edits/seed";
import { seed } from "@/prisma/seed";
import { resetDb } from "../support/db";

beforeAll(async () => {
  await resetDb();
  await seed();
}, 600_000);

describe("demo edit rights", () => {
  it("has requests in every stored status, the approved ones with their international version", async () => {
    const requests = await db.editRequest.findMany({ include: { items: true, resultVersion: { include: { changes: true } } } });
    expect(new Set(requests.map((r) => r.status))).toEqual(
      new Set(["DRAFT", "UNDER_REVIEW", "APPROVED", "PARTIALLY_APPROVED", "REJECTED", "CHANGES_REQUESTED", "WITHDRAWN"]),
    );
    for (const r of requests.filter((r) => r.status === "APPROVED" || r.status === "PARTIALLY_APPROVED")) {
      expect(r.resultVersion).toMatchObject({ kind: "INTERNATIONAL", derivedFromId: r.baseVersionId, territories: r.territories });
      expect(r.resultVersion!.changes.map((c) => c.category).sort()).toEqual(
        r.items
          .filter((i) => i.status === "APPROVED")
          .map((i) => i.category)
          .sort(),
      );
    }
    const linked = requests.find((r) => r.dealId);
    expect(linked?.status).toBe("APPROVED");
    expect(await db.editPolicy.count()).toBeGreaterThanOrEqual(5);
  });

  it("left a timeline and notifications, as people would have", async () => {
    const review = await db.editRequest.findFirstOrThrow({ where: { status: "UNDER_REVIEW" } });
    const actions = (
      await db.auditEntry.findMany({ where: { entityType: "EditRequest", entityId: review.id }, orderBy: { id: "asc" } })
    ).map((a) => a.action);
    expect(actions).toEqual([
      "edit_request.create",
      "edit_request.submit",
      "edit_request.comment",
      "edit_request.attach",
      "edit_request.comment",
    ]);
    expect(await db.notification.count({ where: { subjectId: review.id } })).toBeGreaterThan(0);
    expect(await db.editRequestAttachment.count({ where: { requestId: review.id } })).toBe(1);
  });

  it("a second run creates nothing", async () => {
    const before = { requests: await db.editRequest.count(), policies: await db.editPolicy.count(), audit: await db.auditEntry.count() };
    const again = await seedEdits();
    expect(again).toMatchObject({ created: false, policies: 0, requests: 0, skipped: [] });
    expect({ requests: await db.editRequest.count(), policies: await db.editPolicy.count(), audit: await db.auditEntry.count() }).toEqual(
      before,
    );
  });
});
