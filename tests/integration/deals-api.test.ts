/**
 * The deal lifecycle through /api/v1 as the parties' clients use it: drafting with either party
 * as the counterparty, financial terms against the deal's currency, optimistic versions, grants
 * and holdbacks, proposal, two signatures (and who may give them), rights held (chain of title)
 * and the conflicts preview, and a studio licensing foreign IP in.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import {
  addMemberViaInvitation,
  dealsApi as api,
  bearer,
  createApiKeyViaApi,
  draftDealViaApi,
  errorPaths,
  expectProblem,
  grantBody,
  type Problem,
  proposeAndSignViaApi,
  type Registered,
  registerViaApi,
  titleViaApi,
} from "../support/api";
import { resetDb } from "../support/db";
import { createFacility, MISSING_ID } from "./catalogue-fixtures";

let studio: Registered;
let partner: Registered;
let titleId: string;

beforeEach(async () => {
  await resetDb();
  studio = await registerViaApi({ organization: { name: "Jade Studio", kind: "STUDIO", homeCountry: "CN" } });
  partner = await registerViaApi({ organization: { name: "Siam Screens", kind: "PARTNER", homeCountry: "TH" } });
  titleId = await titleViaApi(studio.headers, { originalTitle: "玉山" });
});

const usd = (amount: string) => ({ amount, currency: "USD" });

/** A draft deal licensing out to the partner, with one exclusive Thai SVOD grant for 2027. */
const draft = (grants = [grantBody(titleId)], extra: Record<string, unknown> = {}) =>
  draftDealViaApi(studio.headers, { licenseeId: partner.orgId }, grants, extra);

/** A refused signature names what stands in the way. */
type SigningProblem = Problem & { conflicts?: unknown[]; uncovered?: unknown[] };

async function dealRow(id: string) {
  return db.deal.findUniqueOrThrow({ where: { id }, include: { grants: true, instalments: true, participants: true } });
}

