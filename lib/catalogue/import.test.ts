import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { type ParsedTitleFile, parseTitleFile, type RawRow, validateTitleRows } from "./import";
import { buildImportTemplate, columnRules, IMPORT_COLUMNS, type ImportColumn, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "./import-template";

const utf8 = (text: string) => new TextEncoder().encode(text);
const BOM = "\uFEFF";
const HEADER =
  "kind,originalTitle,titleEn,titleZh,originalLanguage,genres,year,runtimeMinutes,episodeCount,eidr,synopsis,visibility,awards";
/** A real EIDR ID (Sintel) and one with its check character changed. */
const EIDR = "10.5240/7EC7-228A-510A-053E-CBB8-J";
const EIDR_TYPO = "10.5240/7EC7-228A-510A-053E-CBB8-K";

async function parsed(bytes: Uint8Array, name = "titles.csv", type?: string): Promise<ParsedTitleFile> {
  const result = await parseTitleFile(bytes, name, type);
  if (!result.ok) throw new Error(`${result.reason}: ${result.message} ${JSON.stringify(result.errors)}`);
  return result.value;
}

async function refusal(bytes: Uint8Array, name = "titles.csv", type?: string) {
  const result = await parseTitleFile(bytes, name, type);
  if (result.ok) throw new Error("expected the file to be refused");
  return result;
}

function rowOf(cells: Partial<Record<ImportColumn, string>>, row = 2): RawRow {
  const all = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, ""])) as Record<ImportColumn, string>;
  return { row, cells: { ...all, ...cells } };
}

const GOOD = { kind: "FILM", originalTitle: "流浪地球", originalLanguage: "zh", year: "2019" } as const;

