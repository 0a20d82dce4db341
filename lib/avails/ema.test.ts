import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { expandMediaRights } from "@/lib/reference/media-rights";
import { expandTerritories } from "@/lib/territories";
import {
  availsLines,
  EMA_LICENSE_TYPE_OF,
  EMA_MOVIE_COLUMNS,
  EMA_TV_SHEET_COLUMNS,
  type EmaDeal,
  type EmaImportTitle,
  type EmaSourceRow,
  type EmaTitle,
  emaCells,
  emaRowsToGrants,
  grantLines,
  parseEmaSheet,
  writeEmaCsv,
  writeEmaXlsx,
} from "./ema";

const REFERENCE_MOVIE = `DisplayName, StoreLanguage, Territory, WorkType, EntryType, TitleInternalAlias,
TitleDisplayUnlimited, LocalizationType, LicenseType, LicenseRightsDescription, FormatProfile,
Start, End, PriceType, PriceValue, SRP, Description, OtherTerms, OtherInstructions, ContentID,
ProductID, EncodeID, AvailID, Metadata, AltID, SuppressionLiftDate, SpecialPreOrderFulfillDate,
ReleaseYear, ReleaseHistoryOriginal, ReleaseHistoryPhysicalHV, ExceptionFlag, RatingSystem,
RatingValue, RatingReason, RentalDuration, WatchDuration, CaptionIncluded, CaptionExemption, Any,
ContractID, ServiceProvider, TotalRunTime, HoldbackLanguage, HoldbackExclusionLanguage`;
const REFERENCE_TV = `SeriesTitleInternalAlias, SeriesTitleDisplayUnlimited, SeasonNumber, EpisodeNumber,
EpisodeTitleInternalAlias, EpisodeTitleDisplayUnlimited, SeasonTitleInternalAlias,
SeasonTitleDisplayUnlimited, EpisodeCount, SeasonCount, SeriesAltID, SeasonAltID, EpisodeAltID,
CompanyDisplayCredit, SeriesContentID, SeasonContentID, EpisodeContentID, EpisodeProductID,
FixedEndDate`;
const list = (s: string) => s.split(/,\s*/).map((c) => c.trim());

const FILM: EmaTitle = {
  id: "0190a000-0000-7000-8000-000000000001",
  kind: "FILM",
  originalTitle: "玉山",
  titleEn: "Jade Mountain",
  year: 2025,
  runtimeMinutes: 112,
  episodeCount: null,
};
const SERIES: EmaTitle = {
  id: "0190a000-0000-7000-8000-000000000002",
  kind: "SERIES",
  originalTitle: "=长安十二时辰",
  titleEn: null,
  year: 2019,
  runtimeMinutes: null,
  episodeCount: 48,
};
const IMPORT_TITLES: EmaImportTitle[] = [FILM, SERIES].map(({ seasons: _, ...t }) => ({ ...t, eidr: null }));