describe("drafting a deal", () => {
  it("licensing out: the studio names the partner as licensee", async () => {
    const res = await api.create(studio.headers, {
      licenseeId: partner.orgId,
      currency: "USD",
      terms: {
        minimumGuarantee: usd("1000000"),
        instalments: [
          { amount: usd("250000.00"), trigger: "SIGNATURE" },
          { amount: usd("750000.00"), trigger: "DATE", dueDate: "2027-03-31" },
        ],
        distributionFeePct: "25",
        expenseCap: usd("50000.00"),
        shareTiers: [
          { upTo: "1000000.00", pct: "50" },
          { upTo: null, pct: "60" },
        ],
        creatorParticipationPct: "5",
        participants: [{ name: "Li Wei", role: "Director", share: "100" }],
      },
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({
      name: "Jade Studio × Siam Screens",
      status: "DRAFT",
      version: 1,
      currency: "USD",
      role: "LICENSOR",
      crossBorder: true,
      awaitingOrganizationId: null,
      licensor: { id: studio.orgId, kind: "STUDIO", homeCountry: "CN" },
      licensee: { id: partner.orgId, kind: "PARTNER", homeCountry: "TH" },
      grants: [],
      signatures: { licensor: null, licensee: null },
    });
    // Money comes back with the currency's exact minor-unit digits.
    expect(res.body.terms).toEqual({
      minimumGuarantee: usd("1000000.00"),
      instalments: [
        { amount: usd("250000.00"), dueDate: null, trigger: "SIGNATURE" },
        { amount: usd("750000.00"), dueDate: "2027-03-31", trigger: "DATE" },
      ],
      distributionFeePct: "25",
      expenseCap: usd("50000.00"),
      shareTiers: [
        { upTo: "1000000.00", pct: "50" },
        { upTo: null, pct: "60" },
      ],
      creatorParticipationPct: "5",
      participants: [{ name: "Li Wei", role: "Director", share: "100" }],
      // Reporting terms not given: the defaults.
      reportingFrequency: "QUARTERLY",
      reportingDueDays: 45,
      paymentDueDays: 30,
      renewalOption: null,
    });
    const row = await dealRow(res.body.id);
    expect(row).toMatchObject({ licensorId: studio.orgId, licenseeId: partner.orgId, drafterId: studio.orgId, mgMinor: 100000000n });
    expect((await api.get(partner.headers, res.body.id)).body.role).toBe("LICENSEE");
  });

  it("licensing in: the partner names the studio as licensor", async () => {
    const res = await api.create(partner.headers, { licensorId: studio.orgId, currency: "THB" });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ role: "LICENSEE", licensor: { id: studio.orgId }, licensee: { id: partner.orgId }, currency: "THB" });
    expect(res.body.terms.minimumGuarantee).toBeNull();
  });

  it("answers zero-decimal currencies without decimals", async () => {
    const jpy = await api.create(studio.headers, {
      licenseeId: partner.orgId,
      currency: "JPY",
      terms: { minimumGuarantee: { amount: "5000000", currency: "JPY" } },
    });
    expect(jpy.status, jpy.text).toBe(201);
    expect(jpy.body.terms.minimumGuarantee).toEqual({ amount: "5000000", currency: "JPY" });
  });

  it.each([
    ["both counterparties", (p: string, s: string) => ({ licenseeId: p, licensorId: s }), "licenseeId"],
    ["no counterparty", () => ({}), "licenseeId"],
    ["an unknown licensee", () => ({ licenseeId: MISSING_ID }), "licenseeId"],
    ["an unknown licensor", () => ({ licensorId: MISSING_ID }), "licensorId"],
    ["itself as licensee", (_p: string, s: string) => ({ licenseeId: s }), "licenseeId"],
    ["itself as licensor", (_p: string, s: string) => ({ licensorId: s }), "licensorId"],
    ["a malformed id", () => ({ licenseeId: "not-a-uuid" }), "licenseeId"],
  ])("refuses %s with 422", async (_name, counterparty, path) => {
    const res = await api.create(studio.headers, { ...counterparty(partner.orgId, studio.orgId), currency: "USD" });
    expect(errorPaths(expectProblem(res, 422))).toEqual([path]);
    expect(await db.deal.count()).toBe(0);
  });

  it("refuses a FACILITY as counterparty, and a FACILITY cannot draft", async () => {
    const facility = await createFacility();
    expect(errorPaths(expectProblem(await api.create(studio.headers, { licenseeId: facility.orgId, currency: "USD" }), 422))).toEqual([
      "licenseeId",
    ]);
    expect(errorPaths(expectProblem(await api.create(studio.headers, { licensorId: facility.orgId, currency: "USD" }), 422))).toEqual([
      "licensorId",
    ]);
    expectProblem(await api.create(facility.headers, { licenseeId: partner.orgId, currency: "USD" }), 403);
    expect(await db.deal.count()).toBe(0);
  });

  it("lists studios and partners other than itself as counterparties (not facilities)", async () => {
    const facility = await createFacility(); // also registers the facility owner's own studio
    const res = await api.counterparties(studio.headers);
    expect(res.status).toBe(200);
    const ids = res.body.items.map((o: { id: string }) => o.id);
    expect(ids).toContain(partner.orgId);
    expect(ids).not.toContain(studio.orgId);
    expect(ids).not.toContain(facility.orgId);
    expect(res.body.items.every((o: { kind: string }) => o.kind === "STUDIO" || o.kind === "PARTNER")).toBe(true);
    expectProblem(await api.counterparties(facility.headers), 403);
  });

  const terms = (t: Record<string, unknown>, currency = "USD") => ({ currency, terms: t });
  it.each([
    [
      "a minimum guarantee in another currency",
      terms({ minimumGuarantee: { amount: "100.00", currency: "EUR" } }),
      ["terms.minimumGuarantee.currency"],
    ],
    ["an expense cap in another currency", terms({ expenseCap: { amount: "100.00", currency: "CNY" } }), ["terms.expenseCap.currency"]],
    ["decimals in JPY", terms({ minimumGuarantee: { amount: "5000000.5", currency: "JPY" } }, "JPY"), ["terms.minimumGuarantee.amount"]],
    ["decimals in KRW", terms({ minimumGuarantee: { amount: "100000.00", currency: "KRW" } }, "KRW"), ["terms.minimumGuarantee.amount"]],
    ["three decimals in USD", terms({ minimumGuarantee: usd("1.005") }), ["terms.minimumGuarantee.amount"]],
    [
      "a number instead of a decimal string",
      terms({ minimumGuarantee: { amount: 100.5, currency: "USD" } }),
      ["terms.minimumGuarantee.amount"],
    ],
    [
      "instalments not adding up to the minimum guarantee",
      terms({
        minimumGuarantee: usd("1000.00"),
        instalments: [
          { amount: usd("400.00"), trigger: "SIGNATURE" },
          { amount: usd("500.00"), trigger: "DELIVERY" },
        ],
      }),
      ["terms.instalments"],
    ],
    [
      "instalments without a minimum guarantee",
      terms({ instalments: [{ amount: usd("400.00"), trigger: "SIGNATURE" }] }),
      ["terms.minimumGuarantee"],
    ],
    [
      "an unknown instalment trigger",
      terms({ minimumGuarantee: usd("1.00"), instalments: [{ amount: usd("1.00"), trigger: "SOMEDAY" }] }),
      ["terms.instalments.0.trigger"],
    ],
    [
      "share tiers that do not rise",
      terms({
        shareTiers: [
          { upTo: "2000.00", pct: "50" },
          { upTo: "1000.00", pct: "55" },
          { upTo: null, pct: "60" },
        ],
      }),
      ["terms.shareTiers.1.upTo"],
    ],
    [
      "an open-ended tier before the last",
      terms({
        shareTiers: [
          { upTo: null, pct: "50" },
          { upTo: null, pct: "60" },
        ],
      }),
      ["terms.shareTiers.0.upTo"],
    ],
    ["a last tier with a limit", terms({ shareTiers: [{ upTo: "1000.00", pct: "50" }] }), ["terms.shareTiers.0.upTo"]],
    [
      "participants without a creators' pool",
      terms({ participants: [{ name: "Li Wei", role: "Director", share: "100" }] }),
      ["terms.creatorParticipationPct"],
    ],
    ["a percentage above 100", terms({ distributionFeePct: "100.5" }), ["terms.distributionFeePct"]],
    ["an unknown currency", terms({}, "ZZZ"), ["currency"]],
    ["a currency money cannot be dealt in", terms({}, "XAU"), ["currency"]],
  ])("refuses %s with 422 on the field", async (_name, body, paths) => {
    const res = await api.create(studio.headers, { ...body, licenseeId: partner.orgId });
    expect(errorPaths(expectProblem(res, 422))).toEqual(paths);
    expect(await db.deal.count()).toBe(0);
  });
});

