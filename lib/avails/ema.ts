/**
 * EMA Avails spreadsheets (the Entertainment Merchants Association / MovieLabs layout), both
 * ways: avails and a deal's grants written as Movie and TV sheets, and a sheet read back as grant
 * inputs with per-row errors. Column names and code lists: shared/reference/ema-avails.md.
 *
 * Choices (also written into the exported "Mapping" sheet, so the file explains itself):
 * - One row per country (ISO 3166-1 alpha-2) per leaf media right. Groups and regions are
 *   expanded and exclusions applied, so a re-import gets countries, never groups.
 * - Our media → EMA LicenseType is lossy: EST→EST, TVOD→VOD, SVOD→SVOD; AVOD and every
 *   non-digital right have no LicenseType, so LicenseType stays blank on those rows. Our own code
 *   rides along in the extra column RightsbridgeMedia, which the import reads first.
 * - WorkType "Movie" for every title kind except series (SERIES, and ANIMATION with an episode
 *   count), whose rows go on the TV sheet: a grant of every season (no `seasons`) is one "Series"
 *   row per cell (it covers every season, later ones too); a grant naming seasons is one "Season"
 *   row per season per cell, with SeasonNumber, the season's title in SeasonTitleInternalAlias,
 *   its EIDR in SeasonContentID and its id in SeasonAltID. SeriesContentID carries the series'
 *   EIDR when known (else the title id), EpisodeCount the season's (or series') episodes.
 * - Import: Series rows (or Movie rows naming a series) become grants of every season; Season
 *   rows grants of that season (SeasonNumber, or SeasonContentID / SeasonAltID); seasons the
 *   series does not have are refused (SEASON_UNKNOWN). Episodes are licensed with their season
 *   (Rightsbridge has no episode-level grants): an Episode row becomes a grant of the episode's
 *   season and the answer says so in a note (EPISODE_AS_SEASON) naming the rows; an episode the
 *   season does not have is refused (EPISODE_UNKNOWN). Seasons with the same countries, media
 *   and window come back as one grant naming them all.
 * - AltID and ContentID carry the Rightsbridge title id; Exclusive (Yes/No), TerritoryExclusion
 *   and Licensee are the optional v1.7.3 columns, AllowedLanguages the v1.7 one.
 */

import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import type { ErrorCode, ErrorParams } from "@/lib/api/error-codes";
import { isSeries as isSeriesTitle, seasonRefusal } from "@/lib/catalogue/series";
import type { GrantInput } from "@/lib/deals/schema";
import { toCsv } from "@/lib/files/csv";
import { fileError, readTable, type Table } from "@/lib/files/table-file";
import { canonicalizeLanguageTag } from "@/lib/reference/languages";
import {
  expandMediaRights,
  getMediaRight,
  isMediaRightCode,
  MEDIA_RIGHT_LEAVES,
  type MediaRightLeafCode,
} from "@/lib/reference/media-rights";
import { type FieldError, fail, ok, type Result } from "@/lib/result";
import { expandTerritories, isCountryCode, normalizeTerritoryCode, unknownTerritoryCodes } from "@/lib/territories";

// ---- columns -----------------------------------------------------------------------------------

/** The Movie sheet of EMA Avails v1.6: 44 columns, in this order. */
export const EMA_MOVIE_COLUMNS = [
  "DisplayName",
  "StoreLanguage",
  "Territory",
  "WorkType",
  "EntryType",
  "TitleInternalAlias",
  "TitleDisplayUnlimited",
  "LocalizationType",
  "LicenseType",
  "LicenseRightsDescription",
  "FormatProfile",
  "Start",
  "End",
  "PriceType",
  "PriceValue",
  "SRP",
  "Description",
  "OtherTerms",
  "OtherInstructions",
  "ContentID",
  "ProductID",
  "EncodeID",
  "AvailID",
  "Metadata",
  "AltID",
  "SuppressionLiftDate",
  "SpecialPreOrderFulfillDate",
  "ReleaseYear",
  "ReleaseHistoryOriginal",
  "ReleaseHistoryPhysicalHV",
  "ExceptionFlag",
  "RatingSystem",
  "RatingValue",
  "RatingReason",
  "RentalDuration",
  "WatchDuration",
  "CaptionIncluded",
  "CaptionExemption",
  "Any",
  "ContractID",
  "ServiceProvider",
  "TotalRunTime",
  "HoldbackLanguage",
  "HoldbackExclusionLanguage",
] as const;

/** What the TV sheet adds after the Movie columns. */
export const EMA_TV_ADDITIONS = [
  "SeriesTitleInternalAlias",
  "SeriesTitleDisplayUnlimited",
  "SeasonNumber",
  "EpisodeNumber",
  "EpisodeTitleInternalAlias",
  "EpisodeTitleDisplayUnlimited",
  "SeasonTitleInternalAlias",
  "SeasonTitleDisplayUnlimited",
  "EpisodeCount",
  "SeasonCount",
  "SeriesAltID",
  "SeasonAltID",
  "EpisodeAltID",
  "CompanyDisplayCredit",
  "SeriesContentID",
  "SeasonContentID",
  "EpisodeContentID",
  "EpisodeProductID",
  "FixedEndDate",
] as const;

/** Optional columns of later versions (v1.7: AllowedLanguages; v1.7.3: the rest) plus our media code. */
export const EMA_EXTRA_COLUMNS = ["AllowedLanguages", "Exclusive", "TerritoryExclusion", "Licensee", "RightsbridgeMedia"] as const;

