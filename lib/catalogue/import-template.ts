/**
 * The bulk-import contract: the file's columns and how each cell is written, the downloadable
 * template (CSV, or XLSX with an "Instructions" sheet), and the API's answers (zod schemas that
 * type lib/catalogue/import.ts and document the endpoints in ./openapi.ts). What a column allows is read from
 * createTitleSchema (through its JSON Schema) and the reference constants, so the template can
 * never drift from what the import accepts. Browser-safe (exceljs is loaded only to build the
 * template), so the upload page can use the limits and the answer types.
 */

import type ExcelJS from "exceljs";
import { z } from "zod";
import { errorCodeSchema, paramsSchema } from "@/lib/api/schemas";
import { XLSX_MIME } from "@/lib/files/sniff";
import { listGenres } from "@/lib/reference/genres";
import { createTitleSchema, TITLE_KINDS, VISIBILITIES } from "./schema";

export const IMPORT_COLUMNS = [
  "kind",
  "originalTitle",
  "titleEn",
  "titleZh",
  "originalLanguage",
  "genres",
  "year",
  "runtimeMinutes",
  "episodeCount",
  "eidr",
  "synopsis",
  "visibility",
  "awards",
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;

/** Where each column lands in the API body (createTitleSchema). */
export const COLUMN_FIELD: Record<ImportColumn, string> = {
  kind: "kind",
  originalTitle: "originalTitle",
  titleEn: "titles.en",
  titleZh: "titles.zh",
  originalLanguage: "originalLanguage",
  genres: "genres",
  year: "year",
  runtimeMinutes: "runtimeMinutes",
  episodeCount: "episodeCount",
  eidr: "eidr",
  synopsis: "synopsis",
  visibility: "visibility",
  awards: "awards",
};

const DESCRIPTIONS: Record<ImportColumn, string> = {
  kind: "What the title is.",
  originalTitle: "The title in its original language and script.",
  titleEn: "English title.",
  titleZh: "Simplified Chinese title.",
  originalLanguage: "Original language as a BCP 47 tag, e.g. zh, yue, ko, ja, pt-BR.",
  genres: "Genre codes (or their English or Chinese names), separated by | or ; — see the genre list below.",
  year: "Year of first release (or planned release).",
  runtimeMinutes: "Runtime in whole minutes.",
  episodeCount: "Number of episodes (series).",
  eidr: "EIDR content ID, 10.5240/XXXX-XXXX-XXXX-XXXX-XXXX-C; the check character is verified. Leave empty if the title has none.",
  synopsis: "Short synopsis.",
  visibility: "PRIVATE: only your studio sees it. LISTED: partners see it in the marketplace. Empty means PRIVATE.",
  awards:
    "Each award as festival|section|award|year (section may be left empty: festival||award|year, or festival|award|year); separate awards with ;",
};

/** Header cells are matched ignoring case, spaces, underscores and hyphens ("Original title" = originalTitle). */
export function headerKey(text: string): string {
  return text.toLowerCase().replace(/[\s_-]+/g, "");
}

export const COLUMN_BY_HEADER: ReadonlyMap<string, ImportColumn> = new Map(IMPORT_COLUMNS.map((c) => [headerKey(c), c]));

type JsonSchema = {
  type?: string;
  enum?: string[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  maxItems?: number;
  default?: unknown;
  required?: string[];
  properties?: Record<string, JsonSchema>;
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
};

export type ColumnRule = { column: ImportColumn; required: boolean; allowed: string; description: string };

/** Required-ness and limits of each column, read from createTitleSchema as the server validates it. */
export function columnRules(): ColumnRule[] {
  const root = z.toJSONSchema(createTitleSchema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  const defs = root.$defs ?? {};
  const deref = (s: JsonSchema | undefined): JsonSchema => (s?.$ref ? (defs[s.$ref.replace("#/$defs/", "")] ?? {}) : (s ?? {}));
  const title = deref(root);
  const award = deref(deref(title.properties?.awards).items);
  const field = (path: string): { schema: JsonSchema; required: boolean } => {
    const [head = "", sub] = path.split(".");
    const outer = deref(title.properties?.[head]);
    const schema = sub ? deref(outer.properties?.[sub]) : outer;
    // Nullable fields are anyOf [T, null]: describe T.
    return { schema: schema.anyOf?.find((s) => s.type !== "null") ?? schema, required: !sub && (title.required ?? []).includes(head) };
  };
  return IMPORT_COLUMNS.map((column) => {
    const { schema, required } = field(COLUMN_FIELD[column]);
    let allowed: string;
    if (column === "kind") allowed = TITLE_KINDS.join(", ");
    else if (column === "visibility") allowed = `${VISIBILITIES.join(", ")} (default ${String(schema.default ?? "PRIVATE")})`;
    else if (column === "genres")
      allowed = `Up to ${schema.maxItems} of: ${listGenres()
        .map((g) => g.code)
        .join(", ")}`;
    else if (column === "awards") {
      const year = deref(award.properties?.year);
      allowed = `Up to ${schema.maxItems}; festival and award required (at most ${deref(award.properties?.festival).maxLength} characters), year ${year.minimum}–${year.maximum}`;
    } else if (schema.type === "integer") allowed = `Whole number ${schema.minimum}–${schema.maximum}`;
    else if (column === "eidr") allowed = "10.5240/XXXX-XXXX-XXXX-XXXX-XXXX-C";
    else allowed = schema.maxLength ? `Text, at most ${schema.maxLength} characters` : "Text";
    return { column, required, allowed, description: DESCRIPTIONS[column] };
  });
}

/** The template's example row: an invented title (no EIDR, since an example must not claim a real one). */
export const EXAMPLE_ROW: Record<ImportColumn, string | number> = {
  kind: "SERIES",
  originalTitle: "云海仙踪",
  titleEn: "Trail Above the Clouds",
  titleZh: "云海仙踪",
  originalLanguage: "zh",
  genres: "XIANXIA|FANTASY|ROMANCE",
  year: 2025,
  runtimeMinutes: 45,
  episodeCount: 36,
  eidr: "",
  synopsis: "A disgraced sword cultivator climbs the nine cloud peaks to clear her master's name.",
  visibility: "PRIVATE",
  awards: "Example Television Festival|Drama Series|Best Visual Effects|2025",
};

export type TemplateFormat = "csv" | "xlsx";

export const TEMPLATE_FILE = {
  csv: { name: "rightsbridge-titles-template.csv", contentType: "text/csv; charset=utf-8" },
  xlsx: { name: "rightsbridge-titles-template.xlsx", contentType: XLSX_MIME },
} as const;

/** The downloadable template: header row and one example row; the XLSX adds an "Instructions" sheet. */
export async function buildImportTemplate(format: TemplateFormat): Promise<Uint8Array<ArrayBuffer>> {
  // Loaded on demand, so that forms may import this module's constants and schemas without exceljs.
  const { default: Excel } = await import("exceljs");
  const workbook = new Excel.Workbook();
  const sheet = workbook.addWorksheet("Titles", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = IMPORT_COLUMNS.map((column) => ({
    header: column,
    key: column,
    width: column === "synopsis" || column === "awards" ? 48 : Math.max(14, column.length + 4),
  }));
  sheet.addRow(EXAMPLE_ROW);
  if (format === "csv") {
    // A BOM, so that Excel opens the UTF-8 file with Chinese titles intact.
    const buffer = await workbook.csv.writeBuffer({ formatterOptions: { writeBOM: true, rowDelimiter: "\r\n" } });
    return new Uint8Array(buffer);
  }
  sheet.getRow(1).font = { bold: true };
  // Text format keeps Excel from turning EIDR IDs or codes into numbers or dates.
  for (const column of IMPORT_COLUMNS)
    if (column !== "year" && column !== "runtimeMinutes" && column !== "episodeCount") sheet.getColumn(column).numFmt = "@";
  addInstructions(workbook);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}

function addInstructions(workbook: ExcelJS.Workbook) {
  const sheet = workbook.addWorksheet("Instructions");
  sheet.columns = [
    { header: "Column", key: "column", width: 20 },
    { header: "Required", key: "required", width: 10 },
    { header: "Allowed values", key: "allowed", width: 60 },
    { header: "Description", key: "description", width: 80 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const rule of columnRules()) sheet.addRow({ ...rule, required: rule.required ? "yes" : "no" });
  const notes = [
    "Fill in the Titles sheet (the first sheet is the one imported); delete the example row first.",
    "Column headers are matched ignoring case, spaces and underscores; unknown columns are refused.",
    `At most ${MAX_IMPORT_ROWS.toLocaleString("en")} titles and ${MAX_IMPORT_BYTES / 1024 / 1024} MB per file. CSV files must be UTF-8 (comma or semicolon separated).`,
    "The import is all-or-nothing: if any row has a problem, nothing is imported and every problem is listed with its row and column.",
  ];
  sheet.addRow([]);
  for (const note of notes) sheet.addRow([note]);
  sheet.addRow([]);
  const genreHeader = sheet.addRow(["Genre code", "", "English", "中文"]);
  genreHeader.font = { bold: true };
  for (const genre of listGenres()) sheet.addRow([genre.code, "", genre.name.en, genre.name.zh]);
}

// ---- the API contract ---------------------------------------------------------------------------

export const titleImportQuerySchema = z.object({
  // A preview unless the caller says otherwise: writing is the step that must be asked for.
  dryRun: z
    .enum(["true", "false"], { error: "Use dryRun=true (preview) or dryRun=false (import)." })
    .default("true")
    .transform((v) => v === "true")
    .meta({ description: "true (default): validate and preview, write nothing. false: import, all or nothing." }),
});

export const templateQuerySchema = z.object({
  format: z.enum(["csv", "xlsx"], { error: "Use format=csv or format=xlsx." }).default("xlsx"),
});

export const importErrorSchema = z
  .object({
    path: z.string().meta({ description: "rows.<row>.<column>, or file for a problem with the file as a whole." }),
    row: z.int().optional().meta({ description: "Spreadsheet row number; the header is row 1." }),
    column: z
      .string()
      .optional()
      .meta({ description: "The column (kind, originalTitle, …); for a header problem, the header text as in the file." }),
    message: z.string().meta({ description: "What is wrong, in English." }),
    code: errorCodeSchema,
    params: paramsSchema,
  })
  .meta({ id: "TitleImportError" });

const rowErrorSchema = importErrorSchema.required({ row: true, column: true });

export const previewTitleSchema = z
  .object({
    kind: z.enum(TITLE_KINDS),
    originalTitle: z.string(),
    titles: z.object({ en: z.string().nullable(), zh: z.string().nullable() }),
    originalLanguage: z.string(),
    genres: z.array(z.string()),
    year: z.int(),
    runtimeMinutes: z.int().nullable(),
    episodeCount: z.int().nullable(),
    eidr: z.string().nullable(),
    synopsis: z.string().nullable(),
    visibility: z.enum(VISIBILITIES),
    awards: z.array(z.object({ festival: z.string(), section: z.string().nullable(), award: z.string(), year: z.int() })),
  })
  .meta({ id: "TitleImportPreviewTitle", description: "A row as it would be imported (same normalisation as POST /api/v1/titles)." });

export const previewRowSchema = z.object({
  row: z.int(),
  valid: z.boolean(),
  cells: z.record(z.enum(IMPORT_COLUMNS), z.string()).meta({ description: "The row's cells as read from the file (trimmed text)." }),
  title: previewTitleSchema.nullable().meta({ description: "The normalised title; null when the row has errors." }),
});

export const importPreviewSchema = z
  .object({
    rows: z.int().meta({ description: "Data rows read (blank rows are skipped)." }),
    valid: z.int(),
    errors: z.array(rowErrorSchema).meta({ description: "Every problem of every row, by row then column." }),
    preview: z.array(previewRowSchema).meta({ description: "The first 20 rows." }),
  })
  .meta({ id: "TitleImportPreview" });

export const importCommittedSchema = z
  .object({ created: z.int(), ids: z.array(z.uuid()).meta({ description: "Ids of the new titles, in file order." }) })
  .meta({ id: "TitleImportResult" });
