import { describe, expect, it } from "vitest";
import { partnerPathsFor, reportableDeals } from "./partner-paths";

const TITLE = { id: "t1", studioId: "studio", visibility: "LISTED", archivedAt: null };
const partner = { orgId: "partner", role: "MEMBER" as const, orgKind: "PARTNER" as const };

describe("partnerPathsFor (issue 17 point 3)", () => {
  it("offers a partner avails, a deal prefilled with the studio and title, and edit rights for the title", () => {
    expect(partnerPathsFor(TITLE, partner)).toEqual([
      { key: "checkAvails", href: "/avails?scope=t1" },
      { key: "proposeDeal", href: "/deals/new?licensorId=studio&titleId=t1" },
      { key: "requestEdits", href: "/edit-requests/new?title=t1" },
    ]);
  });

  it("offers what each viewer may do: a viewer only reads avails, a studio licensing in cannot ask for edit rights", () => {
    expect(partnerPathsFor(TITLE, { ...partner, role: "VIEWER" }).map((p) => p.key)).toEqual(["checkAvails"]);
    expect(partnerPathsFor(TITLE, { orgId: "other-studio", role: "OWNER", orgKind: "STUDIO" }).map((p) => p.key)).toEqual([
      "checkAvails",
      "proposeDeal",
    ]);
  });

  it("offers nothing on the studio's own title, a private one or an archived one", () => {
    expect(partnerPathsFor(TITLE, { orgId: "studio", role: "OWNER", orgKind: "STUDIO" })).toEqual([]);
    expect(partnerPathsFor({ ...TITLE, visibility: "PRIVATE" }, partner)).toEqual([]);
    expect(partnerPathsFor({ ...TITLE, archivedAt: new Date() }, partner)).toEqual([]);
  });
});

describe("reportableDeals (New statement: choose the deal)", () => {
  const deals = [
    { id: "a", name: "Signed, licensee", licenseeId: "partner", status: "SIGNED" },
    { id: "b", name: "Expired, licensee", licenseeId: "partner", status: "EXPIRED" },
    { id: "c", name: "Proposed", licenseeId: "partner", status: "PROPOSED" },
    { id: "d", name: "Signed, licensor", licenseeId: "someone", status: "SIGNED" },
  ];
  it("lists the signed or expired deals the organisation reports on as licensee", () => {
    expect(reportableDeals(deals, partner)).toEqual([
      { id: "a", name: "Signed, licensee" },
      { id: "b", name: "Expired, licensee" },
    ]);
  });
  it("lists none to a role that may not submit statements", () => {
    expect(reportableDeals(deals, { ...partner, role: "VIEWER" })).toEqual([]);
  });
});
