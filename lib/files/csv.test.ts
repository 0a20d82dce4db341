import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";

describe("toCsv", () => {
  it("starts with a BOM, ends lines with CRLF and quotes what needs quoting", () => {
    expect(toCsv(["key", "label"], [["a", 'He said "hi", twice']])).toBe('\uFEFFkey,label\r\na,"He said ""hi"", twice"\r\n');
  });

  it("defuses text a spreadsheet would run as a formula, but not numeric columns", () => {
    const csv = toCsv(
      ["label", "amount"],
      [
        ["=HYPERLINK(1)", "-12.50"],
        ["@SUM", null],
      ],
      [1],
    );
    expect(csv.split("\r\n").slice(1, 3)).toEqual(["'=HYPERLINK(1),-12.50", "'@SUM,"]);
  });

  it("guards a numeric column's value when it is not a number", () => {
    expect(
      toCsv(["amount"], [["-12.50"], ["=1+1"], ["-1+cmd"]], [0])
        .split("\r\n")
        .slice(1, 4),
    ).toEqual(["-12.50", "'=1+1", "'-1+cmd"]);
  });

  it("keeps Chinese text as it is", () => {
    expect(toCsv(["label"], [["玉山"]])).toContain("\r\n玉山\r\n");
  });

  it("quotes line breaks, writes numbers as they are and null as an empty cell", () => {
    expect(
      toCsv(
        ["a", "b"],
        [
          ["line\nbreak", 1],
          [null, undefined],
        ],
      ),
    ).toBe('\uFEFFa,b\r\n"line\nbreak",1\r\n,\r\n');
  });
});