export const EMA_MOVIE_SHEET_COLUMNS = [...EMA_MOVIE_COLUMNS, ...EMA_EXTRA_COLUMNS] as const;
export const EMA_TV_SHEET_COLUMNS = [...EMA_MOVIE_COLUMNS, ...EMA_TV_ADDITIONS, ...EMA_EXTRA_COLUMNS] as const;

export type EmaColumn = (typeof EMA_TV_SHEET_COLUMNS)[number];
export type EmaCells = Partial<Record<EmaColumn, string>>;

const COLUMN_BY_KEY: ReadonlyMap<string, EmaColumn> = new Map(EMA_TV_SHEET_COLUMNS.map((c) => [c.toLowerCase(), c]));

// ---- media rights ↔ LicenseType ----------------------------------------------------------------

/** Our leaf media → EMA LicenseType; null where EMA has no type (AVOD, TV, theatrical, ...). */
export const EMA_LICENSE_TYPE_OF: Readonly<Record<MediaRightLeafCode, string | null>> = Object.freeze(
  Object.fromEntries(
    MEDIA_RIGHT_LEAVES.map((m) => [m, ({ EST: "EST", TVOD: "VOD", SVOD: "SVOD" } as Record<string, string>)[m] ?? null]),
  ) as Record<MediaRightLeafCode, string | null>,
);

/** EMA LicenseType → our leaf, for sheets without a RightsbridgeMedia column. */
export const MEDIA_OF_LICENSE_TYPE: ReadonlyMap<string, MediaRightLeafCode> = new Map([
  ["est", "EST"],
  ["vod", "TVOD"],
  ["svod", "SVOD"],
]);

/** LicenseTypes that exist in EMA but name no right of ours (pre-orders, windows, catalogue status). */
const UNMAPPABLE_LICENSE_TYPES = new Set(["poest", "pre-release", "library"]);

// ---- rows to write -----------------------------------------------------------------------------

/** A season of a series, with what the export writes of it (all but the number optional). */
export type EmaSeason = {
  number: number;
  id?: string;
  titleEn?: string | null;
  titleZh?: string | null;
  eidr?: string | null;
  episodes?: readonly { id?: string; number: number; eidr?: string | null }[];
};

export type EmaTitle = {
  id: string;
  kind: string;
  originalTitle: string;
  titleEn: string | null;
  year: number | null;
  runtimeMinutes: number | null;
  episodeCount: number | null;
  eidr?: string | null;
  seasons?: readonly EmaSeason[];
};

/** One cell of rights: a title in one country, one leaf media right, one window. */
export type EmaLine = {
  title: EmaTitle;
  country: string;
  media: MediaRightLeafCode;
  start: string;
  end: string;
  exclusive: boolean;
  displayName?: string;
  licensee?: string;
  contractId?: string;
  availId?: string;
  excluded?: readonly string[];
  languages?: readonly string[];
  description?: string;
  otherTerms?: string;
  /** A Season row: the grant names this season (absent: a Series row, every season). */
  season?: EmaSeason;
};

const isSeries = (t: { kind: string; episodeCount: number | null }) => isSeriesTitle(t);

