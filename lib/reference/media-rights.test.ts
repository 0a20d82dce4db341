import { describe, expect, it } from "vitest";
import { UnknownReferenceCodeError } from "./errors";
import {
  expandMediaRights,
  getMediaRight,
  isLeafMediaRight,
  listMediaRights,
  MEDIA_RIGHT_LEAVES,
  MEDIA_RIGHT_PARENTS,
  mediaRightParent,
  unknownMediaRightCodes,
} from "./media-rights";

// PRODUCT.md §3, verbatim.
const SPEC: Record<string, string[]> = {
  THEATRICAL: [],
  TV: ["FREE_TV", "PAY_TV"],
  DIGITAL: ["SVOD", "AVOD", "TVOD", "EST"],
  NON_THEATRICAL: ["AIRLINE", "SHIP", "HOTEL", "EDUCATIONAL"],
  HOME_VIDEO: [],
  DERIVATIVE: ["REMAKE", "FORMAT", "SEQUEL"],
  ANCILLARY: ["MERCHANDISING", "GAME_ADAPTATION", "COMICS_WEBTOON", "SOUNDTRACK", "LIVE_EVENTS", "THEME_PARK"],
};

describe("media-rights taxonomy", () => {
  it("is exactly the two-level tree of PRODUCT.md §3, named in en and zh", () => {
    const tree = listMediaRights();
    expect(Object.fromEntries(tree.map((n) => [n.code, n.children.map((c) => c.code)]))).toEqual(SPEC);
    for (const node of tree) {
      for (const n of [node, ...node.children]) {
        expect(n.name.en.length, n.code).toBeGreaterThan(1);
        expect(n.name.zh, n.code).toMatch(/[\u4e00-\u9fff]/);
        expect(n.children.every((c) => c.children.length === 0)).toBe(true);
      }
    }
    expect(JSON.parse(JSON.stringify(tree[0]))).toEqual({ code: "THEATRICAL", name: { en: "Theatrical", zh: "院线" }, children: [] });
    expect(MEDIA_RIGHT_PARENTS).toEqual(Object.keys(SPEC));
  });

  it("has 21 leaves: every child, plus THEATRICAL and HOME_VIDEO, which are leaves themselves", () => {
    expect(MEDIA_RIGHT_LEAVES).toHaveLength(21);
    expect(MEDIA_RIGHT_LEAVES).toContain("THEATRICAL");
    expect(MEDIA_RIGHT_LEAVES).toContain("HOME_VIDEO");
    expect(MEDIA_RIGHT_LEAVES).not.toContain("TV");
    expect(isLeafMediaRight("SVOD")).toBe(true);
    expect(isLeafMediaRight("DIGITAL")).toBe(false);
    expect(mediaRightParent("SVOD")).toBe("DIGITAL");
    expect(mediaRightParent("THEATRICAL")).toBe("THEATRICAL");
    expect(getMediaRight("TV")?.leaves).toEqual(["FREE_TV", "PAY_TV"]);
  });

  it("expands parents to their leaves and keeps leaves", () => {
    expect([...expandMediaRights(["TV"])]).toEqual(["FREE_TV", "PAY_TV"]);
    expect([...expandMediaRights(["DIGITAL", "SVOD", "THEATRICAL"])]).toEqual(["SVOD", "AVOD", "TVOD", "EST", "THEATRICAL"]);
    expect([...expandMediaRights(["HOME_VIDEO"])]).toEqual(["HOME_VIDEO"]);
    expect(expandMediaRights(MEDIA_RIGHT_PARENTS).size).toBe(21);
    expect(expandMediaRights([]).size).toBe(0);
  });

  it("refuses unknown codes, listing each", () => {
    expect(() => expandMediaRights(["TV", "VOD", "svod", "VOD"])).toThrow(UnknownReferenceCodeError);
    try {
      expandMediaRights(["TV", "VOD", "svod", "VOD"]);
    } catch (e) {
      expect((e as UnknownReferenceCodeError).kind).toBe("mediaRight");
      expect((e as UnknownReferenceCodeError).codes).toEqual(["VOD", "svod"]);
    }
    expect(unknownMediaRightCodes(["TV", "CINEMA"])).toEqual(["CINEMA"]);
  });
});