// A series with seasons and episodes, EIDR ids at series, season and episode level.
const EIDR_SERIES = "10.5240/0EF3-54F9-2642-0B49-6829-R";
const EIDR_S2 = "10.5240/1111-2222-3333-4444-5555-0";
const EIDR_S2E3 = "10.5240/AAAA-BBBB-CCCC-DDDD-EEEE-0";
const season = (number: number, episodes: number, eidr: string | null = null) => ({
  id: `0190a000-0000-7000-8000-0000000005${String(number).padStart(2, "0")}`,
  number,
  titleEn: `Season ${number}: ${["Rise", "Fall", "Return"][number - 1] ?? ""}`,
  titleZh: null,
  eidr,
  episodes: Array.from({ length: episodes }, (_, i) => ({
    id: `0190a000-0000-7000-8000-000000000e${number}${String(i + 1).padStart(2, "0")}`,
    number: i + 1,
    eidr: number === 2 && i === 2 ? EIDR_S2E3 : null,
  })),
});
const XIANXIA: EmaTitle = {
  id: "0190a000-0000-7000-8000-000000000007",
  kind: "SERIES",
  originalTitle: "天衍录",
  titleEn: "Chronicle of the Immortal Path",
  year: 2024,
  runtimeMinutes: null,
  episodeCount: 12,
  eidr: EIDR_SERIES,
  seasons: [season(1, 4), season(2, 4, EIDR_S2), season(3, 4)],
};
const XIANXIA_IMPORT: EmaImportTitle = {
  id: XIANXIA.id,
  kind: "SERIES",
  originalTitle: XIANXIA.originalTitle,
  titleEn: XIANXIA.titleEn,
  eidr: EIDR_SERIES,
  episodeCount: 12,
  seasons: XIANXIA.seasons!.map((s) => ({
    id: s.id!,
    number: s.number,
    eidr: s.eidr ?? null,
    episodes: [...s.episodes!],
  })) as EmaImportTitle["seasons"],
};
const SEASON_DEAL: EmaDeal = {
  ...DEAL_BASE(),
  grants: [
    { ...GRANT_BASE(), id: "s12", titleId: XIANXIA.id, territories: ["TH"], mediaRights: ["SVOD", "EST"], seasons: [2, 1] },
    { ...GRANT_BASE(), id: "s3", titleId: XIANXIA.id, territories: ["VN", "LA"], mediaRights: ["SVOD"], seasons: [3], exclusive: false },
    { ...GRANT_BASE(), id: "all", titleId: XIANXIA.id, territories: ["JP"], mediaRights: ["AVOD"], seasons: [] },
  ],
};

const DEAL: EmaDeal = {
  id: "0190a000-0000-7000-8000-0000000000d1",
  name: "Jade × Partner",
  licensee: { name: "Partner TH" },
  grants: [
    {
      id: "g1",
      titleId: FILM.id,
      territories: ["SEA"],
      excludedTerritories: ["VN"],
      mediaRights: ["DIGITAL"],
      languages: ["th", "en"],
      start: "2027-01-01",
      end: "2028-12-31",
      exclusive: true,
      editsPermitted: true,
      holdbacks: [{ mediaRights: ["FREE_TV"], territories: ["TH"], until: "2027-07-01" }],
    },
    {
      id: "g2",
      titleId: SERIES.id,
      territories: ["JP", "KR"],
      excludedTerritories: [],
      mediaRights: ["PAY_TV", "SVOD"],
      languages: [],
      start: "2026-03-01",
      end: "2026-12-31",
      exclusive: false,
      editsPermitted: false,
      holdbacks: [],
    },
  ],
};

function DEAL_BASE() {
  return { id: "0190a000-0000-7000-8000-0000000000d2", name: "Xianxia seasons", licensee: { name: "Partner TH" } };
}
function GRANT_BASE() {
  return {
    excludedTerritories: [] as string[],
    languages: [] as string[],
    start: "2027-01-01",
    end: "2028-12-31",
    exclusive: true,
    editsPermitted: false,
    holdbacks: [],
  };
}

/** The rights a set of grants covers, one string per title × country × leaf media × window × exclusivity. */
function cellsOf(
  grants: readonly {
    titleId: string;
    territories: readonly string[];
    excludedTerritories: readonly string[];
    mediaRights: readonly string[];
    start: string;
    end: string;
    exclusive: boolean;
  }[],
) {
  const out = new Set<string>();
  for (const g of grants) {
    for (const c of expandTerritories(g.territories, g.excludedTerritories)) {
      for (const m of expandMediaRights(g.mediaRights)) out.add([g.titleId, c, m, g.start, g.end, g.exclusive].join("|"));
    }
  }
  return [...out].sort();
}

const row = (cells: EmaSourceRow["cells"], n = 2): EmaSourceRow => ({ sheet: "Movie", row: n, cells });
const good = { AltID: FILM.id, Territory: "TH", LicenseType: "SVOD", Start: "2027-01-01", End: "2027-12-31", Exclusive: "Yes" };