function runTime(minutes: number | null): string {
  if (!minutes) return "";
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}:00`;
}

/** The cells of one line, on the sheet its title belongs to. */
export function emaCells(line: EmaLine): EmaCells {
  const t = line.title;
  const licenseType = EMA_LICENSE_TYPE_OF[line.media];
  const media = getMediaRight(line.media)!;
  const display = t.titleEn || t.originalTitle;
  const cells: EmaCells = {
    DisplayName: line.displayName ?? "",
    Territory: line.country,
    WorkType: line.season ? "Season" : isSeries(t) ? "Series" : "Movie",
    EntryType: "Full Extract",
    TitleInternalAlias: t.originalTitle,
    TitleDisplayUnlimited: display,
    LicenseType: licenseType ?? "",
    LicenseRightsDescription: media.name.en,
    Start: line.start,
    End: line.end,
    Description: line.description ?? "",
    OtherTerms: [licenseType ? "" : `EMA has no LicenseType for ${media.name.en}: see RightsbridgeMedia.`, line.otherTerms ?? ""]
      .filter(Boolean)
      .join(" "),
    ContentID: t.id,
    AvailID: line.availId ?? "",
    AltID: t.id,
    ReleaseYear: t.year ? String(t.year) : "",
    ContractID: line.contractId ?? "",
    TotalRunTime: isSeries(t) ? "" : runTime(t.runtimeMinutes),
    AllowedLanguages: (line.languages ?? []).join(","),
    Exclusive: line.exclusive ? "Yes" : "No",
    TerritoryExclusion: (line.excluded ?? []).join(","),
    Licensee: line.licensee ?? "",
    RightsbridgeMedia: line.media,
  };
  if (isSeries(t)) {
    Object.assign(cells, {
      SeriesTitleInternalAlias: t.originalTitle,
      SeriesTitleDisplayUnlimited: display,
      EpisodeCount: t.episodeCount ? String(t.episodeCount) : "",
      SeasonCount: t.seasons?.length ? String(t.seasons.length) : "",
      SeriesAltID: t.id,
      SeriesContentID: t.eidr || t.id,
    } satisfies EmaCells);
  }
  const season = line.season;
  if (season) {
    const name = season.titleEn || `Season ${season.number}`;
    Object.assign(cells, {
      SeasonNumber: String(season.number),
      SeasonTitleInternalAlias: name,
      SeasonTitleDisplayUnlimited: name,
      SeasonAltID: season.id ?? "",
      SeasonContentID: season.eidr ?? "",
      EpisodeCount: season.episodes?.length ? String(season.episodes.length) : "",
    } satisfies EmaCells);
  }
  return cells;
}

const MEDIA_ORDER = new Map(MEDIA_RIGHT_LEAVES.map((m, i) => [m, i]));

/** Stable order: title, window, country, media (taxonomy order). */
export function sortLines(lines: EmaLine[]): EmaLine[] {
  return [...lines].sort(
    (a, b) =>
      a.title.originalTitle.localeCompare(b.title.originalTitle) ||
      a.title.id.localeCompare(b.title.id) ||
      a.start.localeCompare(b.start) ||
      a.end.localeCompare(b.end) ||
      (a.season?.number ?? 0) - (b.season?.number ?? 0) ||
      a.country.localeCompare(b.country) ||
      (MEDIA_ORDER.get(a.media) ?? 0) - (MEDIA_ORDER.get(b.media) ?? 0),
  );
}

// ---- what to export ----------------------------------------------------------------------------

export type AvailsExportItem = { titleId: string; territory: string; mediaRight: string; status: string };

/** The AVAILABLE cells of an avails answer, as lines for the query's window and exclusivity. */
export function availsLines(
  items: readonly AvailsExportItem[],
  titles: readonly EmaTitle[],
  request: { start: string; end: string; exclusive: boolean; season?: number },
): EmaLine[] {
  const byId = new Map(titles.map((t) => [t.id, t]));
  const lines: EmaLine[] = [];
  for (const item of items) {
    const title = byId.get(item.titleId);
    if (item.status !== "AVAILABLE" || !title) continue;
    // Avails asked for one season of a series are that season's: Season rows.
    const season =
      request.season !== undefined && isSeries(title)
        ? (title.seasons?.find((s) => s.number === request.season) ?? { number: request.season })
        : undefined;
    lines.push({
      ...(season && { season }),
      title,
      country: item.territory,
      media: item.mediaRight as MediaRightLeafCode,
      start: request.start,
      end: request.end,
      exclusive: request.exclusive,
      description: request.exclusive ? "Available exclusively" : "Available non-exclusively",
    });
  }
  return sortLines(lines);
}

export type EmaDeal = {
  id: string;
  name: string;
  licensee: { name: string };
  grants: readonly {
    id: string;
    titleId: string;
    territories: readonly string[];
    excludedTerritories: readonly string[];
    mediaRights: readonly string[];
    languages: readonly string[];
    start: string;
    end: string;
    exclusive: boolean;
    editsPermitted: boolean;
    holdbacks: readonly { mediaRights: readonly string[]; territories: readonly string[]; until: string }[];
    /** Seasons of a series the grant names; empty or absent = every season. */
    seasons?: readonly number[];
  }[];
};

/** A deal's grants expanded to country × leaf media lines. */
export function grantLines(deal: EmaDeal, titles: readonly EmaTitle[]): EmaLine[] {
  const byId = new Map(titles.map((t) => [t.id, t]));
  const lines: EmaLine[] = [];
  for (const g of deal.grants) {
    const title = byId.get(g.titleId);
    if (!title) continue;
    const countries = [...expandTerritories(g.territories, g.excludedTerritories)].sort();
    const media = [...expandMediaRights(g.mediaRights)];
    // A series grant naming seasons: one Season row per season; otherwise one Series (or Movie) row.
    const seasons: (EmaSeason | undefined)[] =
      isSeries(title) && g.seasons?.length
        ? [...g.seasons].sort((a, b) => a - b).map((n) => title.seasons?.find((s) => s.number === n) ?? { number: n })
        : [undefined];
    const terms = [
      ...g.holdbacks.map((h) => `Holdback: ${h.mediaRights.join("/")} in ${h.territories.join(",")} until ${h.until}.`),
      g.editsPermitted ? "Localization edits permitted." : "",
    ]
      .filter(Boolean)
      .join(" ");
    for (const season of seasons) {
      for (const country of countries) {
        for (const m of media) {
          lines.push({
            ...(season && { season }),
            title,
            country,
            media: m,
            start: g.start,
            end: g.end,
            exclusive: g.exclusive,
            displayName: deal.licensee.name,
            licensee: deal.licensee.name,
            contractId: deal.id,
            availId: `${g.id}:${country}:${m}${season ? `:S${season.number}` : ""}`,
            excluded: g.excludedTerritories,
            languages: g.languages,
            description: deal.name,
            otherTerms: terms,
          });
        }
      }
    }
  }
  return sortLines(lines);
}

// ---- writing -----------------------------------------------------------------------------------

/** The "Mapping" sheet: how our data sits in the EMA layout, for the people who open the file. */
export function mappingRows(): string[][] {
  return [
    ["Rightsbridge media", "Name", "EMA LicenseType", "Note"],
    ...MEDIA_RIGHT_LEAVES.map((m) => {
      const type = EMA_LICENSE_TYPE_OF[m];
      return [
        m,
        getMediaRight(m)!.name.en,
        type ?? "",
        type ? "" : "No EMA LicenseType: LicenseType blank, RightsbridgeMedia carries the right.",
      ];
    }),
    [],
    ["Notes"],
    ["Rows", "One row per country (ISO 3166-1 alpha-2) per media right; groups and regions are expanded and exclusions applied."],
    [
      "RightsbridgeMedia",
      "Our media code (extra column). On import it wins over LicenseType; without it LicenseType EST→EST, VOD→TVOD, SVOD→SVOD.",
    ],
    [
      "WorkType",
      "Movie for films and every non-series kind (Movie sheet). On the TV sheet: Series for a grant of every season (later seasons too); Season (with SeasonNumber) for a grant naming seasons, one row per season.",
    ],
    [
      "Episodes",
      "Episodes are licensed with their season: an imported Episode row becomes a grant of the episode's season, and the import says so.",
    ],
    [
      "AltID / ContentID",
      "The Rightsbridge title id (SeriesAltID too on the TV sheet). SeriesContentID / SeasonContentID: the series' and season's EIDR when known; SeasonAltID the Rightsbridge season id.",
    ],
    ["Exclusive", "Yes or No (EMA v1.7.3). A row without it imports as non-exclusive."],
    ["Start / End", "Inclusive calendar dates, YYYY-MM-DD. Windows always end: no End is Open."],
    ["ContractID / Licensee", "The deal id and the licensee (deal exports); TerritoryExclusion lists the grant's exclusions as entered."],
    ["Not carried", "Holdbacks and localization edit rights appear in OtherTerms for reading only; the import does not read them back."],
  ];
}

/**
 * CSV (UTF-8 with BOM, for Excel): one table, so the Movie-sheet columns plus the extras, and the
 * TV columns too when a series is among the lines (their WorkType says Series or Season).
 */
export function writeEmaCsv(lines: readonly EmaLine[]): string {
  const columns = lines.some((l) => isSeries(l.title)) ? EMA_TV_SHEET_COLUMNS : EMA_MOVIE_SHEET_COLUMNS;
  return toCsv(
    columns,
    lines.map((line) => {
      const cells = emaCells(line);
      return columns.map((c) => cells[c] ?? "");
    }),
  );
}

/** The workbook: Movie sheet, TV sheet, Mapping sheet. Written as a stream, so large exports stay lean. */
export async function writeEmaXlsx(lines: readonly EmaLine[]): Promise<Uint8Array> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    stream.on("end", resolve);
    stream.on("error", reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = "Rightsbridge";
  for (const [name, columns, rows] of [
    ["Movie", EMA_MOVIE_SHEET_COLUMNS, lines.filter((l) => !isSeries(l.title))],
    ["TV", EMA_TV_SHEET_COLUMNS, lines.filter((l) => isSeries(l.title))],
  ] as const) {
    const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = columns.map((c) => ({ key: c, width: Math.max(12, c.length + 2) }));
    const header = sheet.addRow([...columns]);
    header.font = { bold: true };
    header.commit();
    for (const line of rows) {
      const cells = emaCells(line);
      // Empty cells stay absent, as in files Excel writes.
      sheet.addRow(columns.map((c) => cells[c] || null)).commit();
    }
    sheet.commit();
  }
  const mapping = workbook.addWorksheet("Mapping");
  mapping.columns = [{ width: 22 }, { width: 34 }, { width: 18 }, { width: 80 }];
  mappingRows().forEach((cells, i) => {
    const row = mapping.addRow(cells);
    if (i === 0 || cells[0] === "Notes") row.font = { bold: true };
    row.commit();
  });
  mapping.commit();
  await workbook.commit();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

// ---- reading -----------------------------------------------------------------------------------

export type EmaSheetName = "Movie" | "TV";
/** A data row: the sheet, the row number the spreadsheet shows, and its cells by column (trimmed). */
export type EmaSourceRow = { sheet: EmaSheetName; row: number; cells: EmaCells };
export type EmaRowError = FieldError & { row: number; column: string; sheet: EmaSheetName };

export const MAX_EMA_BYTES = 20 * 1024 * 1024;
export const MAX_EMA_ROWS = 100_000;

/** The header row (within the first rows: EMA templates may put a title or group row above it) and the data below. */
function rowsOf(sheet: EmaSheetName, table: Table): EmaSourceRow[] | null {
  const headerAt = table.slice(0, 10).findIndex((r) => {
    const keys = new Set(r.cells.map((c) => c.trim().toLowerCase()));
    return keys.has("territory") && (keys.has("licensetype") || keys.has("worktype") || keys.has("rightsbridgemedia"));
  });
  if (headerAt < 0) return null;
  const columns = table[headerAt]!.cells.map((c) => COLUMN_BY_KEY.get(c.trim().toLowerCase()));
  return table.slice(headerAt + 1).map(({ row, cells }) => {
    const record: EmaCells = {};
    columns.forEach((column, i) => {
      // The first of repeated columns wins; unknown columns (other EMA versions) are ignored.
      if (column && record[column] === undefined) record[column] = (cells[i] ?? "").trim().replace(/^'(?=[=+\-@\t\r])/, "");
    });
    return { sheet, row, cells: record };
  });
}

const MOVIE = /^movies?$/i;
const TV = /^(tv|television|episodes?|seasons?|series)$/i;
const sheetName = (name: string): EmaSheetName => (TV.test(name.trim()) ? "TV" : "Movie");

/**
 * Reads an EMA Avails CSV, or the Movie and TV sheets of an XLSX (sheets named otherwise, such as
 * our Mapping sheet, are skipped; a workbook without either name is read from its first sheet).
 */
export async function parseEmaSheet(bytes: Uint8Array): Promise<Result<{ format: "csv" | "xlsx"; rows: EmaSourceRow[] }>> {
  if (bytes.byteLength === 0) return fileError("FILE_EMPTY", "The file is empty.");
  if (bytes.byteLength > MAX_EMA_BYTES) return fileError("FILE_TOO_LARGE", `The file is larger than ${MAX_EMA_BYTES / 1024 / 1024} MB.`);
  // A workbook's Movie and TV sheets (or its first sheet when neither is named so); a CSV's one
  // table, with the delimiter that yields a header row.
  const file = await readTable(
    { bytes },
    {
      acceptsCsv: (table) => rowsOf("Movie", table) !== null,
      sheets: (names) => {
        const movie = names.find((n) => MOVIE.test(n.trim()));
        const tv = names.find((n) => TV.test(n.trim()));
        return movie || tv ? [movie, tv].filter((n) => n !== undefined) : names.slice(0, 1);
      },
    },
  );
  if ("ok" in file) return file;
  const sheets = file.sheets.map(({ name, table }) => ({ name: sheetName(name), table }));
  const rows: EmaSourceRow[] = [];
  let headers = 0;
  for (const { name, table } of sheets) {
    const read = rowsOf(name, table);
    if (read === null) {
      if (table.length > 0 || sheets.length === 1) {
        return fileError("INVALID_HEADER", `The ${name} sheet has no EMA Avails header row (with Territory and LicenseType columns).`);
      }
      continue;
    }
    headers++;
    rows.push(...read);
  }
  if (headers === 0) return fileError("INVALID_HEADER", "No Movie or TV sheet with an EMA Avails header row was found.");
  if (rows.length === 0) return fileError("FILE_EMPTY", "The sheet has a header row but no avails.");
  if (rows.length > MAX_EMA_ROWS)
    return fileError("TOO_MANY_ROWS", `The file has ${rows.length} rows; import at most ${MAX_EMA_ROWS} at once.`);
  return ok({ format: file.format, rows });
}

// ---- rows to grant inputs ----------------------------------------------------------------------

/** The licensor's titles the import may name (a series with its seasons and their episodes). */
export type EmaImportTitle = {
  id: string;
  kind: string;
  originalTitle: string;
  titleEn: string | null;
  eidr: string | null;
  episodeCount?: number | null;
  seasons?: readonly {
    id: string;
    number: number;
    eidr: string | null;
    episodes: readonly { id: string; number: number; eidr: string | null }[];
  }[];
};
export type EmaGrant = { input: GrantInput; rows: { sheet: EmaSheetName; row: number }[] };
/**
 * What the import did that the sheet did not say in so many words: Episode rows became grants
 * of their season (EPISODE_AS_SEASON), once per title and season, naming the rows.
 */
export type EmaImportNote = {
  code: ErrorCode;
  params: ErrorParams;
  message: string;
  titleId: string;
  season: number;
  rows: { sheet: EmaSheetName; row: number }[];
};
export type EmaImport = { grants: EmaGrant[]; notes: EmaImportNote[] };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function validDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** "2027-01-01", or an EMA timestamp at midnight ("2027-01-01T00:00:00Z"), as a calendar date. */
function dateOf(text: string): string | null {
  const date = text.replace(/T00:00(:00(\.0+)?)?(Z|[+-]00:?00)?$/i, "");
  return validDate(date) ? date : null;
}

const YES = new Set(["yes", "y", "true", "1", "exclusive"]);
const NO = new Set(["no", "n", "false", "0", "non-exclusive", "nonexclusive", ""]);

const split = (cell: string | undefined) =>
  (cell ?? "")
    .split(/[,;\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);

const titleKey = (s: string) => s.normalize("NFC").trim().toLowerCase();

type RowValue = {
  titleId: string;
  country: string;
  media: string;
  start: string;
  end: string;
  exclusive: boolean;
  languages: string[];
  /** The season a Season or Episode row names; null: every season (or not a series). */
  season: number | null;
  /** The episode an Episode row names (null when the row gives only its season). */
  episode: number | null;
  fromEpisode: boolean;
};

const POSITIVE_INT = /^[1-9]\d{0,4}$/;

/** Every problem of one row (none when it maps to a grant cell). */
function readRow(
  source: EmaSourceRow,
  titles: { byId: Map<string, EmaImportTitle>; byEidr: Map<string, EmaImportTitle>; byAlias: Map<string, EmaImportTitle[]> },
  options: { openEndDate?: string },
  errors: EmaRowError[],
): RowValue | null {
  const { cells, row, sheet } = source;
  const before = errors.length;
  const prefix = sheet === "TV" ? "sheets.TV.rows" : "rows";
  const err = (column: string, message: string, refusal?: { code: ErrorCode; params: ErrorParams }) =>
    errors.push({ path: `${prefix}.${row}.${column}`, message, row, column, sheet, ...refusal });

  const entry = (cells.EntryType ?? "").toLowerCase();
  if (entry === "delete" || entry === "full delete")
    err("EntryType", `“${cells.EntryType}” rows withdraw avails; they cannot become grants. Remove the row.`);
  const workType = (cells.WorkType ?? "").toLowerCase();
  // Season rows name a season; Episode rows an episode, licensed with its season. A row without
  // WorkType that gives a SeasonNumber is a Season row.
  const level: "title" | "season" | "episode" =
    workType === "episode" ? "episode" : workType === "season" || (!workType && cells.SeasonNumber) ? "season" : "title";

  // Title: an id column (our title id, or the title's EIDR), else the internal alias.
  const idColumns = (["AltID", "ContentID", "SeriesAltID", "SeriesContentID"] as const).filter((c) => cells[c]);
  let title: EmaImportTitle | undefined;
  let idRefused = false;
  for (const column of idColumns) {
    const value = cells[column]!;
    const found = UUID.test(value) ? titles.byId.get(value.toLowerCase()) : titles.byEidr.get(value.toUpperCase());
    if (!found) {
      // A Rightsbridge title id must be one of the licensor's titles; any other id (a retailer's
      // own product id) is left aside for the alias to resolve.
      if (UUID.test(value)) {
        err(column, `${column} “${value}” is not a title of the licensor.`);
        idRefused = true;
      }
      continue;
    }
    if (title && title.id !== found.id) {
      err(column, `${column} names a different title (“${found.originalTitle}”) than the other id columns (“${title.originalTitle}”).`);
    }
    title ??= found;
  }
  if (!title && !idRefused) {
    const aliasColumn = (["SeriesTitleInternalAlias", "TitleInternalAlias"] as const).find((c) => cells[c]);
    const alias = aliasColumn ? cells[aliasColumn]! : "";
    const matches = alias ? (titles.byAlias.get(titleKey(alias)) ?? []) : [];
    if (matches.length === 1) title = matches[0];
    else if (matches.length > 1) {
      err(aliasColumn!, `“${alias}” matches ${matches.length} titles of the licensor; give the title id in AltID.`);
    } else {
      const named = [...idColumns.map((c) => `${c} “${cells[c]}”`), ...(alias ? [`${aliasColumn} “${alias}”`] : [])];
      err(
        idColumns[0] ?? aliasColumn ?? "AltID",
        named.length > 0
          ? `No title of the licensor matches ${named.join(" or ")}. Use the Rightsbridge title id in AltID, or the original or English title in TitleInternalAlias.`
          : "Name the title: its Rightsbridge id in AltID, or its original or English title in TitleInternalAlias.",
      );
    }
  }

  // Territory: one country per row.
  const rawTerritory = cells.Territory ?? "";
  const country = normalizeTerritoryCode(rawTerritory);
  if (!rawTerritory) err("Territory", "Give the territory: an ISO 3166-1 alpha-2 country code.");
  else if (!isCountryCode(country)) {
    err(
      "Territory",
      unknownTerritoryCodes([country]).length === 0
        ? `“${rawTerritory}” is a region or group; EMA Avails takes one ISO 3166-1 alpha-2 country per row.`
        : `Unknown territory “${rawTerritory}”: use an ISO 3166-1 alpha-2 country code.`,
    );
  }
  const exclusion = split(cells.TerritoryExclusion).map(normalizeTerritoryCode);
  const unknownExcluded = unknownTerritoryCodes(exclusion);
  if (unknownExcluded.length > 0) err("TerritoryExclusion", `Unknown territory code(s): ${unknownExcluded.join(", ")}.`);
  else if (exclusion.length > 0 && isCountryCode(country) && expandTerritories(exclusion).has(country)) {
    err("TerritoryExclusion", `The row's territory ${country} is among its own exclusions.`);
  }

  // Media: our code first, else the LicenseType when it maps.
  const ours = (cells.RightsbridgeMedia ?? "").toUpperCase();
  const licenseType = cells.LicenseType ?? "";
  const mapped = MEDIA_OF_LICENSE_TYPE.get(licenseType.toLowerCase());
  let media: string | null = null;
  if (ours) {
    if (!isMediaRightCode(ours)) err("RightsbridgeMedia", `Unknown Rightsbridge media right “${cells.RightsbridgeMedia}”.`);
    else if (mapped && !expandMediaRights([ours]).has(mapped)) {
      err("LicenseType", `LicenseType ${licenseType} (= ${mapped}) contradicts RightsbridgeMedia ${ours}.`);
    } else media = ours;
  } else if (mapped) media = mapped;
  else if (!licenseType) err("LicenseType", "Give a LicenseType (EST, VOD or SVOD) or a RightsbridgeMedia code.");
  else {
    err(
      "LicenseType",
      `${UNMAPPABLE_LICENSE_TYPES.has(licenseType.toLowerCase()) ? `LicenseType “${licenseType}” names no Rightsbridge media right` : `Unknown LicenseType “${licenseType}”`}: only EST→EST, VOD→TVOD and SVOD→SVOD map. Add a RightsbridgeMedia column with our media code.`,
    );
  }

  // Window: inclusive calendar dates; an open end only with a date to close it.
  const startText = cells.Start ?? "";
  const start = dateOf(startText);
  if (!startText) err("Start", "Give the start date (YYYY-MM-DD).");
  else if (!start) err("Start", `“${startText}” is not a date as YYYY-MM-DD.`);
  const endText = cells.End ?? "";
  let end: string | null = null;
  if (!endText) err("End", "Give the end date (YYYY-MM-DD).");
  else if (endText.toLowerCase() === "open") {
    if (options.openEndDate) end = options.openEndDate;
    else
      err(
        "End",
        "End “Open” has no date: Rightsbridge windows always end. Put an end date in the sheet, or import with openEndDate=YYYY-MM-DD to close open windows on that date.",
      );
  } else {
    end = dateOf(endText);
    if (!end) err("End", `“${endText}” is not a date as YYYY-MM-DD (or Open).`);
  }
  if (start && end && end < start) err("End", `The window ends (${end}) before it starts (${start}).`);

  const exclusiveText = (cells.Exclusive ?? "").toLowerCase();
  if (!YES.has(exclusiveText) && !NO.has(exclusiveText)) err("Exclusive", `“${cells.Exclusive}” is not Yes or No.`);

  const languages: string[] = [];
  const badTags: string[] = [];
  for (const tag of split(cells.AllowedLanguages)) {
    const canonical = canonicalizeLanguageTag(tag);
    if (canonical) languages.push(canonical);
    else badTags.push(`“${tag}”`);
  }
  if (badTags.length > 0)
    err("AllowedLanguages", `${badTags.join(", ")}: not BCP 47 language tags (e.g. zh, ko, pt-BR), separated by commas.`);

  const part = title && level !== "title" ? seasonOf(source, title, level, err) : { season: null, episode: null };

  if (errors.length > before || !title || !media || !start || !end || !part) return null;
  return {
    titleId: title.id,
    country,
    media,
    start,
    end,
    exclusive: YES.has(exclusiveText),
    languages: [...new Set(languages)].sort(),
    season: part.season,
    episode: part.episode,
    fromEpisode: level === "episode",
  };
}