describe("changing a deal", () => {
  it("needs the version last read: missing → 422, stale → 409, current → bumps it", async () => {
    const id = await draft();
    const current = (await api.get(studio.headers, id)).body.version as number;

    expect(errorPaths(expectProblem(await api.patch(studio.headers, id, { name: "Renamed" }), 422))).toEqual(["version"]);

    const changed = await api.patch(studio.headers, id, {
      version: current,
      name: "Jade × Siam 2027",
      terms: { minimumGuarantee: usd("5000.00") },
    });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body).toMatchObject({ name: "Jade × Siam 2027", version: current + 1, terms: { minimumGuarantee: usd("5000.00") } });

    const stale = expectProblem(await api.patch(partner.headers, id, { version: current, name: "Lost update" }), 409);
    expect(stale.type).toBe("/problems/stale-update");
    expect(await dealRow(id)).toMatchObject({ name: "Jade × Siam 2027", lockVersion: current + 1, mgMinor: 500000n });

    // The other party may change the deal too, with the version it read.
    const byPartner = await api.patch(partner.headers, id, { version: current + 1, terms: { distributionFeePct: "30" } });
    expect(byPartner.status, byPartner.text).toBe(200);
    expect(byPartner.body).toMatchObject({ version: current + 2, terms: { distributionFeePct: "30", minimumGuarantee: null } });
  });

  it("restates terms when the currency changes", async () => {
    const id = await draft([grantBody(titleId)], { terms: { minimumGuarantee: usd("100.00") } });
    const { version } = (await api.get(studio.headers, id)).body;
    expect(errorPaths(expectProblem(await api.patch(studio.headers, id, { version, currency: "EUR" }), 422))).toEqual(["terms"]);
    expect(
      errorPaths(
        expectProblem(await api.patch(studio.headers, id, { version, currency: "EUR", terms: { minimumGuarantee: usd("100.00") } }), 422),
      ),
    ).toEqual(["terms.minimumGuarantee.currency"]);
    const ok = await api.patch(studio.headers, id, {
      version,
      currency: "EUR",
      terms: { minimumGuarantee: { amount: "90.00", currency: "EUR" } },
    });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body).toMatchObject({ currency: "EUR", terms: { minimumGuarantee: { amount: "90.00", currency: "EUR" } } });
  });

  it("replaces instalments and participants as a whole", async () => {
    const id = await draft([grantBody(titleId)], {
      terms: {
        minimumGuarantee: usd("100.00"),
        instalments: [
          { amount: usd("50.00"), trigger: "SIGNATURE" },
          { amount: usd("50.00"), trigger: "DELIVERY" },
        ],
      },
    });
    const { version } = (await api.get(studio.headers, id)).body;
    const res = await api.patch(studio.headers, id, {
      version,
      terms: { minimumGuarantee: usd("100.00"), instalments: [{ amount: usd("100.00"), trigger: "RELEASE" }] },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.terms.instalments).toEqual([{ amount: usd("100.00"), dueDate: null, trigger: "RELEASE" }]);
    expect((await dealRow(id)).instalments).toHaveLength(1);
  });

  it("a change after PROPOSED voids the signatures and awaits the other party", async () => {
    const id = await draft();
    expect((await api.propose(studio.headers, id)).body).toMatchObject({ status: "PROPOSED", awaitingOrganizationId: partner.orgId });
    const partnerSigned = await api.sign(partner.headers, id);
    expect(partnerSigned.body).toMatchObject({
      status: "PROPOSED",
      awaitingOrganizationId: studio.orgId,
      signatures: { licensee: { by: partner.userId } },
    });

    // The studio changes the terms instead of signing: the partner's signature is void, the deal goes back to the partner.
    const changed = await api.patch(studio.headers, id, { version: partnerSigned.body.version, terms: { distributionFeePct: "20" } });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body).toMatchObject({
      status: "PROPOSED",
      awaitingOrganizationId: partner.orgId,
      signatures: { licensor: null, licensee: null },
    });

    // The partner changes it back: now the studio must look again.
    const back = await api.patch(partner.headers, id, { version: changed.body.version, terms: { distributionFeePct: "22" } });
    expect(back.body).toMatchObject({ status: "PROPOSED", awaitingOrganizationId: studio.orgId });

    // The studio signs; the partner's earlier signature does not count, so the deal is not yet SIGNED.
    const studioSigned = await api.sign(studio.headers, id);
    expect(studioSigned.body).toMatchObject({ status: "PROPOSED", awaitingOrganizationId: partner.orgId });
    expect(await db.grantSlice.count()).toBe(0);
    const done = await api.sign(partner.headers, id);
    expect(done.body).toMatchObject({ status: "SIGNED", awaitingOrganizationId: null });
    expect(done.body.signatures.licensor).toMatchObject({ by: studio.userId });
    expect(done.body.signatures.licensee).toMatchObject({ by: partner.userId });
  });

  it("adding or deleting a grant after PROPOSED also voids the signatures", async () => {
    const id = await draft();
    await api.propose(studio.headers, id);
    await api.sign(studio.headers, id);
    expect((await dealRow(id)).licensorSignedAt).not.toBeNull();

    const added = await api.addGrant(partner.headers, id, grantBody(titleId, { territories: ["VN"] }));
    expect(added.status, added.text).toBe(201);
    expect(added.body).toMatchObject({ awaitingOrganizationId: studio.orgId, signatures: { licensor: null, licensee: null } });

    await api.sign(studio.headers, id);
    const grantId = added.body.grants.find((g: { territories: string[] }) => g.territories[0] === "VN").id;
    expect((await api.deleteGrant(partner.headers, id, grantId)).status).toBe(204);
    expect(await dealRow(id)).toMatchObject({ awaitingOrgId: studio.orgId, licensorSignedAt: null, status: "PROPOSED" });
  });

  it("terms are final once SIGNED (409), and a terminated deal cannot be terminated again", async () => {
    const id = await draft();
    await proposeAndSignViaApi(id, studio.headers, partner.headers);
    const { version, grants } = (await api.get(studio.headers, id)).body;
    const settled = expectProblem(await api.patch(studio.headers, id, { version, name: "Too late" }), 409);
    expect(settled.type).toBe("/problems/deal-settled");
    expectProblem(await api.addGrant(studio.headers, id, grantBody(titleId, { territories: ["VN"] })), 409);
    expectProblem(await api.deleteGrant(studio.headers, id, grants[0].id), 409);
    expectProblem(await api.propose(studio.headers, id), 409);
    expectProblem(await api.sign(studio.headers, id), 409);
    expect(await dealRow(id)).toMatchObject({ name: "Jade Studio × Siam Screens", lockVersion: version, status: "SIGNED" });
    expect((await dealRow(id)).grants).toHaveLength(1);

    expect(errorPaths(expectProblem(await api.terminate(partner.headers, id, ""), 422))).toEqual(["reason"]);
    const ended = await api.terminate(partner.headers, id, "Licensee ceased trading.");
    expect(ended.body).toMatchObject({ status: "TERMINATED", terminationReason: "Licensee ceased trading." });
    expectProblem(await api.terminate(studio.headers, id), 409);
  });
});