describe("EMA Avails columns", () => {
  it("has the 44 Movie columns of v1.6 in the reference order, and the TV sheet adds the TV columns after them", () => {
    expect(EMA_MOVIE_COLUMNS).toEqual(list(REFERENCE_MOVIE));
    expect(EMA_MOVIE_COLUMNS).toHaveLength(44);
    expect(EMA_TV_SHEET_COLUMNS.slice(0, 44 + 19)).toEqual([...list(REFERENCE_MOVIE), ...list(REFERENCE_TV)]);
  });

  it("maps only EST, TVOD and SVOD to an EMA LicenseType", () => {
    expect(Object.entries(EMA_LICENSE_TYPE_OF).filter(([, t]) => t !== null)).toEqual([
      ["SVOD", "SVOD"],
      ["TVOD", "VOD"],
      ["EST", "EST"],
    ]);
  });
});

describe("export", () => {
  it("writes one row per country and leaf media, groups expanded and exclusions applied", () => {
    const lines = grantLines(DEAL, [FILM, SERIES]);
    const film = lines.filter((l) => l.title.id === FILM.id);
    expect(new Set(film.map((l) => l.country))).toEqual(expandTerritories(["SEA"], ["VN"]));
    expect(film).toHaveLength(10 * 4);
    expect(film.some((l) => l.country === "VN")).toBe(false);
  });

  it("puts films on the Movie sheet and series (WorkType Series) on the TV sheet, with a Mapping sheet", async () => {
    const bytes = await writeEmaXlsx(grantLines(DEAL, [FILM, SERIES]));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Movie", "TV", "Mapping"]);
    const movie = workbook.getWorksheet("Movie")!;
    const header = (movie.getRow(1).values as string[]).slice(1);
    expect(header.slice(0, 44)).toEqual(list(REFERENCE_MOVIE));
    expect(header.slice(44)).toEqual(["AllowedLanguages", "Exclusive", "TerritoryExclusion", "Licensee", "RightsbridgeMedia"]);
    const first = Object.fromEntries(header.map((h, i) => [h, movie.getRow(2).getCell(i + 1).value]));
    expect(first).toMatchObject({
      Territory: "BN",
      WorkType: "Movie",
      TitleInternalAlias: "玉山",
      TitleDisplayUnlimited: "Jade Mountain",
      LicenseType: "SVOD",
      Start: "2027-01-01",
      End: "2028-12-31",
      AltID: FILM.id,
      ContentID: FILM.id,
      ContractID: DEAL.id,
      Exclusive: "Yes",
      TerritoryExclusion: "VN",
      Licensee: "Partner TH",
      RightsbridgeMedia: "SVOD",
      TotalRunTime: "01:52:00",
      AllowedLanguages: "th,en",
    });
    const avod = movie.getRow(3);
    expect(avod.getCell(header.indexOf("RightsbridgeMedia") + 1).value).toBe("AVOD");
    expect(avod.getCell(header.indexOf("LicenseType") + 1).value).toBeNull();
    const tv = workbook.getWorksheet("TV")!;
    const tvHeader = (tv.getRow(1).values as string[]).slice(1);
    const tvRow = Object.fromEntries(tvHeader.map((h, i) => [h, tv.getRow(2).getCell(i + 1).value]));
    expect(tvRow).toMatchObject({
      WorkType: "Series",
      SeriesAltID: SERIES.id,
      SeriesTitleInternalAlias: SERIES.originalTitle,
      EpisodeCount: "48",
    });
    expect(tv.rowCount).toBe(1 + 2 * 2);
  });

  it("quotes CSV cells that would start a formula, and the import reads them back unquoted", async () => {
    const csv = writeEmaCsv(grantLines(DEAL, [FILM, SERIES]));
    expect(csv.startsWith("\uFEFFDisplayName,StoreLanguage,Territory,")).toBe(true);
    expect(csv).toContain(",'=长安十二时辰,");
    const parsed = await parseEmaSheet(new TextEncoder().encode(csv));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.value.rows.find((r) => r.cells.WorkType === "Series")?.cells.TitleInternalAlias).toBe("=长安十二时辰");
  });
});