/**
 * The season a Season or Episode row names: by SeasonNumber, else by the season's EIDR or id
 * (SeasonContentID / SeasonAltID), else for an Episode row by the episode's EIDR or id. The
 * season must be one the series has; an episode number one its season has.
 */
function seasonOf(
  { cells }: EmaSourceRow,
  title: EmaImportTitle,
  level: "season" | "episode",
  err: (column: string, message: string, refusal?: { code: ErrorCode; params: ErrorParams }) => void,
): { season: number; episode: number | null } | null {
  if (!isSeries({ kind: title.kind, episodeCount: title.episodeCount ?? null })) {
    const refusal = seasonRefusal("NOT_A_SERIES");
    err("WorkType", `${cells.WorkType || "Season"} row for “${title.originalTitle}”: ${refusal.message}`, refusal);
    return null;
  }
  const seasons = title.seasons ?? [];
  const byRef = (value: string | undefined) => {
    if (!value) return undefined;
    const key = value.toLowerCase();
    return seasons.find((s) => s.id.toLowerCase() === key || s.eidr?.toLowerCase() === key);
  };
  const episodeRef = (value: string | undefined) => {
    if (!value) return undefined;
    const key = value.toLowerCase();
    for (const s of seasons) {
      const e = s.episodes.find((x) => x.id.toLowerCase() === key || x.eidr?.toLowerCase() === key);
      if (e) return { season: s, episode: e.number };
    }
    return undefined;
  };
  const numberText = cells.SeasonNumber ?? "";
  let number: number | null = null;
  if (numberText) {
    if (!POSITIVE_INT.test(numberText)) {
      err("SeasonNumber", `“${numberText}” is not a season number (1, 2, …).`);
      return null;
    }
    number = Number(numberText);
  }
  const byEpisode = level === "episode" ? (episodeRef(cells.EpisodeContentID) ?? episodeRef(cells.EpisodeAltID)) : undefined;
  number ??= (byRef(cells.SeasonContentID) ?? byRef(cells.SeasonAltID) ?? byEpisode?.season)?.number ?? null;
  if (number === null) {
    const refusal = { code: "EMA_SEASON_MISSING" as const, params: {} };
    err("SeasonNumber", `A ${level === "season" ? "Season" : "Episode"} row names its season: give SeasonNumber.`, refusal);
    return null;
  }
  const season = seasons.find((s) => s.number === number);
  if (!season) {
    const refusal = seasonRefusal("SEASON_UNKNOWN", { seasons: String(number) });
    err("SeasonNumber", `“${title.originalTitle}”: ${refusal.message}`, refusal);
    return null;
  }
  if (level === "season") return { season: number, episode: null };
  const episodeText = cells.EpisodeNumber ?? "";
  if (!episodeText) return { season: number, episode: byEpisode?.season.number === number ? byEpisode.episode : null };
  if (!POSITIVE_INT.test(episodeText)) {
    err("EpisodeNumber", `“${episodeText}” is not an episode number (1, 2, …).`);
    return null;
  }
  const episode = Number(episodeText);
  if (!season.episodes.some((e) => e.number === episode)) {
    const params = { season: number, episode };
    err("EpisodeNumber", `“${title.originalTitle}” season ${number} has no episode ${episode}; add the episode first.`, {
      code: "EPISODE_UNKNOWN",
      params,
    });
    return null;
  }
  return { season: number, episode };
}