describe("parseTitleFile: CSV", () => {
  it("reads UTF-8 with a BOM, Chinese titles, and quoted commas; row numbers count the header as row 1", async () => {
    const csv = `${BOM}${HEADER}\r\nFILM,流浪地球,"The Wandering Earth",流浪地球,zh,SCI_FI|ACTION_ADVENTURE,2019,125,,${EIDR},"Earth, moved: a synopsis with ""quotes""",LISTED,\r\n`;
    const file = await parsed(utf8(csv));
    expect(file.format).toBe("csv");
    expect(file.columns).toEqual([...IMPORT_COLUMNS]);
    expect(file.rows).toHaveLength(1);
    expect(file.rows[0]).toMatchObject({
      row: 2,
      cells: {
        kind: "FILM",
        originalTitle: "流浪地球",
        titleZh: "流浪地球",
        synopsis: 'Earth, moved: a synopsis with "quotes"',
        eidr: EIDR,
      },
    });
  });

  it("reads semicolon-separated files (Excel in many European locales), header names in any case", async () => {
    const csv =
      'Kind;ORIGINAL TITLE;original_language;Year;Genres\nSERIES;Les Revenants;fr;2012;DRAMA|FANTASY\nFILM;"Amélie; the film";fr;2001;COMEDY\n';
    const file = await parsed(utf8(csv));
    expect(file.columns).toEqual(["kind", "originalTitle", "originalLanguage", "year", "genres"]);
    expect(file.rows.map((r) => [r.row, r.cells.originalTitle, r.cells.genres, r.cells.titleEn])).toEqual([
      [2, "Les Revenants", "DRAMA|FANTASY", ""],
      [3, "Amélie; the film", "COMEDY", ""],
    ]);
  });

  it("skips blank lines but keeps the row numbers a spreadsheet shows, and reads multi-line cells", async () => {
    const csv = `${HEADER}\n\nFILM,A,,,en,,2001,,,,"line one\nline two",,\n,,,,,,,,,,,,\nFILM,B,,,en,,2002,,,,,,\n`;
    const file = await parsed(utf8(csv));
    expect(file.rows.map((r) => [r.row, r.cells.originalTitle])).toEqual([
      [3, "A"],
      [5, "B"],
    ]);
    expect(file.rows[0]?.cells.synopsis).toBe("line one\nline two");
  });

  it("refuses unknown, repeated and missing columns on the header row, naming each", async () => {
    const result = await refusal(utf8("kind,originalTitle,Title,year,Kind\nFILM,A,x,2001,FILM\n"));
    expect(result.reason).toBe("INVALID_HEADER");
    expect(result.errors).toEqual([
      expect.objectContaining({ path: "rows.1.Title", row: 1, column: "Title", message: expect.stringMatching(/^Unknown column “Title”/) }),
      expect.objectContaining({ path: "rows.1.Kind", row: 1, column: "Kind", message: "The column “kind” appears twice." }),
      expect.objectContaining({ path: "rows.1.originalLanguage", column: "originalLanguage", message: expect.stringMatching(/missing/) }),
    ]);
  });

  it("refuses files that are not UTF-8 with advice on how to save them", async () => {
    // "Amélie" in Windows-1252, as Excel's plain "CSV" saves it.
    const latin1 = Uint8Array.from([...utf8(`${HEADER}\nFILM,Am`), 0xe9, ...utf8("lie,,,fr,,2001,,,,,,\n")]);
    const result = await refusal(latin1);
    expect(result.reason).toBe("FILE_UNREADABLE");
    expect(result.message).toMatch(/UTF-8/);
  });

  it("refuses empty files, header-only files, and files over the size or row limits", async () => {
    expect((await refusal(new Uint8Array())).reason).toBe("FILE_EMPTY");
    expect((await refusal(utf8(`${HEADER}\n`))).reason).toBe("FILE_EMPTY");
    expect((await refusal(new Uint8Array(MAX_IMPORT_BYTES + 1))).reason).toBe("FILE_TOO_LARGE");
    const many = `${HEADER}\n${"FILM,A,,,en,,2001,,,,,,\n".repeat(MAX_IMPORT_ROWS + 1)}`;
    const tooMany = await refusal(utf8(many));
    expect(tooMany.reason).toBe("TOO_MANY_ROWS");
    expect(tooMany.message).toMatch(/20,001 titles/);
  });

  it("tells CSV from XLSX by their bytes and refuses other files clearly", async () => {
    expect((await refusal(utf8("%PDF-1.7 ..."), "catalogue.pdf", "application/pdf")).reason).toBe("UNSUPPORTED_FILE_TYPE");
    const xls = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
    expect((await refusal(xls, "old.xls")).message).toMatch(/\.xls\).*save it as \.xlsx/);
    expect((await refusal(utf8(HEADER), "titles.xlsx")).reason).toBe("FILE_UNREADABLE");
    expect((await refusal(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), "titles.xlsx")).reason).toBe("FILE_UNREADABLE");
    expect((await refusal(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), "letter.docx")).reason).toBe("UNSUPPORTED_FILE_TYPE");
    // A CSV body without a file name is recognised by its content type.
    expect((await parsed(utf8(`${HEADER}\nFILM,A,,,en,,2001,,,,,,\n`), "upload", "text/csv")).rows).toHaveLength(1);
  });
});