describe("round trip", () => {
  for (const format of ["xlsx", "csv"] as const) {
    it(`re-imports a ${format} export into grants covering the same cells`, async () => {
      const lines = grantLines(DEAL, [FILM, SERIES]);
      const bytes = format === "xlsx" ? await writeEmaXlsx(lines) : new TextEncoder().encode(writeEmaCsv(lines));
      const parsed = await parseEmaSheet(bytes);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed));
      const result = emaRowsToGrants(parsed.value.rows, IMPORT_TITLES);
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      const grants = result.value.grants;
      expect(cellsOf(grants.map((g) => g.input))).toEqual(cellsOf(DEAL.grants));
      // Media sharing the same countries come back as one grant each per window.
      expect(grants).toHaveLength(2);
      expect(result.value.notes).toEqual([]);
      expect(grants.find((g) => g.input.titleId === FILM.id)!.input).toMatchObject({
        exclusive: true,
        languages: ["en", "th"],
        mediaRights: ["SVOD", "AVOD", "TVOD", "EST"],
      });
    });
  }
});

describe("import rows", () => {
  it("maps LicenseType when there is no RightsbridgeMedia, and names the title by its original or English title", () => {
    const result = emaRowsToGrants(
      [
        row({ ...good, AltID: "", TitleInternalAlias: "jade mountain", LicenseType: "VOD" }, 2),
        row({ ...good, AltID: "", TitleInternalAlias: "玉山", LicenseType: "EST", Territory: "vn" }, 3),
      ],
      IMPORT_TITLES,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value.grants.map((g) => [g.input.territories, g.input.mediaRights])).toEqual([
      [["TH"], ["TVOD"]],
      [["VN"], ["EST"]],
    ]);
  });

  it("reads Exclusive Yes/No and treats a missing one as non-exclusive", () => {
    const result = emaRowsToGrants([row({ ...good, Exclusive: "" }), row({ ...good, Exclusive: "No", Territory: "VN" }, 3)], IMPORT_TITLES);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value.grants).toHaveLength(1);
    expect(result.value.grants[0]!.input).toMatchObject({ exclusive: false, territories: ["TH", "VN"] });
  });

  it("refuses an open end unless a date closes it", () => {
    const refused = emaRowsToGrants([row({ ...good, End: "Open" })], IMPORT_TITLES);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.errors).toEqual([
      expect.objectContaining({ path: "rows.2.End", row: 2, column: "End", message: expect.stringMatching(/Open.*openEndDate/) }),
    ]);
    const closed = emaRowsToGrants([row({ ...good, End: "Open" })], IMPORT_TITLES, { openEndDate: "2030-12-31" });
    expect(closed.ok && closed.value.grants[0]!.input.end).toBe("2030-12-31");
  });

  it("names every bad row and column", () => {
    const result = emaRowsToGrants(
      [
        row({ ...good, Territory: "XX" }, 2),
        row({ ...good, Territory: "SEA" }, 3),
        row({ ...good, LicenseType: "Library" }, 4),
        row({ ...good, LicenseType: "", RightsbridgeMedia: "" }, 5),
        row({ ...good, Start: "2027-02-30" }, 6),
        row({ ...good, Start: "2028-01-01", End: "2027-01-01" }, 7),
        row({ ...good, AltID: "0190a000-0000-7000-8000-00000000ffff" }, 8),
        row({ ...good, AltID: "", TitleInternalAlias: "Nobody's Film" }, 9),
        row({ ...good, LicenseType: "SVOD", RightsbridgeMedia: "EST" }, 10),
        row({ ...good, RightsbridgeMedia: "RADIO", LicenseType: "" }, 11),
        row({ ...good, WorkType: "Episode" }, 12),
        row({ ...good, Exclusive: "maybe" }, 13),
        row({ ...good, EntryType: "Delete" }, 14),
        row({ ...good, AllowedLanguages: "th,not a tag!" }, 15),
        row({ ...good }, 16),
      ],
      IMPORT_TITLES,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe("INVALID_ROWS");
    expect(result.errors!.map((e) => e.path)).toEqual([
      "rows.2.Territory",
      "rows.3.Territory",
      "rows.4.LicenseType",
      "rows.5.LicenseType",
      "rows.6.Start",
      "rows.7.End",
      "rows.8.AltID",
      "rows.9.TitleInternalAlias",
      "rows.10.LicenseType",
      "rows.11.RightsbridgeMedia",
      "rows.12.WorkType",
      "rows.13.Exclusive",
      "rows.14.EntryType",
      "rows.15.AllowedLanguages",
    ]);
    expect(result.errors![1]!.message).toMatch(/region or group/);
    expect(result.errors![2]!.message).toMatch(/Library.*RightsbridgeMedia/);
    // An Episode row of a film: films have no seasons (a stable code, said in the reader's language).
    expect(result.errors![10]).toMatchObject({ code: "NOT_A_SERIES" });
  });

  it("refuses an alias that matches several titles", () => {
    const twins = [...IMPORT_TITLES, { ...IMPORT_TITLES[0]!, id: "0190a000-0000-7000-8000-000000000003", titleEn: null }];
    const result = emaRowsToGrants([row({ ...good, AltID: "", TitleInternalAlias: "玉山" })], twins);
    expect(!result.ok && result.errors![0]!.message).toMatch(/matches 2 titles/);
  });
});