describe("grants", () => {
  it("adds a grant with groups, exclusions, parents, languages and a holdback", async () => {
    const id = await draft([]);
    const res = await api.addGrant(
      studio.headers,
      id,
      grantBody(titleId, {
        territories: ["SEA"],
        excludedTerritories: ["VN"],
        mediaRights: ["DIGITAL"],
        languages: ["th", "en"],
        holdbacks: [{ mediaRights: ["FREE_TV"], territories: ["TH"], until: "2027-07-01" }],
        editsPermitted: true,
      }),
    );
    expect(res.status, res.text).toBe(201);
    expect(res.body.version).toBe(2);
    expect(res.body.grants).toEqual([
      expect.objectContaining({
        titleId,
        title: expect.objectContaining({ id: titleId, originalTitle: "玉山" }),
        territories: ["SEA"],
        excludedTerritories: ["VN"],
        mediaRights: ["DIGITAL"],
        languages: ["th", "en"],
        start: "2027-01-01",
        end: "2027-12-31",
        exclusive: true,
        holdbacks: [{ mediaRights: ["FREE_TV"], territories: ["TH"], until: "2027-07-01" }],
        editsPermitted: true,
      }),
    ]);
  });

  it.each([
    ["an unknown territory", { territories: ["TH", "XX"] }, ["territories"]],
    ["an unknown media right", { mediaRights: ["SVOD", "VOD"] }, ["mediaRights"]],
    ["exclusions that leave no country", { territories: ["SEA"], excludedTerritories: ["SEA"] }, ["excludedTerritories"]],
    ["an empty territory list", { territories: [] }, ["territories"]],
    ["a window ending before it starts", { start: "2027-12-31", end: "2027-01-01" }, ["end"]],
    ["an impossible date", { start: "2027-02-30" }, ["start"]],
    ["no exclusivity", { exclusive: undefined }, ["exclusive"]],
    ["a malformed language tag", { languages: ["th", "not a tag"] }, ["languages.1"]],
    [
      "a holdback on media the grant licenses in the same territory",
      { territories: ["SEA"], mediaRights: ["DIGITAL"], holdbacks: [{ mediaRights: ["SVOD"], territories: ["TH"], until: "2027-06-01" }] },
      ["holdbacks.0.mediaRights"],
    ],
    [
      "a holdback ending before the grant starts",
      { holdbacks: [{ mediaRights: ["FREE_TV"], territories: ["TH"], until: "2027-01-01" }] },
      ["holdbacks.0.until"],
    ],
    [
      "a holdback in an unknown territory",
      { holdbacks: [{ mediaRights: ["FREE_TV"], territories: ["QQ"], until: "2027-06-01" }] },
      ["holdbacks.0.territories"],
    ],
    ["a malformed title id", { titleId: "nope" }, ["titleId"]],
    ["an unknown title", { titleId: MISSING_ID }, ["titleId"]],
  ])("refuses %s with 422 on the field", async (_name, overrides, paths) => {
    const id = await draft([]);
    const res = await api.addGrant(studio.headers, id, grantBody(titleId, overrides));
    expect(errorPaths(expectProblem(res, 422))).toEqual(paths);
    expect(await db.grant.count()).toBe(0);
    expect((await dealRow(id)).lockVersion).toBe(1);
  });

  it("only the licensor's titles can be licensed: another studio's title → 422 titleId", async () => {
    const other = await registerViaApi({ organization: { name: "Han River Pictures", kind: "STUDIO", homeCountry: "KR" } });
    const listed = await titleViaApi(other.headers, { originalTitle: "한강", visibility: "LISTED" });
    const id = await draft([]);
    expect(errorPaths(expectProblem(await api.addGrant(studio.headers, id, grantBody(listed)), 422))).toEqual(["titleId"]);
    expect(errorPaths(expectProblem(await api.addGrant(partner.headers, id, grantBody(listed)), 422))).toEqual(["titleId"]);
    // The studio's own private title is fine for the studio.
    const own = await titleViaApi(studio.headers, { originalTitle: "私藏", visibility: "PRIVATE" });
    expect((await api.addGrant(studio.headers, id, grantBody(own))).status).toBe(201);
  });

  it("deletes a grant (204), then answers 404 for it", async () => {
    const id = await draft([grantBody(titleId), grantBody(titleId, { territories: ["VN"] })]);
    const { grants, version } = (await api.get(studio.headers, id)).body;
    const res = await api.deleteGrant(studio.headers, id, grants[0].id);
    expect(res.status).toBe(204);
    expect(res.text).toBe("");
    const after = (await api.get(studio.headers, id)).body;
    expect(after.grants.map((g: { id: string }) => g.id)).toEqual([grants[1].id]);
    expect(after.version).toBe(version + 1);
    expectProblem(await api.deleteGrant(studio.headers, id, grants[0].id), 404);
    expectProblem(await api.deleteGrant(studio.headers, id, MISSING_ID), 404);
  });

  it("cannot delete another deal's grant through this deal", async () => {
    const a = await draft();
    const b = await draft();
    const bGrant = (await api.get(studio.headers, b)).body.grants[0].id;
    expectProblem(await api.deleteGrant(studio.headers, a, bGrant), 404);
    expect(await db.grant.count({ where: { dealId: b } })).toBe(1);
  });
});

