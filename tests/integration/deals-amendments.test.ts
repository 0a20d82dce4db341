import { execFileSync } from "node:child_process";
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it } from "vitest";
import { POST as proposeAmendment } from "@/app/api/v1/deals/[id]/amendments/[aid]/propose/route";
import { GET as getAmendment, PATCH as patchAmendment } from "@/app/api/v1/deals/[id]/amendments/[aid]/route";
import { POST as signAmendment } from "@/app/api/v1/deals/[id]/amendments/[aid]/sign/route";
import { POST as withdrawAmendment } from "@/app/api/v1/deals/[id]/amendments/[aid]/withdraw/route";
import { POST as createAmendment, GET as listAmendments } from "@/app/api/v1/deals/[id]/amendments/route";
import { GET as contract } from "@/app/api/v1/deals/[id]/contract.pdf/route";
import { POST as addGrant } from "@/app/api/v1/deals/[id]/grants/route";
import { POST as propose } from "@/app/api/v1/deals/[id]/propose/route";
import { POST as recordReceipt } from "@/app/api/v1/deals/[id]/receipts/route";
import { POST as exerciseRenewal } from "@/app/api/v1/deals/[id]/renewal/route";
import { GET as getDeal } from "@/app/api/v1/deals/[id]/route";
import { POST as sign } from "@/app/api/v1/deals/[id]/sign/route";
import { POST as createDeal } from "@/app/api/v1/deals/route";
import { GET as listObligations } from "@/app/api/v1/obligations/route";
import { POST as createTitle } from "@/app/api/v1/titles/route";
import { todayUtc } from "@/lib/dates";
import { db } from "@/lib/db/client";
import { BASE_URL, callRoute, expectProblem, type Registered, registerViaApi } from "../support/api";
import { resetDb } from "../support/db";

let studio: Registered;
let partners: Registered[];
let outsider: Registered;
let titleId: string;

beforeEach(async () => {
  await resetDb();
  studio = await registerViaApi({ organization: { name: "Jade Studio", kind: "STUDIO", homeCountry: "CN" } });
  partners = await Promise.all(
    ["TH", "BR", "VN"].map((c) => registerViaApi({ organization: { name: `Partner ${c}`, kind: "PARTNER", homeCountry: c } })),
  );
  outsider = await registerViaApi({ organization: { name: "Elsewhere Films", kind: "PARTNER", homeCountry: "FR" } });
  const title = await callRoute(createTitle, "/api/v1/titles", {
    headers: studio.headers,
    json: { kind: "FILM", originalTitle: "玉山", originalLanguage: "zh", year: 2025, visibility: "LISTED" },
  });
  expect(title.status).toBe(201);
  titleId = title.body.id;
});

type GrantBody = { territories: string[]; mediaRights: string[]; start: string; end: string; exclusive: boolean };
const usd = (amount: string) => ({ amount, currency: "USD" });

/** A deal signed by both parties with one grant. */
async function signedDeal(partner: Registered, grant: GrantBody, terms: object = { minimumGuarantee: usd("100000.00") }) {
  const deal = await callRoute(createDeal, "/api/v1/deals", {
    headers: studio.headers,
    json: { licenseeId: partner.orgId, currency: "USD", terms },
  });
  expect(deal.status, deal.text).toBe(201);
  const id: string = deal.body.id;
  const g = await callRoute(addGrant, `/api/v1/deals/${id}/grants`, {
    headers: studio.headers,
    params: { id },
    json: { titleId, ...grant },
  });
  expect(g.status, g.text).toBe(201);
  expect(
    (await callRoute(propose, `/api/v1/deals/${id}/propose`, { method: "POST", headers: studio.headers, params: { id } })).status,
  ).toBe(200);
  expect(
    (await callRoute(sign, `/api/v1/deals/${id}/sign`, { method: "POST", headers: partner.headers, params: { id } })).body.status,
  ).toBe("PROPOSED");
  const signed = await callRoute(sign, `/api/v1/deals/${id}/sign`, { method: "POST", headers: studio.headers, params: { id } });
  expect(signed.body.status, signed.text).toBe("SIGNED");
  return { id, grantId: signed.body.grants[0].id as string };
}