/**
 * Maps rows to grant inputs: rows of one title, window, exclusivity and languages are gathered,
 * and media with the same set of countries become one grant with many territories; Season rows
 * with the same countries and media become one grant naming those seasons (Series rows stay
 * grants of every season). Any bad row fails the whole sheet, each problem named by row and
 * column. Episode rows become grants of their season, with a note saying so.
 */
export function emaRowsToGrants(
  rows: readonly EmaSourceRow[],
  titleList: readonly EmaImportTitle[],
  options: { openEndDate?: string } = {},
): Result<EmaImport> {
  const titles = {
    byId: new Map(titleList.map((t) => [t.id.toLowerCase(), t])),
    byEidr: new Map(titleList.filter((t) => t.eidr).map((t) => [t.eidr!.toUpperCase(), t])),
    byAlias: new Map<string, EmaImportTitle[]>(),
  };
  for (const t of titleList) {
    for (const key of new Set([t.originalTitle, t.titleEn].filter((s): s is string => !!s).map(titleKey))) {
      titles.byAlias.set(key, [...(titles.byAlias.get(key) ?? []), t]);
    }
  }
  type RowRef = { sheet: EmaSheetName; row: number };
  const errors: EmaRowError[] = [];
  /** Per title × window × exclusivity × languages: per scope (a season, or "all") per media, the countries and the rows. */
  type Bucket = { value: RowValue; cells: Map<string, Map<string, { countries: Set<string>; rows: RowRef[] }>> };
  const buckets = new Map<string, Bucket>();
  const episodeRows = new Map<string, { titleId: string; season: number; episodes: Set<number>; rows: RowRef[] }>();
  for (const source of rows) {
    const value = readRow(source, titles, options, errors);
    if (!value) continue;
    const ref = { sheet: source.sheet, row: source.row };
    const key = [value.titleId, value.start, value.end, value.exclusive, value.languages.join(",")].join("|");
    const bucket = buckets.get(key) ?? { value, cells: new Map() };
    const scope = value.season === null ? "all" : String(value.season);
    const byMedia = bucket.cells.get(scope) ?? new Map<string, { countries: Set<string>; rows: RowRef[] }>();
    const cell = byMedia.get(value.media) ?? { countries: new Set<string>(), rows: [] };
    cell.countries.add(value.country);
    cell.rows.push(ref);
    byMedia.set(value.media, cell);
    bucket.cells.set(scope, byMedia);
    buckets.set(key, bucket);
    if (value.fromEpisode && value.season !== null) {
      const noteKey = `${value.titleId}|${value.season}`;
      const note = episodeRows.get(noteKey) ?? { titleId: value.titleId, season: value.season, episodes: new Set<number>(), rows: [] };
      if (value.episode !== null) note.episodes.add(value.episode);
      note.rows.push(ref);
      episodeRows.set(noteKey, note);
    }
  }
  if (errors.length > 0) {
    return fail(
      "invalid",
      "INVALID_ROWS",
      `${new Set(errors.map((e) => `${e.sheet}:${e.row}`)).size} row(s) need attention; nothing was imported.`,
      {
        errors,
      },
    );
  }
  const byRow = (a: RowRef, b: RowRef) => a.sheet.localeCompare(b.sheet) || a.row - b.row;
  const mediaOrder = (a: string, b: string) =>
    (MEDIA_ORDER.get(a as MediaRightLeafCode) ?? -1) - (MEDIA_ORDER.get(b as MediaRightLeafCode) ?? -1);
  const grants: EmaGrant[] = [];
  for (const { value, cells } of buckets.values()) {
    // Media with the same countries form one group; seasons with the same group, one grant.
    const groups = new Map<string, { countries: string[]; media: string[]; seasons: number[]; every: boolean; rows: RowRef[] }>();
    for (const [scope, byMedia] of cells) {
      const byCountries = new Map<string, { countries: string[]; media: string[]; rows: RowRef[] }>();
      for (const [media, { countries: set, rows: refs }] of byMedia) {
        const countries = [...set].sort();
        const group = byCountries.get(countries.join(",")) ?? { countries, media: [], rows: [] };
        group.media.push(media);
        group.rows.push(...refs);
        byCountries.set(countries.join(","), group);
      }
      for (const group of byCountries.values()) {
        group.media.sort(mediaOrder);
        const key = [scope === "all" ? "all" : "seasons", group.countries.join(","), group.media.join(",")].join("|");
        const merged = groups.get(key) ?? { ...group, seasons: [], every: scope === "all", rows: [] };
        if (scope !== "all") merged.seasons.push(Number(scope));
        merged.rows.push(...group.rows);
        groups.set(key, merged);
      }
    }
    for (const group of groups.values()) {
      grants.push({
        input: {
          titleId: value.titleId,
          territories: group.countries,
          excludedTerritories: [],
          mediaRights: group.media,
          languages: value.languages,
          start: value.start,
          end: value.end,
          exclusive: value.exclusive,
          holdbacks: [],
          editsPermitted: false,
          seasons: group.every ? [] : group.seasons.sort((a, b) => a - b),
        },
        rows: group.rows.sort(byRow),
      });
    }
  }
  const notes: EmaImportNote[] = [...episodeRows.values()].map(({ titleId, season, episodes, rows: refs }) => {
    const list = [...episodes].sort((a, b) => a - b).join(", ");
    return {
      code: "EPISODE_AS_SEASON",
      params: { season, episodes: list || "?" },
      message: `Episodes are licensed with their season: the Episode rows (episodes ${list || "not numbered"}) became a grant of all of season ${season}.`,
      titleId,
      season,
      rows: refs.sort(byRow),
    };
  });
  return ok({ grants, notes });
}