describe("proposing and signing", () => {
  it("a deal without grants cannot be proposed (422); a proposed one not again (409)", async () => {
    const id = await draft([]);
    const res = expectProblem(await api.propose(studio.headers, id), 422);
    expect(res.type).toBe("/problems/no-grants");
    expect((await dealRow(id)).status).toBe("DRAFT");
    await api.addGrant(studio.headers, id, grantBody(titleId));
    expect((await api.propose(studio.headers, id)).status).toBe(200);
    expect(expectProblem(await api.propose(partner.headers, id), 409).type).toBe("/problems/not-draft");
  });

  it("a draft cannot be signed", async () => {
    const id = await draft();
    expect(expectProblem(await api.sign(studio.headers, id), 409).type).toBe("/problems/not-proposed");
  });

  it("the same side cannot sign twice (409); either side may sign first", async () => {
    const id = await draft();
    await api.propose(partner.headers, id); // the licensee may propose too
    expect((await api.get(studio.headers, id)).body.awaitingOrganizationId).toBe(studio.orgId);
    const first = await api.sign(studio.headers, id);
    expect(first.body).toMatchObject({ status: "PROPOSED", awaitingOrganizationId: partner.orgId });
    expect(expectProblem(await api.sign(studio.headers, id), 409).type).toBe("/problems/already-signed");
    const second = await api.sign(partner.headers, id);
    expect(second.body.status).toBe("SIGNED");
    expect(second.body.signedAt).toEqual(expect.any(String));
    expect(await db.grantSlice.count({ where: { dealId: id } })).toBe(1);
  });

  it("a signature with a stale version is refused", async () => {
    const id = await draft();
    const proposed = await api.propose(studio.headers, id, { version: 2 });
    expect(proposed.status, proposed.text).toBe(200);
    expectProblem(await api.sign(partner.headers, id, { version: 2 }), 409);
    expect(errorPaths(expectProblem(await api.sign(partner.headers, id, { version: "three" }), 422))).toEqual(["version"]);
    expect((await api.sign(partner.headers, id, { version: proposed.body.version })).status).toBe(200);
  });

  it("a MEMBER drafts and proposes but cannot sign (403); neither can an API key; a VIEWER cannot draft", async () => {
    const member = await addMemberViaInvitation(studio, "MEMBER");
    const viewer = await addMemberViaInvitation(studio, "VIEWER");
    const key = bearer((await createApiKeyViaApi(studio.headers)).key);

    expectProblem(await api.create(viewer.memberHeaders, { licenseeId: partner.orgId, currency: "USD" }), 403);
    const id = await draftDealViaApi(member.memberHeaders, { licenseeId: partner.orgId }, [grantBody(titleId)]);
    expect((await api.propose(key, id)).status).toBe(200);
    expect((await api.sign(partner.headers, id)).status).toBe(200);

    expectProblem(await api.sign(member.memberHeaders, id), 403);
    expectProblem(await api.sign(key, id), 403);
    expectProblem(await api.sign(viewer.memberHeaders, id), 403);
    expectProblem(await api.terminate(member.memberHeaders, id), 403);
    expect(await dealRow(id)).toMatchObject({ status: "PROPOSED", licensorSignedAt: null });

    expect((await api.sign(studio.headers, id)).body.status).toBe("SIGNED");
  });
});