const amendmentsPath = (id: string) => `/api/v1/deals/${id}/amendments`;
const create = (who: Registered, id: string, json: object) =>
  callRoute(createAmendment, amendmentsPath(id), { headers: who.headers, params: { id }, json });
const act = (handler: typeof signAmendment, verb: string) => (who: Registered, id: string, aid: string, json?: object) =>
  callRoute(handler, `${amendmentsPath(id)}/${aid}/${verb}`, {
    method: "POST",
    headers: who.headers,
    params: { id, aid },
    ...(json && { json }),
  });
const proposeA = act(proposeAmendment, "propose");
const signA = act(signAmendment, "sign");
const withdrawA = act(withdrawAmendment, "withdraw");

/** The contract's page count (pdfkit writes page dictionaries uncompressed) and its text when poppler is installed. */
async function contractOf(who: Registered, id: string, lang: "en" | "zh") {
  const res = await contract(new NextRequest(`${BASE_URL}/api/v1/deals/${id}/contract.pdf?lang=${lang}`, { headers: who.headers }), {
    params: Promise.resolve({ id }),
  });
  expect(res.status).toBe(200);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const pages = (
    Buffer.from(bytes)
      .toString("latin1")
      .match(/\/Type \/Page\b/g) ?? []
  ).length;
  let text: string | null = null;
  try {
    text = execFileSync("pdftotext", ["-layout", "-", "-"], { input: bytes, encoding: "utf8" });
  } catch {
    text = null;
  }
  return { pages, text };
}

/** Everything an amendment could change, to compare before and after a refusal. */
async function dealState(id: string) {
  const deal = await db.deal.findUniqueOrThrow({
    where: { id },
    include: { grants: { orderBy: { id: "asc" } }, instalments: { orderBy: { position: "asc" } } },
  });
  const slices = await db.grantSlice.findMany({
    where: { dealId: id },
    select: { grantId: true, country: true, media: true, start: true, end: true, exclusive: true },
    orderBy: [{ grantId: "asc" }, { country: "asc" }, { media: "asc" }],
  });
  return { version: deal.lockVersion, mg: deal.mgMinor, grants: deal.grants, instalments: deal.instalments, slices };
}

/** The slices a deal's grants should have (no holdbacks here): one per country × leaf media of each grant. */
async function expectSlicesMatchGrants(id: string) {
  const grants = await db.grant.findMany({ where: { dealId: id } });
  const slices = await db.grantSlice.findMany({ where: { dealId: id } });
  for (const g of grants) {
    const own = slices.filter((s) => s.grantId === g.id);
    expect(own.length).toBeGreaterThan(0);
    for (const s of own) {
      expect(s.start.getTime()).toBeGreaterThanOrEqual(g.start.getTime());
      expect(s.end.getTime()).toBeLessThanOrEqual(g.end.getTime());
      expect(s.exclusive).toBe(g.exclusive);
    }
  }
  expect(new Set(slices.map((s) => s.grantId))).toEqual(new Set(grants.map((g) => g.id)));
}