const tvRow = (cells: EmaSourceRow["cells"], n = 2): EmaSourceRow => ({ sheet: "TV", row: n, cells });
const xianxia = {
  SeriesTitleInternalAlias: "天衍录",
  Territory: "TH",
  LicenseType: "SVOD",
  Start: "2027-01-01",
  End: "2028-12-31",
  Exclusive: "Yes",
};

/** Season-aware cells: title × season (or *) × country × media × window × exclusivity. */
function seasonCellsOf(
  grants: readonly {
    titleId: string;
    territories: readonly string[];
    excludedTerritories: readonly string[];
    mediaRights: readonly string[];
    start: string;
    end: string;
    exclusive: boolean;
    seasons?: readonly number[];
  }[],
) {
  const out = new Set<string>();
  for (const g of grants) {
    for (const season of g.seasons?.length ? g.seasons : ["*"]) {
      for (const c of cellsOf([g])) out.add(`${season}|${c}`);
    }
  }
  return [...out].sort();
}

describe("series: Season and Episode rows", () => {
  it("exports a grant naming seasons as Season rows, one per season, with the EIDR of each level where known", async () => {
    const lines = grantLines(SEASON_DEAL, [XIANXIA]);
    // TH × 2 media × seasons 1 and 2, VN+LA × SVOD × season 3, JP × AVOD as a Series row.
    expect(lines).toHaveLength(4 + 2 + 1);
    const bytes = await writeEmaXlsx(lines);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
    const tv = workbook.getWorksheet("TV")!;
    const header = (tv.getRow(1).values as string[]).slice(1);
    const rows = Array.from({ length: tv.rowCount - 1 }, (_, i) =>
      Object.fromEntries(header.map((h, c) => [h, tv.getRow(i + 2).getCell(c + 1).value ?? ""])),
    );
    // Series rows (every season) first, then season by season.
    expect(rows.map((r) => [r.WorkType, r.SeasonNumber, r.Territory, r.RightsbridgeMedia])).toEqual([
      ["Series", "", "JP", "AVOD"],
      ["Season", "1", "TH", "SVOD"],
      ["Season", "1", "TH", "EST"],
      ["Season", "2", "TH", "SVOD"],
      ["Season", "2", "TH", "EST"],
      ["Season", "3", "LA", "SVOD"],
      ["Season", "3", "VN", "SVOD"],
    ]);
    expect(rows[3]).toMatchObject({
      SeriesTitleInternalAlias: "天衍录",
      SeriesContentID: EIDR_SERIES,
      SeriesAltID: XIANXIA.id,
      SeasonTitleInternalAlias: "Season 2: Fall",
      SeasonContentID: EIDR_S2,
      SeasonAltID: XIANXIA.seasons![1]!.id,
      EpisodeCount: "4",
      SeasonCount: "3",
      AltID: XIANXIA.id,
    });
    expect(rows[1]!.SeasonContentID).toBe("");
    expect(new Set(rows.map((r) => r.AvailID)).size).toBe(rows.length);
  });

  it("exports avails asked for one season of a series as that season's Season rows; films stay Movie rows", () => {
    const items = [
      { titleId: XIANXIA.id, territory: "TH", mediaRight: "SVOD", status: "AVAILABLE" },
      { titleId: FILM.id, territory: "TH", mediaRight: "SVOD", status: "AVAILABLE" },
      { titleId: XIANXIA.id, territory: "VN", mediaRight: "SVOD", status: "BLOCKED" },
    ];
    const lines = availsLines(items, [XIANXIA, FILM], { start: "2027-01-01", end: "2027-12-31", exclusive: true, season: 2 });
    expect(lines.map((l) => [emaCells(l).WorkType, emaCells(l).SeasonNumber ?? "", emaCells(l).SeasonContentID ?? ""])).toEqual([
      ["Season", "2", EIDR_S2],
      ["Movie", "", ""],
    ]);
    const whole = availsLines(items, [XIANXIA], { start: "2027-01-01", end: "2027-12-31", exclusive: true });
    expect(whole.map((l) => emaCells(l).WorkType)).toEqual(["Series"]);
  });

  for (const format of ["xlsx", "csv"] as const) {
    it(`round-trips (${format}) a series with seasons: the same grants name the same seasons`, async () => {
      const lines = grantLines(SEASON_DEAL, [XIANXIA]);
      const bytes = format === "xlsx" ? await writeEmaXlsx(lines) : new TextEncoder().encode(writeEmaCsv(lines));
      const parsed = await parseEmaSheet(bytes);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed));
      const result = emaRowsToGrants(parsed.value.rows, [XIANXIA_IMPORT]);
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      expect(seasonCellsOf(result.value.grants.map((g) => g.input))).toEqual(seasonCellsOf(SEASON_DEAL.grants));
      // Seasons 1 and 2 share countries and media: one grant naming both, as exported.
      expect(result.value.grants.map((g) => [g.input.territories, g.input.mediaRights, g.input.seasons])).toEqual([
        [["JP"], ["AVOD"], []],
        [["TH"], ["SVOD", "EST"], [1, 2]],
        [["LA", "VN"], ["SVOD"], [3]],
      ]);
    });
  }

  it("imports Episode rows as grants of their season and says so, once per season", () => {
    const result = emaRowsToGrants(
      [
        tvRow({ ...xianxia, WorkType: "Episode", SeasonNumber: "1", EpisodeNumber: "1" }, 2),
        tvRow({ ...xianxia, WorkType: "Episode", SeasonNumber: "1", EpisodeNumber: "2" }, 3),
        // No numbers: the episode's EIDR names season 2, episode 3.
        tvRow({ ...xianxia, WorkType: "Episode", EpisodeContentID: EIDR_S2E3 }, 4),
        tvRow({ ...xianxia, WorkType: "Season", SeasonContentID: EIDR_S2, Territory: "VN" }, 5),
      ],
      [XIANXIA_IMPORT],
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value.grants.map((g) => [g.input.territories, g.input.seasons])).toEqual([
      [["TH"], [1]],
      [["TH", "VN"], [2]],
    ]);
    expect(result.value.notes).toEqual([
      expect.objectContaining({
        code: "EPISODE_AS_SEASON",
        params: { season: 1, episodes: "1, 2" },
        season: 1,
        titleId: XIANXIA.id,
        rows: [
          { sheet: "TV", row: 2 },
          { sheet: "TV", row: 3 },
        ],
      }),
      expect.objectContaining({ code: "EPISODE_AS_SEASON", params: { season: 2, episodes: "3" }, rows: [{ sheet: "TV", row: 4 }] }),
    ]);
  });

  it("refuses seasons and episodes the series does not have, Season rows without a season, and seasons of a film, with stable codes", () => {
    const result = emaRowsToGrants(
      [
        tvRow({ ...xianxia, WorkType: "Season", SeasonNumber: "4" }, 2),
        tvRow({ ...xianxia, WorkType: "Episode", SeasonNumber: "2", EpisodeNumber: "9" }, 3),
        tvRow({ ...xianxia, WorkType: "Season" }, 4),
        tvRow({ ...xianxia, WorkType: "Season", SeasonNumber: "two" }, 5),
        row({ ...good, WorkType: "Season", SeasonNumber: "1" }, 6),
        tvRow({ ...xianxia, WorkType: "Season", SeasonNumber: "3" }, 7),
      ],
      [XIANXIA_IMPORT, ...IMPORT_TITLES],
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors!.map((e) => [e.path, e.code])).toEqual([
      ["sheets.TV.rows.2.SeasonNumber", "SEASON_UNKNOWN"],
      ["sheets.TV.rows.3.EpisodeNumber", "EPISODE_UNKNOWN"],
      ["sheets.TV.rows.4.SeasonNumber", "EMA_SEASON_MISSING"],
      ["sheets.TV.rows.5.SeasonNumber", undefined],
      ["rows.6.WorkType", "NOT_A_SERIES"],
    ]);
    expect(result.errors![0]).toMatchObject({ params: { seasons: "4" }, message: expect.stringMatching(/no season 4/) });
    expect(result.errors![1]).toMatchObject({ params: { season: 2, episode: 9 } });
  });
});