describe("rights held (chain of title)", () => {
  const held = (over: Record<string, unknown> = {}) => ({
    territories: ["SEA"],
    mediaRights: ["DIGITAL"],
    start: "2027-01-01",
    end: "2027-12-31",
    exclusive: true,
    ...over,
  });

  it("defaults to worldwide, and round-trips through PUT and GET", async () => {
    const initial = await api.rightsHeld(studio.headers, titleId);
    expect(initial.status).toBe(200);
    expect(initial.body).toMatchObject({ items: [], default: true });

    const items = [
      {
        territories: ["WORLDWIDE"],
        excludedTerritories: ["CN"],
        mediaRights: ["DIGITAL", "TV"],
        start: "2026-01-01",
        end: null,
        exclusive: true,
      },
      { territories: ["CN"], excludedTerritories: [], mediaRights: ["SVOD"], start: "2026-01-01", end: "2030-12-31", exclusive: false },
    ];
    const put = await api.putRightsHeld(studio.headers, titleId, { items });
    expect(put.status, put.text).toBe(200);
    expect(put.body).toEqual({ items, default: false, note: null });
    expect((await api.rightsHeld(partner.headers, titleId)).body).toEqual({ items, default: false, note: null });

    // An empty list restores the default.
    expect((await api.putRightsHeld(studio.headers, titleId, { items: [] })).body).toMatchObject({ items: [], default: true });
  });

  it.each([
    ["an unknown territory", held({ territories: ["SEA", "XX"] }), ["items.0.territories"]],
    ["an unknown media right", held({ mediaRights: ["VOD"] }), ["items.0.mediaRights"]],
    ["exclusions that leave no country", held({ excludedTerritories: ["SEA"] }), ["items.0.excludedTerritories"]],
    ["a window ending before it starts", held({ start: "2027-12-31", end: "2027-01-01" }), ["items.0.end"]],
    ["a missing end (null is perpetual, absent is a mistake)", held({ end: undefined }), ["items.0.end"]],
  ])("refuses %s with 422", async (_name, item, paths) => {
    await api.putRightsHeld(studio.headers, titleId, { items: [held()] });
    expect(errorPaths(expectProblem(await api.putRightsHeld(studio.headers, titleId, { items: [item] }), 422))).toEqual(paths);
    expect((await api.rightsHeld(studio.headers, titleId)).body.items).toEqual([{ ...held(), excludedTerritories: [] }]);
  });

  it("only studio owners and admins record rights held", async () => {
    const member = await addMemberViaInvitation(studio, "MEMBER");
    expectProblem(await api.putRightsHeld(member.memberHeaders, titleId, { items: [held()] }), 403);
    expectProblem(await api.putRightsHeld(partner.headers, titleId, { items: [held()] }), 403);
    expect(await db.rightsHeld.count()).toBe(0);
  });

  it("a grant outside the rights held cannot be signed: 409 naming the uncovered countries, media and dates", async () => {
    await api.putRightsHeld(studio.headers, titleId, { items: [held()] });
    const id = await draft([
      grantBody(titleId, { territories: ["TH", "JP"], mediaRights: ["SVOD"], start: "2027-06-01", end: "2028-03-31" }),
      grantBody(titleId, { territories: ["VN"], mediaRights: ["AVOD"], start: "2027-01-01", end: "2027-12-31" }),
    ]);
    const grants = (await api.get(studio.headers, id)).body.grants as { id: string; territories: string[] }[];
    const outside = grants.find((g) => g.territories.includes("JP"))!.id;
    const expected = [
      { titleId, grantId: outside, countries: ["JP"], media: ["SVOD"], start: "2027-06-01", end: "2028-03-31" },
      { titleId, grantId: outside, countries: ["TH"], media: ["SVOD"], start: "2028-01-01", end: "2028-03-31" },
    ];

    // The deal page shows it before anyone signs.
    const preview = await api.conflicts(partner.headers, id);
    expect(preview.status).toBe(200);
    expect(preview.body.conflicts).toEqual([]);
    expect(preview.body.uncovered).toHaveLength(2);
    expect(preview.body.uncovered).toEqual(expect.arrayContaining(expected));

    await api.propose(studio.headers, id);
    expect((await api.sign(partner.headers, id)).status).toBe(200);
    const refused = expectProblem(await api.sign(studio.headers, id), 409) as SigningProblem;
    expect(refused.type).toBe("/problems/rights-not-held");
    expect(refused.uncovered).toHaveLength(2);
    expect(refused.uncovered).toEqual(expect.arrayContaining(expected));
    expect((await dealRow(id)).status).toBe("PROPOSED");
    expect(await db.grantSlice.count()).toBe(0);

    // Once the rights held reach far enough, the same deal signs.
    await api.putRightsHeld(studio.headers, titleId, { items: [held({ territories: ["SEA", "JP"], end: null })] });
    expect((await api.conflicts(studio.headers, id)).body).toEqual({ conflicts: [], uncovered: [] });
    expect((await api.sign(studio.headers, id)).body.status).toBe("SIGNED");
  });

  it("non-exclusive rights held allow only non-exclusive grants", async () => {
    await api.putRightsHeld(studio.headers, titleId, { items: [held({ exclusive: false })] });
    const exclusive = await draft([grantBody(titleId)]);
    const nonExclusive = await draft([grantBody(titleId, { exclusive: false })]);
    expect((await api.conflicts(studio.headers, exclusive)).body.uncovered).toEqual([
      expect.objectContaining({ countries: ["TH"], media: ["SVOD"], start: "2027-01-01", end: "2027-12-31" }),
    ]);
    expect((await api.conflicts(studio.headers, nonExclusive)).body.uncovered).toEqual([]);
    await api.propose(studio.headers, exclusive);
    await api.sign(partner.headers, exclusive);
    expect(expectProblem(await api.sign(studio.headers, exclusive), 409).type).toBe("/problems/rights-not-held");
    await proposeAndSignViaApi(nonExclusive, studio.headers, partner.headers);
  });
});