describe("parseTitleFile: XLSX", () => {
  it("reads the first sheet of a workbook written by exceljs: numbers, rich text, hyperlinks, formulas", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Titles");
    sheet.addRow(["Kind", "Original Title", "titleEn", "originalLanguage", "genres", "year", "runtimeMinutes", "eidr", "awards"]);
    sheet.addRow([
      "FILM",
      "让子弹飞",
      "Let the Bullets Fly",
      "zh",
      "ACTION_ADVENTURE|COMEDY",
      2010,
      132,
      EIDR,
      "Golden Horse Awards||Best Adapted Screenplay|2011",
    ]);
    sheet.addRow([]);
    sheet.addRow([
      "SERIES",
      { richText: [{ text: "琅琊" }, { text: "榜", font: { bold: true } }] },
      { text: "Nirvana in Fire", hyperlink: "https://example.test/nirvana" },
      "zh",
      "HISTORICAL",
      { formula: "2014+1", result: 2015 },
      null,
      "",
      "",
    ]);
    workbook.addWorksheet("Notes").addRow(["not read"]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());

    const file = await parsed(bytes, "catalogue.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(file.format).toBe("xlsx");
    expect(file.rows.map((r) => ({ row: r.row, ...r.cells }))).toEqual([
      expect.objectContaining({ row: 2, kind: "FILM", originalTitle: "让子弹飞", year: "2010", runtimeMinutes: "132", eidr: EIDR }),
      expect.objectContaining({ row: 4, originalTitle: "琅琊榜", titleEn: "Nirvana in Fire", year: "2015", runtimeMinutes: "" }),
    ]);
    const { valid, errors } = validateTitleRows(file.rows);
    expect(errors).toEqual([]);
    expect(valid.map((v) => v.data.awards)).toEqual([
      [{ festival: "Golden Horse Awards", award: "Best Adapted Screenplay", year: 2011 }],
      [],
    ]);
  });

  it("round-trips the downloadable template: its example row validates, and it explains every column", async () => {
    const xlsx = await buildImportTemplate("xlsx");
    const file = await parsed(xlsx, "rightsbridge-titles-template.xlsx");
    expect(file.columns).toEqual([...IMPORT_COLUMNS]);
    const { valid, errors } = validateTitleRows(file.rows);
    expect(errors).toEqual([]);
    expect(valid).toHaveLength(1);
    expect(valid[0]?.data.eidr).toBeUndefined();

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(xlsx).buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Titles", "Instructions"]);
    const instructions = workbook.getWorksheet("Instructions")!;
    const listed = IMPORT_COLUMNS.map((_, i) => instructions.getRow(i + 2).getCell(1).value);
    expect(listed).toEqual([...IMPORT_COLUMNS]);
    const kindRow = instructions.getRow(2);
    expect([kindRow.getCell(2).value, kindRow.getCell(3).value]).toEqual([
      "yes",
      "FILM, SERIES, ANIMATION, GAME, FORMAT, MUSIC, PUBLISHING",
    ]);

    const csv = await buildImportTemplate("csv");
    expect([...csv.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const fromCsv = await parsed(csv, "rightsbridge-titles-template.csv");
    expect(validateTitleRows(fromCsv.rows).errors).toEqual([]);
  });

  it("derives required columns and limits from createTitleSchema", () => {
    const rules = Object.fromEntries(columnRules().map((r) => [r.column, r]));
    expect(
      columnRules()
        .filter((r) => r.required)
        .map((r) => r.column),
    ).toEqual(["kind", "originalTitle", "originalLanguage", "year"]);
    expect(rules.runtimeMinutes?.allowed).toBe("Whole number 1–20000");
    expect(rules.originalTitle?.allowed).toBe("Text, at most 300 characters");
    expect(rules.genres?.allowed).toMatch(/XIANXIA, WUXIA, CRIME/);
  });
});

describe("validateTitleRows", () => {
  it("normalises a good row to the API body: codes, genre names, language tag, awards", () => {
    const { valid, errors } = validateTitleRows([
      rowOf({
        ...GOOD,
        kind: "film",
        titleEn: "The Wandering Earth",
        originalLanguage: "ZH-hans",
        genres: "sci-fi; Action-adventure | 剧情",
        runtimeMinutes: "125",
        eidr: EIDR.toLowerCase(),
        visibility: "listed",
        awards: "Hundred Flowers Awards||Best Film|2020; Golden Rooster Awards|Feature|Best Picture|2019",
      }),
    ]);
    expect(errors).toEqual([]);
    expect(valid[0]).toEqual({
      row: 2,
      data: expect.objectContaining({
        kind: "FILM",
        originalLanguage: "zh-Hans",
        genres: ["SCI_FI", "ACTION_ADVENTURE", "DRAMA"],
        year: 2019,
        runtimeMinutes: 125,
        eidr: EIDR,
        visibility: "LISTED",
        titles: { en: "The Wandering Earth", zh: undefined },
        awards: [
          { festival: "Hundred Flowers Awards", section: undefined, award: "Best Film", year: 2020 },
          { festival: "Golden Rooster Awards", section: "Feature", award: "Best Picture", year: 2019 },
        ],
      }),
    });
  });

  it("reports every problem of every row with its row number, column and the schema's message", () => {
    const { valid, errors } = validateTitleRows([
      rowOf(GOOD, 2),
      rowOf({ ...GOOD, kind: "OPERA", year: "twenty", eidr: EIDR_TYPO }, 3),
      rowOf({ ...GOOD, originalTitle: "", originalLanguage: "xx-notalanguage", genres: "WUXIA|POLKA" }, 4),
      rowOf({ ...GOOD, titleZh: "长".repeat(301), awards: "Cannes|Palme d'Or; Berlinale||Golden Bear|1700" }, 5),
    ]);
    expect(valid.map((v) => v.row)).toEqual([2]);
    expect(errors).toEqual([
      expect.objectContaining({ row: 3, column: "kind", message: expect.stringMatching(/^Choose a kind: FILM, SERIES/) }),
      expect.objectContaining({ row: 3, column: "year", message: "Enter the year as a whole number." }),
      expect.objectContaining({ row: 3, column: "eidr", message: "This EIDR ID's check character does not match; check for a typo." }),
      expect.objectContaining({ row: 4, column: "originalTitle", message: "Enter the original title." }),
      expect.objectContaining({ row: 4, column: "originalLanguage", message: expect.stringMatching(/not a BCP 47 language tag/) }),
      expect.objectContaining({ row: 4, column: "genres", message: expect.stringMatching(/^“POLKA”: Unknown genre/) }),
      expect.objectContaining({ row: 5, column: "titleZh", message: "Use at most 300 characters." }),
      {
        row: 5,
        column: "awards",
        message: expect.stringMatching(/^Award 1 \(“Cannes\|Palme d'Or”\): write each award as festival\|section\|award\|year/),
        code: "AWARD_FORMAT",
        params: { position: 1, value: "Cannes|Palme d'Or" },
      },
      expect.objectContaining({ row: 5, column: "awards", message: expect.stringMatching(/^Award 2 \(year\): /) }),
    ]);
  });

  it("checks the language tag against the IANA registry, as POST /titles does", () => {
    const { errors } = validateTitleRows([rowOf({ ...GOOD, originalLanguage: "xx-notalanguage" })]);
    expect(errors).toEqual([
      {
        row: 2,
        column: "originalLanguage",
        message: expect.stringMatching(/not a BCP 47 language tag/),
        code: "LANGUAGE_UNKNOWN",
        params: { value: expect.any(String) },
      },
    ]);
  });

  it("refuses an EIDR ID used twice in the file or already held by one of the studio's titles", () => {
    const other = "10.5240/0EF3-54F9-2642-0B49-6829-R";
    const { valid, errors } = validateTitleRows(
      [rowOf({ ...GOOD, eidr: EIDR }, 2), rowOf({ ...GOOD, eidr: EIDR.toLowerCase() }, 7), rowOf({ ...GOOD, eidr: other }, 8)],
      { existingEidrs: new Set([other]) },
    );
    expect(valid.map((v) => v.row)).toEqual([2]);
    expect(errors).toEqual([
      { row: 7, column: "eidr", message: "Row 2 has the same EIDR ID.", code: "EIDR_DUPLICATE_ROW", params: { row: 2 } },
      { row: 8, column: "eidr", message: "Another of your titles already has this EIDR ID.", code: "EIDR_TAKEN", params: {} },
    ]);
  });
});