describe("reading files", () => {
  it("finds the header below a title row and ignores unknown columns", async () => {
    const csv = `EMA Avails v1.6,,,\r\nTerritory;LicenseType;Start;End;AltID;Custom\r\nTH;SVOD;2027-01-01;2027-12-31;${FILM.id};x\r\n`;
    const parsed = await parseEmaSheet(new TextEncoder().encode(csv));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.value.rows).toEqual([
      { sheet: "Movie", row: 3, cells: { Territory: "TH", LicenseType: "SVOD", Start: "2027-01-01", End: "2027-12-31", AltID: FILM.id } },
    ]);
  });

  it("reads Excel date cells as calendar dates", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Movie");
    sheet.addRow(["Territory", "LicenseType", "Start", "End", "AltID"]);
    sheet.addRow(["TH", "SVOD", new Date(Date.UTC(2027, 0, 1)), new Date(Date.UTC(2027, 11, 31)), FILM.id]);
    const parsed = await parseEmaSheet(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(parsed.ok && parsed.value.rows[0]!.cells).toMatchObject({ Start: "2027-01-01", End: "2027-12-31" });
  });

  it("refuses files without an EMA header, empty files and old .xls files", async () => {
    expect(await parseEmaSheet(new TextEncoder().encode("a,b\n1,2\n"))).toMatchObject({ ok: false, reason: "INVALID_HEADER" });
    expect(await parseEmaSheet(new Uint8Array())).toMatchObject({ ok: false, reason: "FILE_EMPTY" });
    expect(await parseEmaSheet(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toMatchObject({
      ok: false,
      reason: "UNSUPPORTED_FILE_TYPE",
    });
  });
});