describe("conflicts preview", () => {
  it("shows the conflict with a signed deal before signing, as the signature then reports it", async () => {
    const signed = await draft([grantBody(titleId, { territories: ["VN"], mediaRights: ["SVOD"] })]);
    await proposeAndSignViaApi(signed, studio.headers, partner.headers);
    const signedGrant = (await api.get(studio.headers, signed)).body.grants[0].id;

    const other = await registerViaApi({ organization: { name: "Saigon Stream", kind: "PARTNER", homeCountry: "VN" } });
    const id = await draftDealViaApi(studio.headers, { licenseeId: other.orgId }, [
      grantBody(titleId, { territories: ["SEA"], mediaRights: ["DIGITAL"], start: "2027-06-01", end: "2028-05-31" }),
    ]);
    const expected = {
      dealId: signed,
      dealName: "Jade Studio × Siam Screens",
      grantId: signedGrant,
      titleId,
      titleName: "玉山",
      countries: ["VN"],
      media: ["SVOD"],
      start: "2027-06-01",
      end: "2027-12-31",
      holdback: false,
    };
    // The licensee is not a party to the signed deal: it learns that the rights are taken, not by whom.
    const preview = await api.conflicts(other.headers, id);
    expect(preview.body).toEqual({
      conflicts: [{ ...expected, dealId: null, grantId: null, dealName: "another signed deal" }],
      uncovered: [],
    });
    expect((await api.conflicts(studio.headers, id)).body).toEqual({ conflicts: [expected], uncovered: [] });

    await api.propose(studio.headers, id);
    await api.sign(other.headers, id);
    const refused = expectProblem(await api.sign(studio.headers, id), 409) as SigningProblem;
    expect(refused.type).toBe("/problems/rights-conflict");
    expect(refused.conflicts).toEqual([expected]);
    expect(refused.detail).toContain(signed);
    expect(refused.detail).toContain("玉山");
  });

  it("shows conflicts among the deal's own grants, and holdbacks of signed deals", async () => {
    const withHoldback = await draft([
      grantBody(titleId, { mediaRights: ["SVOD"], holdbacks: [{ mediaRights: ["FREE_TV"], territories: ["TH"], until: "2027-07-01" }] }),
    ]);
    await proposeAndSignViaApi(withHoldback, studio.headers, partner.headers);

    const id = await draft([
      grantBody(titleId, { territories: ["MY"], mediaRights: ["AVOD"], start: "2027-01-01", end: "2027-06-30" }),
      grantBody(titleId, { territories: ["MY"], mediaRights: ["AVOD"], start: "2027-06-30", end: "2027-12-31", exclusive: false }),
      grantBody(titleId, { territories: ["TH"], mediaRights: ["FREE_TV"], start: "2027-05-01", end: "2027-12-31", exclusive: false }),
    ]);
    const { conflicts } = (await api.conflicts(studio.headers, id)).body;
    expect(conflicts).toHaveLength(2);
    expect(conflicts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          dealId: id,
          countries: ["MY"],
          media: ["AVOD"],
          start: "2027-06-30",
          end: "2027-06-30",
          holdback: false,
        }),
        expect.objectContaining({
          dealId: withHoldback,
          countries: ["TH"],
          media: ["FREE_TV"],
          start: "2027-05-01",
          end: "2027-06-30",
          holdback: true,
        }),
      ]),
    );
  });

  it("non-exclusive grants do not conflict with each other; a signed deal has nothing to preview", async () => {
    const a = await draft([grantBody(titleId, { exclusive: false })]);
    await proposeAndSignViaApi(a, studio.headers, partner.headers);
    const b = await draft([grantBody(titleId, { exclusive: false })]);
    expect((await api.conflicts(studio.headers, b)).body).toEqual({ conflicts: [], uncovered: [] });
    const c = await draft([grantBody(titleId, { exclusive: true, start: "2027-12-31", end: "2028-01-31" })]);
    expect((await api.conflicts(studio.headers, c)).body.conflicts).toEqual([
      expect.objectContaining({ dealId: a, start: "2027-12-31", end: "2027-12-31" }),
    ]);
    expect((await api.conflicts(studio.headers, a)).body).toEqual({ conflicts: [], uncovered: [] });
  });
});

