/**
 * Event notifications beyond edit requests: statements, receipts and advances reach the members
 * of the organisation that should act or know — never the actor, never a third organisation —
 * in the app and by e-mail as each chose, with titles in the reader's language.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { GET as notificationsRoute } from "@/app/api/v1/notifications/route";
import { db } from "@/lib/db/client";
import { callRoute } from "../support/api";
import { resetDb } from "../support/db";
import { approvedAdvance, facilityApi, facilityWorld } from "./facility-fixtures";
import { statementsApi as api, line, signedWorld, usd } from "./statements-fixtures";

type H = Record<string, string>;
const notifications = async (headers: H) =>
  (await callRoute(notificationsRoute, "/api/v1/notifications", { headers })).body.items as {
    kind: string;
    subjectId: string;
    href: string;
    params: Record<string, unknown>;
  }[];
const kinds = async (headers: H) => (await notifications(headers)).map((n) => n.kind);
const mailsTo = (email: string) =>
  db.emailOutbox.findMany({ where: { toAddress: email.toLowerCase(), template: "notification" }, orderBy: { id: "asc" } });

beforeEach(async () => {
  await resetDb();
});

describe("statement and receipt events", () => {
  it("tell the licensor of a submission and the licensee of the decision and the receipt", async () => {
    const w = await signedWorld();
    await db.title.update({ where: { id: w.titleId }, data: { titleEn: "Jade Mountain", titleZh: "玉山传" } });
    await db.user.update({ where: { id: w.studio.userId }, data: { locale: "zh" } });
    // Both parties heard of the signature; start counting from here.
    expect(await kinds(w.studio.headers)).toEqual(["DEAL_SIGNED"]);
    await db.notification.deleteMany();
    await db.emailOutbox.deleteMany();

    const q1 = await api.submit(w.partner.headers, w.dealId, {
      periodStart: "2027-01-01",
      periodEnd: "2027-03-31",
      lines: [line(w.titleId, "2000.00")],
    });
    expect(q1.status, q1.text).toBe(201);
    expect(await notifications(w.studio.headers)).toMatchObject([
      {
        kind: "STATEMENT_SUBMITTED",
        subjectId: q1.body.id,
        href: `/statements/${q1.body.id}`,
        params: { amount: "2000.00", currency: "USD" },
      },
    ]);
    // The studio reads Chinese: its e-mail names the title as 《玉山传》.
    const [mail] = await mailsTo(w.studio.email);
    expect(mail?.locale).toBe("zh");
    expect(mail?.subject).toContain("《玉山传》");
    expect(mail?.subject).toContain("2027年1月1日 至 2027年3月31日");

    const accepted = await api.accept(w.studio.headers, q1.body.id);
    expect(accepted.status, accepted.text).toBe(200);
    const receipt = await api.receipt(w.studio.headers, w.dealId, {
      kind: "MG_INSTALMENT",
      amount: usd("400.00"),
      receivedOn: "2027-01-15",
      instalmentIndex: 0,
    });
    expect(receipt.status, receipt.text).toBe(201);
    expect(await kinds(w.partner.headers)).toEqual(["RECEIPT_RECORDED", "STATEMENT_ACCEPTED"]);
    // Accepted statements and receipts wait for the digest by default: no e-mail at once.
    expect(await mailsTo(w.partner.email)).toEqual([]);
    expect(await db.notificationDigestItem.count({ where: { userId: w.partner.userId } })).toBe(2);

    // A correction: the licensor hears of the new statement and of the one it supersedes.
    const q2 = await api.submit(w.partner.headers, w.dealId, {
      periodStart: "2027-04-01",
      periodEnd: "2027-06-30",
      lines: [line(w.titleId, "10.00")],
    });
    expect((await api.dispute(w.studio.headers, q2.body.id)).status).toBe(200);
    const fixed = await api.submit(w.partner.headers, w.dealId, {
      periodStart: "2027-04-01",
      periodEnd: "2027-06-30",
      lines: [line(w.titleId, "12.00")],
      supersedesId: q2.body.id,
    });
    expect(fixed.status, fixed.text).toBe(201);
    expect((await kinds(w.studio.headers)).slice(0, 2).sort()).toEqual(["STATEMENT_SUBMITTED", "STATEMENT_SUPERSEDED"]);
    const [newest, next] = await notifications(w.studio.headers);
    expect([newest, next].find((n) => n?.kind === "STATEMENT_SUBMITTED")).toMatchObject({
      subjectId: fixed.body.id,
      params: { corrects: true },
    });
    expect([newest, next].find((n) => n?.kind === "STATEMENT_SUPERSEDED")).toMatchObject({ subjectId: q2.body.id });
    expect(await kinds(w.partner.headers)).toContain("STATEMENT_DISPUTED");

    // The actor hears nothing of its own acts; the outsider hears nothing at all.
    expect(await kinds(w.partner.headers)).not.toContain("STATEMENT_SUBMITTED");
    expect(await notifications(w.outsider.headers)).toEqual([]);
    expect(await mailsTo(w.outsider.email)).toEqual([]);
  });
});

describe("advance events", () => {
  it("tell the facility of an application and the studio of each facility decision", async () => {
    const w = await facilityWorld();
    await db.notification.deleteMany();
    const id = await approvedAdvance(w);
    const facilityOwner = w.underwriter.headers;
    const facilityOfficer = w.officer.headers;
    // The facility's members hear of the submission (the underwriter who then decided too).
    expect(await kinds(facilityOfficer)).toEqual(["ADVANCE_SUBMITTED"]);
    expect(await kinds(facilityOwner)).toEqual(["ADVANCE_SUBMITTED"]);
    // The studio hears of the review and the approval, with the approved amount.
    const studio = await notifications(w.studio.headers);
    expect(studio.map((n) => n.kind)).toEqual(["ADVANCE_DECIDED", "ADVANCE_REVIEWED"]);
    expect(studio[0]).toMatchObject({
      subjectId: id,
      href: `/advances/${id}`,
      params: { decision: "APPROVED", amount: "100000.00", currency: "USD" },
    });

    const paid = await facilityApi.disburse(w.officer.headers, id, `key-${id}`);
    expect(paid.status, paid.text).toBe(201);
    expect((await kinds(w.studio.headers))[0]).toBe("ADVANCE_DISBURSED");
    // Neither the licensee nor another studio hears of the studio's financing.
    expect(await notifications(w.partner.headers)).toEqual([]);
    expect(await notifications(w.otherStudio.headers)).toEqual([]);
  });
});