describe("amendments to a signed deal", () => {
  it("a licensee drafts, changes and proposes an amendment; both sign and the deal's grants, slices and terms change", async () => {
    const partner = partners[0]!;
    const { id, grantId } = await signedDeal(partner, {
      territories: ["TH"],
      mediaRights: ["SVOD"],
      start: "2027-01-01",
      end: "2027-12-31",
      exclusive: true,
    });
    const versionBefore = (await db.deal.findUniqueOrThrow({ where: { id } })).lockVersion;
    const changes = {
      updateGrants: [{ grantId, end: "2028-06-30" }],
      addGrants: [{ titleId, territories: ["VN"], mediaRights: ["AVOD"], start: "2027-03-01", end: "2027-12-31", exclusive: false }],
      terms: { minimumGuarantee: usd("120000.00") },
    };
    const drafted = await create(partner, id, {
      effectiveOn: "2027-03-01",
      note: "Longer window, Vietnam added",
      changes: { updateGrants: [{ grantId, end: "2028-03-31" }] },
    });
    expect(drafted.status, drafted.text).toBe(201);
    expect(drafted.body).toMatchObject({
      number: 1,
      status: "DRAFT",
      version: 1,
      changes: { updateGrants: [{ grantId, end: "2028-03-31" }] },
    });
    const aid: string = drafted.body.id;

    // The other party sees it; only the drafter changes it; a stale version is refused.
    expect((await callRoute(getAmendment, `${amendmentsPath(id)}/${aid}`, { headers: studio.headers, params: { id, aid } })).status).toBe(
      200,
    );
    const patch = (who: Registered, json: object) =>
      callRoute(patchAmendment, `${amendmentsPath(id)}/${aid}`, { method: "PATCH", headers: who.headers, params: { id, aid }, json });
    expectProblem(await patch(studio, { version: 1, changes }), 403);
    const patched = await patch(partner, { version: 1, changes });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.body.changes).toEqual({
      ...changes,
      addGrants: [{ ...changes.addGrants[0], excludedTerritories: [], languages: [], holdbacks: [], editsPermitted: false, seasons: [] }],
    });
    expectProblem(await patch(partner, { version: 1, note: "again" }), 409);
    // The preview diff before anyone signs.
    expect(patched.body.diff.grants.changed).toEqual([
      expect.objectContaining({ grantId, fields: [{ field: "end", before: "2027-12-31", after: "2028-06-30" }] }),
    ]);
    expect(patched.body.diff.terms).toEqual([{ field: "minimumGuarantee", before: usd("100000.00"), after: usd("120000.00") }]);

    expectProblem(await signA(studio, id, aid), 409); // not proposed yet
    expect((await proposeA(partner, id, aid, { version: 2 })).body.status).toBe("PROPOSED");
    const unamended = { en: await contractOf(studio, id, "en"), zh: await contractOf(partner, id, "zh") };
    const first = await signA(studio, id, aid);
    expect(first.status, first.text).toBe(200);
    expect(first.body.status).toBe("PROPOSED");
    expect((await db.deal.findUniqueOrThrow({ where: { id } })).lockVersion).toBe(versionBefore);
    expectProblem(await signA(studio, id, aid), 409); // ALREADY_SIGNED
    const second = await signA(partner, id, aid);
    expect(second.status, second.text).toBe(200);
    expect(second.body.status).toBe("SIGNED");

    const deal = await callRoute(getDeal, `/api/v1/deals/${id}`, { headers: studio.headers, params: { id } });
    expect(deal.body.version).toBe(versionBefore + 1);
    expect(deal.body.terms.minimumGuarantee).toEqual(usd("120000.00"));
    expect(deal.body.grants).toEqual([
      expect.objectContaining({ id: grantId, territories: ["TH"], end: "2028-06-30" }),
      expect.objectContaining({ territories: ["VN"], mediaRights: ["AVOD"], exclusive: false }),
    ]);
    await expectSlicesMatchGrants(id);
    // The contract gains an appendix (a page of its own) per signed amendment, in either language.
    for (const lang of ["en", "zh"] as const) {
      const amended = await contractOf(lang === "en" ? studio : partner, id, lang);
      expect(amended.pages).toBeGreaterThan(unamended[lang].pages);
      if (amended.text) expect(amended.text).toContain(lang === "en" ? "Appendix 1 — Amendment 1" : "附录1 — 第1号修订");
    }
    const th = await db.grantSlice.findFirstOrThrow({ where: { dealId: id, country: "TH" } });
    expect(th.end.toISOString().slice(0, 10)).toBe("2028-06-30");

    const list = await callRoute(listAmendments, amendmentsPath(id), { headers: studio.headers, params: { id } });
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0].diff.grants.added).toEqual([expect.objectContaining({ territories: ["VN"], titleName: "玉山" })]);
    const actions = (await db.auditEntry.findMany({ where: { entityId: id }, orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions.filter((a) => a.startsWith("deal.amendment"))).toEqual([
      "deal.amendment.create",
      "deal.amendment.update",
      "deal.amendment.propose",
      "deal.amendment.sign",
      "deal.amendment.sign",
    ]);
    // The studio (the other party) is told the amended terms are in force; the signer is not.
    const amendedNotices = await db.notification.findMany({ where: { kind: "DEAL_AMENDED", subjectId: id } });
    expect(amendedNotices.map((n) => [n.orgId, n.userId])).toEqual([[studio.orgId, studio.userId]]);
    expect(amendedNotices[0]?.params).toMatchObject({ deal: expect.any(String), titlesZh: ["玉山"] });
  });

  it("refuses distribution fee and share tier changes naming the field (422), and nothing is written", async () => {
    const { id } = await signedDeal(partners[0]!, {
      territories: ["TH"],
      mediaRights: ["SVOD"],
      start: "2027-01-01",
      end: "2027-12-31",
      exclusive: true,
    });
    const refused = expectProblem<{ errors: { path: string; message: string }[] }>(
      await create(studio, id, {
        effectiveOn: "2027-02-01",
        changes: { terms: { distributionFeePct: "20", shareTiers: [{ upTo: null, pct: "70" }] } },
      }),
      422,
    );
    expect(refused.errors.map((e) => e.path)).toEqual(["changes.terms.distributionFeePct", "changes.terms.shareTiers"]);
    expect(refused.errors[0]!.message).toContain("terms.distributionFeePct");
    expect(await db.dealAmendment.count()).toBe(0);
  });

  it("never takes the MG below what has been received", async () => {
    const partner = partners[0]!;
    const { id } = await signedDeal(partner, {
      territories: ["TH"],
      mediaRights: ["SVOD"],
      start: "2027-01-01",
      end: "2027-12-31",
      exclusive: true,
    });
    const paid = await callRoute(recordReceipt, `/api/v1/deals/${id}/receipts`, {
      headers: studio.headers,
      params: { id },
      json: { kind: "MG_INSTALMENT", amount: usd("60000.00"), receivedOn: "2027-01-15", instalmentIndex: 0 },
    });
    expect(paid.status, paid.text).toBe(201);
    const below = expectProblem<{ errors: { path: string }[] }>(
      await create(partner, id, { effectiveOn: "2027-02-01", changes: { terms: { minimumGuarantee: usd("59999.99") } } }),
      422,
    );
    expect(below.errors.map((e) => e.path)).toEqual(["changes.terms.minimumGuarantee"]);
    expect(
      (await create(partner, id, { effectiveOn: "2027-02-01", changes: { terms: { minimumGuarantee: usd("60000.00") } } })).status,
    ).toBe(201);
  });

  it("an amendment that would double-grant another deal's rights answers 409 and leaves the deal exactly as it was", async () => {
    await signedDeal(partners[1]!, { territories: ["VN"], mediaRights: ["SVOD"], start: "2027-01-01", end: "2027-12-31", exclusive: true });
    const partner = partners[0]!;
    const { id, grantId } = await signedDeal(
      partner,
      { territories: ["TH"], mediaRights: ["SVOD"], start: "2027-01-01", end: "2027-12-31", exclusive: true },
      { minimumGuarantee: usd("100000.00"), instalments: [{ amount: usd("100000.00"), trigger: "SIGNATURE" }] },
    );
    const drafted = await create(partner, id, {
      effectiveOn: "2027-06-01",
      changes: {
        updateGrants: [{ grantId, territories: ["TH", "VN"] }],
        terms: {
          minimumGuarantee: usd("150000.00"),
          instalments: [
            { amount: usd("100000.00"), trigger: "SIGNATURE" },
            { amount: usd("50000.00"), trigger: "DELIVERY" },
          ],
        },
      },
    });
    expect(drafted.status, drafted.text).toBe(201);
    const aid = drafted.body.id;
    await proposeA(partner, id, aid);
    expect((await signA(partner, id, aid)).body.status).toBe("PROPOSED");
    const before = await dealState(id);
    const refused = expectProblem<{ conflicts: { countries: string[]; media: string[] }[] }>(await signA(studio, id, aid), 409);
    expect(refused.type).toMatch(/rights-conflict/);
    expect(refused.conflicts).toEqual([
      expect.objectContaining({ countries: ["VN"], media: ["SVOD"], start: "2027-01-01", end: "2027-12-31" }),
    ]);
    expect(await dealState(id)).toEqual(before);
    expect((await db.dealAmendment.findUniqueOrThrow({ where: { id: aid } })).status).toBe("PROPOSED");
  });

  it("when 20 conflicting amendment signatures race, exactly one applies and the slices are the winner's grants", async () => {
    const deals: { id: string; aid: string }[] = [];
    const countries = [
      "AR",
      "AU",
      "BE",
      "CA",
      "CL",
      "CO",
      "DE",
      "DK",
      "ES",
      "FI",
      "GB",
      "IE",
      "IN",
      "IT",
      "JP",
      "KR",
      "MX",
      "NL",
      "NO",
      "PE",
    ];
    for (let i = 0; i < 20; i++) {
      const partner = partners[i % 3]!;
      const { id } = await signedDeal(partner, {
        territories: [countries[i]!],
        mediaRights: ["SVOD"],
        start: "2028-01-01",
        end: "2028-12-31",
        exclusive: true,
      });
      const drafted = await create(partner, id, {
        effectiveOn: "2028-01-01",
        changes: {
          addGrants: [{ titleId, territories: ["SG"], mediaRights: ["SVOD"], start: "2028-01-01", end: "2028-12-31", exclusive: true }],
        },
      });
      expect(drafted.status, drafted.text).toBe(201);
      await proposeA(partner, id, drafted.body.id);
      expect((await signA(partner, id, drafted.body.id)).body.status).toBe("PROPOSED");
      deals.push({ id, aid: drafted.body.id });
    }
    const before = new Map(await Promise.all(deals.map(async (d) => [d.id, await dealState(d.id)] as const)));
    const results = await Promise.all(deals.map((d) => signA(studio, d.id, d.aid)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    for (const r of results.filter((x) => x.status === 409)) expect(r.body.type).toMatch(/rights-conflict/);
    const winner = deals[statuses.indexOf(200)]!;
    const sg = await db.grantSlice.findMany({ where: { country: "SG" } });
    expect(new Set(sg.map((s) => s.dealId))).toEqual(new Set([winner.id]));
    await expectSlicesMatchGrants(winner.id);
    expect(await db.grant.count({ where: { dealId: winner.id } })).toBe(2);
    for (const d of deals.filter((x) => x !== winner)) {
      expect(await dealState(d.id)).toEqual(before.get(d.id));
      expect((await db.dealAmendment.findUniqueOrThrow({ where: { id: d.aid } })).status).toBe("PROPOSED");
    }
  }, 240_000);

  it("another organisation can neither read nor amend (404)", async () => {
    const partner = partners[0]!;
    const { id, grantId } = await signedDeal(partner, {
      territories: ["TH"],
      mediaRights: ["SVOD"],
      start: "2027-01-01",
      end: "2027-12-31",
      exclusive: true,
    });
    const drafted = await create(partner, id, { effectiveOn: "2027-02-01", changes: { updateGrants: [{ grantId, end: "2028-01-31" }] } });
    const aid = drafted.body.id;
    expectProblem(await callRoute(listAmendments, amendmentsPath(id), { headers: outsider.headers, params: { id } }), 404);
    expectProblem(await callRoute(getAmendment, `${amendmentsPath(id)}/${aid}`, { headers: outsider.headers, params: { id, aid } }), 404);
    expectProblem(await create(outsider, id, { effectiveOn: "2027-02-01", changes: {} }), 404);
    expectProblem(
      await callRoute(patchAmendment, `${amendmentsPath(id)}/${aid}`, {
        method: "PATCH",
        headers: outsider.headers,
        params: { id, aid },
        json: { version: 1, note: "mine now" },
      }),
      404,
    );
    expectProblem(await proposeA(outsider, id, aid), 404);
    expectProblem(await signA(outsider, id, aid), 404);
    expectProblem(await withdrawA(outsider, id, aid), 404);
    expectProblem(
      await callRoute(exerciseRenewal, `/api/v1/deals/${id}/renewal`, { method: "POST", headers: outsider.headers, params: { id } }),
      404,
    );
    // An amendment of another deal, reached through a deal the actor is party to, is 404 too.
    const other = await signedDeal(partners[1]!, {
      territories: ["BR"],
      mediaRights: ["SVOD"],
      start: "2027-01-01",
      end: "2027-12-31",
      exclusive: true,
    });
    expectProblem(
      await callRoute(getAmendment, `${amendmentsPath(other.id)}/${aid}`, { headers: studio.headers, params: { id: other.id, aid } }),
      404,
    );
    expect((await db.dealAmendment.findUniqueOrThrow({ where: { id: aid } })).note).toBeNull();
  });

  it("a withdrawn amendment cannot be signed", async () => {
    const partner = partners[0]!;
    const { id, grantId } = await signedDeal(partner, {
      territories: ["TH"],
      mediaRights: ["SVOD"],
      start: "2027-01-01",
      end: "2027-12-31",
      exclusive: true,
    });
    const aid = (await create(partner, id, { effectiveOn: "2027-02-01", changes: { updateGrants: [{ grantId, end: "2028-01-31" }] } })).body
      .id;
    await proposeA(partner, id, aid);
    expect((await withdrawA(studio, id, aid)).body.status).toBe("WITHDRAWN");
    expectProblem(await signA(partner, id, aid), 409);
  });
});

describe("renewal options", () => {
  it("the licensee exercises it before the notice date: the amendment is proposed, and both signatures extend the grants and raise the MG", async () => {
    const partner = partners[0]!;
    const year = Number(todayUtc().slice(0, 4));
    const option = { noticeBy: `${year + 1}-06-30`, extendsTo: `${year + 3}-12-31`, mgIncreasePct: "10" };
    const { id, grantId } = await signedDeal(
      partner,
      { territories: ["TH"], mediaRights: ["SVOD"], start: `${year}-01-01`, end: `${year + 1}-12-31`, exclusive: true },
      { minimumGuarantee: usd("100000.01"), renewalOption: option },
    );
    const renew = (who: Registered) =>
      callRoute(exerciseRenewal, `/api/v1/deals/${id}/renewal`, { method: "POST", headers: who.headers, params: { id } });
    // The option is in both parties' obligations on its notice date until it is exercised.
    const renewalNotice = async (who: Registered) =>
      (await callRoute(listObligations, `/api/v1/obligations?kind=RENEWAL_NOTICE&dealId=${id}`, { headers: who.headers })).body.items as {
        kind: string;
        dueDate: string;
        status: string;
        side: string;
      }[];
    for (const who of [partner, studio])
      expect(await renewalNotice(who)).toMatchObject([
        { kind: "RENEWAL_NOTICE", dueDate: option.noticeBy, status: "UPCOMING", side: "INFO" },
      ]);
    expectProblem(await renew(studio), 403);
    const exercised = await renew(partner);
    expect(exercised.status, exercised.text).toBe(201);
    expect(exercised.body).toMatchObject({
      status: "PROPOSED",
      renewal: true,
      awaitingOrganizationId: studio.orgId,
      changes: { updateGrants: [{ grantId, end: option.extendsTo }], terms: { minimumGuarantee: usd("110000.01") } },
    });
    expectProblem(await renew(partner), 409);
    const aid = exercised.body.id;
    expect((await signA(studio, id, aid)).body.status).toBe("PROPOSED");
    expect((await signA(partner, id, aid)).body.status).toBe("SIGNED");
    const deal = await callRoute(getDeal, `/api/v1/deals/${id}`, { headers: partner.headers, params: { id } });
    expect(deal.body.grants[0].end).toBe(option.extendsTo);
    expect(deal.body.terms.minimumGuarantee).toEqual(usd("110000.01"));
    expect(deal.body.terms.renewalOption).toEqual(option);
    expect(await renewalNotice(partner)).toMatchObject([{ kind: "RENEWAL_NOTICE", status: "DONE" }]);
  });

  it("is refused after the notice date", async () => {
    const partner = partners[0]!;
    const { id } = await signedDeal(
      partner,
      { territories: ["TH"], mediaRights: ["SVOD"], start: "2020-01-01", end: "2099-12-31", exclusive: true },
      { renewalOption: { noticeBy: "2021-01-01", extendsTo: "2100-12-31", mgIncreasePct: "5" } },
    );
    const refused = expectProblem(
      await callRoute(exerciseRenewal, `/api/v1/deals/${id}/renewal`, { method: "POST", headers: partner.headers, params: { id } }),
      409,
    );
    expect(refused.detail).toContain("2021-01-01");
  });
});
