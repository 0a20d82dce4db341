import { describe, expect, it } from "vitest";
import { parseCsv, readSheet } from "./table-file";

const spec = { columns: ["titleId", "territory", "gross"], required: ["titleId", "gross"], maxBytes: 1_000_000, maxRows: 10, what: "line" };
const csv = (text: string, name = "s.csv") => ({ bytes: new TextEncoder().encode(text), fileName: name, contentType: "text/csv" });

describe("readSheet (CSV)", () => {
  it("reads quoted cells, semicolons, CRLF and a BOM, keeping the spreadsheet's row numbers past blank rows", async () => {
    const result = await readSheet(csv('\uFEFFTitle ID;Territory;Gross\r\n"a;b";TH;"1,500.00"\r\n\r\n"say ""hi""";VN;2\r\n'), spec);
    expect(result).toEqual({
      ok: true,
      value: [
        { row: 2, cells: { titleId: "a;b", territory: "TH", gross: "1,500.00" } },
        { row: 4, cells: { titleId: 'say "hi"', territory: "VN", gross: "2" } },
      ],
    });
  });

  it("keeps a line break inside quotes in its cell; row numbers are the spreadsheet's rows (records), as in every import", async () => {
    const result = await readSheet(csv('titleId,gross\n"two\nlines",1\nnext,2\n'), spec);
    expect(result.ok && result.value.map((r) => [r.row, r.cells.titleId])).toEqual([
      [2, "two\nlines"],
      [3, "next"],
    ]);
  });

  it("refuses unknown, repeated and missing columns on the header row", async () => {
    const result = await readSheet(csv("titleId,colour,titleId\n1,2,3\n"), spec);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors?.map((e) => e.path)).toEqual(["rows.1.colour", "rows.1.titleId", "rows.1.gross"]);
  });

  it("refuses non-UTF-8 text, binary files, old Excel, empty and oversized files", async () => {
    const reasons = async (upload: Parameters<typeof readSheet>[0], s = spec) => {
      const r = await readSheet(upload, s);
      return r.ok ? "ok" : r.reason;
    };
    expect(await reasons({ bytes: new Uint8Array([0x74, 0xff, 0xfe]), fileName: "x.csv" })).toBe("FILE_UNREADABLE");
    expect(await reasons({ bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), fileName: "x.xls" })).toBe(
      "UNSUPPORTED_FILE_TYPE",
    );
    expect(await reasons({ bytes: new Uint8Array(), fileName: "x.csv" })).toBe("FILE_EMPTY");
    expect(await reasons(csv("titleId,gross\n1,2\n"), { ...spec, maxBytes: 5 })).toBe("FILE_TOO_LARGE");
    expect(await reasons(csv(`titleId,gross\n${"1,2\n".repeat(11)}`))).toBe("TOO_MANY_ROWS");
    expect(await reasons({ bytes: new TextEncoder().encode("a\u0000b"), fileName: "x.csv" })).toBe("UNSUPPORTED_FILE_TYPE");
    expect(await reasons(csv("titleId,gross\n1,2\n", "x.pdf"))).toBe("UNSUPPORTED_FILE_TYPE");
  });
});

describe("parseCsv", () => {
  it("parses quoted CSV cells with commas, quotes and newlines", () => {
    expect(parseCsv('a,b\r\n"x, ""y""","line\nbreak"\r\n')).toEqual([
      { row: 1, cells: ["a", "b"] },
      { row: 2, cells: ['x, "y"', "line\nbreak"] },
    ]);
  });
});
