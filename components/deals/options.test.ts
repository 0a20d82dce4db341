import { describe, expect, it } from "vitest";
import { compactMedia, expandMedia, type MediaOption, toggleMedia } from "./options";

const tree: MediaOption[] = [
  { code: "THEATRICAL", name: "Theatrical", children: [] },
  {
    code: "TV",
    name: "Television",
    children: [
      { code: "FREE_TV", name: "Free TV" },
      { code: "PAY_TV", name: "Pay TV" },
    ],
  },
  {
    code: "DIGITAL",
    name: "Digital",
    children: [
      { code: "SVOD", name: "SVOD" },
      { code: "AVOD", name: "AVOD" },
    ],
  },
];

describe("media rights tree", () => {
  it("expands parents to their leaves and childless parents to themselves", () => {
    expect([...expandMedia(tree, ["TV", "THEATRICAL", "SVOD"])].sort()).toEqual(["FREE_TV", "PAY_TV", "SVOD", "THEATRICAL"]);
  });

  it("sends a parent whose leaves are all chosen as the parent", () => {
    expect(compactMedia(tree, new Set(["FREE_TV", "PAY_TV", "AVOD"]))).toEqual(["TV", "AVOD"]);
  });

  it("toggles a parent on and off", () => {
    expect(toggleMedia(tree, ["SVOD"], "DIGITAL")).toEqual(["DIGITAL"]);
    expect(toggleMedia(tree, ["DIGITAL", "THEATRICAL"], "DIGITAL")).toEqual(["THEATRICAL"]);
  });

  it("unchecking one leaf of a chosen parent keeps its siblings", () => {
    expect(toggleMedia(tree, ["TV"], "PAY_TV")).toEqual(["FREE_TV"]);
  });

  it("checking the last missing leaf collapses to the parent", () => {
    expect(toggleMedia(tree, ["FREE_TV"], "PAY_TV")).toEqual(["TV"]);
  });
});