describe("licensing in", () => {
  it("a studio licenses a foreign studio's title in: drafts as licensee, both sign", async () => {
    const foreign = await registerViaApi({ organization: { name: "Han River Pictures", kind: "STUDIO", homeCountry: "KR" } });
    const foreignTitle = await titleViaApi(foreign.headers, { originalTitle: "한강", visibility: "LISTED" });
    const foreignPrivate = await titleViaApi(foreign.headers, { originalTitle: "비밀", visibility: "PRIVATE" });

    const created = await api.create(studio.headers, {
      licensorId: foreign.orgId,
      currency: "KRW",
      terms: { minimumGuarantee: { amount: "150000000", currency: "KRW" } },
    });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({
      role: "LICENSEE",
      crossBorder: true,
      licensor: { id: foreign.orgId, homeCountry: "KR" },
      licensee: { id: studio.orgId, homeCountry: "CN" },
    });
    const id = created.body.id;

    // Only the licensor's titles: not the licensee studio's own, not the licensor's private ones.
    expect(errorPaths(expectProblem(await api.addGrant(studio.headers, id, grantBody(titleId)), 422))).toEqual(["titleId"]);
    expect(errorPaths(expectProblem(await api.addGrant(studio.headers, id, grantBody(foreignPrivate)), 422))).toEqual(["titleId"]);
    const grant = await api.addGrant(
      studio.headers,
      id,
      grantBody(foreignTitle, { territories: ["GREATER_CHINA"], mediaRights: ["DIGITAL"] }),
    );
    expect(grant.status, grant.text).toBe(201);

    const proposed = await api.propose(studio.headers, id);
    expect(proposed.body).toMatchObject({ status: "PROPOSED", awaitingOrganizationId: foreign.orgId });
    expect((await api.sign(foreign.headers, id)).body).toMatchObject({ status: "PROPOSED", awaitingOrganizationId: studio.orgId });
    const signed = await api.sign(studio.headers, id);
    expect(signed.body).toMatchObject({ status: "SIGNED", role: "LICENSEE" });
    expect(await db.grantSlice.count({ where: { dealId: id, titleId: foreignTitle } })).toBe(4 * 4);

    // The foreign studio's avails for its title now show the licence.
    const avails = await api.avails(foreign.headers, {
      titleId: foreignTitle,
      territories: "HK",
      mediaRights: "SVOD",
      start: "2027-05-01",
      end: "2027-05-31",
    });
    expect(avails.body.items).toEqual([
      expect.objectContaining({
        territory: "HK",
        mediaRight: "SVOD",
        status: "BLOCKED",
        blockers: [expect.objectContaining({ dealId: id })],
      }),
    ]);
    expect((await api.list(foreign.headers, { role: "LICENSOR" })).body.items.map((d: { id: string }) => d.id)).toEqual([id]);
    expect((await api.list(studio.headers, { role: "LICENSEE" })).body.items.map((d: { id: string }) => d.id)).toEqual([id]);
    expect((await api.list(studio.headers, { role: "LICENSOR" })).body.items).toEqual([]);
  });
});
