import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { paginated } from "@/lib/api/pagination";
import { errorResponses, idParams, problemSchema } from "@/lib/api/schemas";
import { XLSX_MIME } from "@/lib/files/sniff";
import {
  importCommittedSchema,
  importErrorSchema,
  importPreviewSchema,
  templateQuerySchema,
  titleImportQuerySchema,
} from "./import-template";
import {
  awardSchema,
  createEpisodeSchema,
  createMarketTestSchema,
  createSeasonSchema,
  createTitleSchema,
  createVersionSchema,
  EDIT_CATEGORIES,
  seasonParams,
  TITLE_KINDS,
  titleListQuerySchema,
  updateTitleSchema,
  updateVersionSchema,
  VERSION_STATUSES,
  VISIBILITIES,
} from "./schema";

const localized = z.object({ en: z.string(), zh: z.string() });

export const marketTestSchema = z
  .object({
    id: z.uuid(),
    territory: z.string(),
    date: z.iso.date(),
    audienceSize: z.int(),
    score: z.int(),
    method: z.string(),
    notes: z.string().nullable(),
  })
  .meta({ id: "MarketTest" });

export const versionSchema = z
  .object({
    id: z.uuid(),
    titleId: z.uuid(),
    kind: z.enum(["ORIGINAL", "INTERNATIONAL"]),
    name: z.string(),
    derivedFromId: z.uuid().nullable(),
    territories: z.array(z.string()),
    audioLanguages: z.array(z.string()),
    subtitleLanguages: z.array(z.string()),
    runtimeMinutes: z.int().nullable(),
    status: z.enum(VERSION_STATUSES),
    eidrEdit: z.string().nullable(),
    changes: z.array(z.object({ id: z.uuid(), category: z.enum(EDIT_CATEGORIES), description: z.string() })),
    marketTests: z.array(marketTestSchema),
    lockVersion: z.int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "Version" });

export const titleSummarySchema = z
  .object({
    id: z.uuid(),
    studio: z.object({ id: z.uuid(), name: z.string() }),
    kind: z.enum(TITLE_KINDS),
    originalTitle: z.string(),
    titles: z.object({ en: z.string().nullable(), zh: z.string().nullable() }),
    originalLanguage: z.string(),
    genres: z.array(z.string()),
    year: z.int(),
    runtimeMinutes: z.int().nullable(),
    episodeCount: z.int().nullable(),
    eidr: z.string().nullable(),
    visibility: z.enum(VISIBILITIES),
    archived: z.boolean(),
    posterUrl: z.string().nullable(),
    versionCount: z.int(),
    lockVersion: z.int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "TitleSummary" });

export const titleSchema = titleSummarySchema
  .extend({ synopsis: z.string().nullable(), awards: z.array(awardSchema), versions: z.array(versionSchema) })
  .meta({ id: "Title" });

const jsonBody = (schema: z.ZodType) => ({ content: { "application/json": { schema } } });
const ok = (description: string, schema: z.ZodType) => ({ description, ...jsonBody(schema) });

export function registerCataloguePaths(r: OpenAPIRegistry) {
  r.registerPath({
    method: "get",
    path: "/api/v1/titles",
    tags: ["Catalogue"],
    summary: "A studio's own titles; for everyone else the marketplace of LISTED titles",
    request: { query: titleListQuerySchema },
    responses: {
      200: ok("A page of titles.", paginated(titleSummarySchema, "TitlePage").extend({ total: z.int() })),
      ...errorResponses(401, 422),
    },
  });
  r.registerPath({
    method: "post",
    path: "/api/v1/titles",
    tags: ["Catalogue"],
    summary: "Register a title (studios); its ORIGINAL version is created with it",
    request: { body: jsonBody(createTitleSchema) },
    responses: { 201: ok("Created.", titleSchema), ...errorResponses(400, 401, 403, 409, 415, 422) },
  });
  r.registerPath({
    method: "get",
    path: "/api/v1/titles/{id}",
    tags: ["Catalogue"],
    summary: "A title with awards, versions and market tests",
    request: { params: idParams },
    responses: { 200: ok("The title.", titleSchema), ...errorResponses(401, 404) },
  });
  r.registerPath({
    method: "patch",
    path: "/api/v1/titles/{id}",
    tags: ["Catalogue"],
    summary: "Edit, archive (archived: true) or restore a title; only its studio",
    request: { params: idParams, body: jsonBody(updateTitleSchema) },
    responses: { 200: ok("The updated title.", titleSchema), ...errorResponses(400, 401, 403, 404, 409, 415, 422) },
  });
  r.registerPath({
    method: "get",
    path: "/api/v1/titles/{id}/versions",
    tags: ["Catalogue"],
    summary: "Versions of a title",
    request: { params: idParams },
    responses: { 200: ok("Versions.", paginated(versionSchema, "VersionPage")), ...errorResponses(401, 404) },
  });
  r.registerPath({
    method: "post",
    path: "/api/v1/titles/{id}/versions",
    tags: ["Catalogue"],
    summary: "Add an INTERNATIONAL version derived from another version of the title",
    request: { params: idParams, body: jsonBody(createVersionSchema) },
    responses: { 201: ok("Created.", versionSchema), ...errorResponses(400, 401, 403, 404, 415, 422) },
  });
  r.registerPath({
    method: "get",
    path: "/api/v1/versions/{id}",
    tags: ["Catalogue"],
    summary: "A version",
    request: { params: idParams },
    responses: { 200: ok("The version.", versionSchema), ...errorResponses(401, 404) },
  });
  r.registerPath({
    method: "patch",
    path: "/api/v1/versions/{id}",
    tags: ["Catalogue"],
    summary: "Edit a version; only the title's studio",
    request: { params: idParams, body: jsonBody(updateVersionSchema) },
    responses: { 200: ok("The updated version.", versionSchema), ...errorResponses(400, 401, 403, 404, 409, 415, 422) },
  });
  r.registerPath({
    method: "get",
    path: "/api/v1/versions/{id}/market-tests",
    tags: ["Catalogue"],
    summary: "Market tests of a version",
    request: { params: idParams },
    responses: { 200: ok("Market tests.", paginated(marketTestSchema, "MarketTestPage")), ...errorResponses(401, 404) },
  });
  r.registerPath({
    method: "post",
    path: "/api/v1/versions/{id}/market-tests",
    tags: ["Catalogue"],
    summary: "Record an audience test of a version in a territory",
    request: { params: idParams, body: jsonBody(createMarketTestSchema) },
    responses: { 201: ok("Created.", marketTestSchema), ...errorResponses(400, 401, 403, 404, 415, 422) },
  });

  const named = (id: string) => z.object({ items: z.array(z.object({ code: z.string(), name: localized })) }).meta({ id });
  r.registerPath({
    method: "get",
    path: "/api/v1/genres",
    tags: ["Reference data"],
    summary: "The managed genre list",
    security: [],
    responses: { 200: ok("Genres.", named("GenreList")) },
  });
  r.registerPath({
    method: "get",
    path: "/api/v1/territories",
    tags: ["Reference data"],
    summary: "ISO 3166-1 countries, UN M49 regions and commercial groups, with members",
    security: [],
    request: { query: z.object({ type: z.enum(["COUNTRY", "REGION", "GROUP"]).optional() }) },
    responses: {
      200: ok(
        "Territories.",
        z
          .object({
            items: z.array(
              z.object({
                code: z.string(),
                type: z.enum(["COUNTRY", "REGION", "GROUP"]),
                name: localized,
                members: z.array(z.string()).optional(),
              }),
            ),
          })
          .meta({ id: "TerritoryList" }),
      ),
      ...errorResponses(422),
    },
  });
  // The taxonomy has two levels: parents, whose children are leaves (leaves have no children).
  const mediaLeaf = z.object({ code: z.string(), name: localized, children: z.array(z.object({})).max(0) });
  const mediaNode = z.object({ code: z.string(), name: localized, children: z.array(mediaLeaf) });
  r.registerPath({
    method: "get",
    path: "/api/v1/media-rights",
    tags: ["Reference data"],
    summary: "The media-rights taxonomy as a tree (parents with their leaves)",
    security: [],
    responses: { 200: ok("Media rights.", z.object({ items: z.array(mediaNode) }).meta({ id: "MediaRightTree" })) },
  });
  r.registerPath({
    method: "get",
    path: "/api/v1/currencies",
    tags: ["Reference data"],
    summary: "ISO 4217 currencies with their minor-unit exponent",
    security: [],
    responses: { 200: { description: "Currencies." } },
  });
  r.registerPath({
    method: "get",
    path: "/api/v1/languages",
    tags: ["Reference data"],
    summary: "Languages (ISO 639-1) with en and zh names; any BCP 47 tag is accepted where languages are asked for",
    security: [],
    responses: { 200: { description: "Languages." } },
  });
  registerTitleImportPaths(r);
  registerPosterPaths(r);
}

const posterUpload = {
  required: true,
  content: {
    "multipart/form-data": {
      schema: { type: "object" as const, properties: { file: { type: "string" as const, format: "binary" } }, required: ["file"] },
    },
  },
};
const fileProblems = errorResponses(413, 415);
const posterSaved = z
  .object({ posterUrl: z.string().meta({ description: "Where the new poster is served (versioned)." }), lockVersion: z.int() })
  .meta({ id: "PosterSaved" });

/** GET, PUT and POST /api/v1/titles/{id}/poster. */
function registerPosterPaths(r: OpenAPIRegistry) {
  r.registerPath({
    method: "get",
    path: "/api/v1/titles/{id}/poster",
    tags: ["Catalogue"],
    summary: "The title's poster image, for whoever may read the title",
    description:
      "Answers the image with its content type (image/jpeg, image/png or image/webp) and an ETag. The `posterUrl` of a title carries `?v=<lockVersion>`; that URL may be cached for a year.",
    request: { params: idParams },
    responses: {
      200: {
        description: "The image.",
        content: Object.fromEntries(
          ["image/jpeg", "image/png", "image/webp"].map((type) => [type, { schema: { type: "string", format: "binary" } }]),
        ),
      },
      304: { description: "Not modified (If-None-Match)." },
      ...errorResponses(401, 404),
    },
  });
  for (const method of ["put", "post"] as const)
    r.registerPath({
      method,
      path: "/api/v1/titles/{id}/poster",
      tags: ["Catalogue"],
      summary: "Upload or replace the title's poster (the owning studio only)",
      description:
        "multipart/form-data with the image in the field `file`: JPEG, PNG or WebP (checked by its first bytes, not its name), at most 5 MB. Bumps the title's lockVersion.",
      request: { params: idParams, body: posterUpload },
      responses: {
        200: ok("The poster was saved.", posterSaved),
        ...errorResponses(401, 403, 404, 422),
        413: { ...fileProblems[413], description: "The file is larger than 5 MB." },
        415: { ...fileProblems[415], description: "Not a JPEG, PNG or WebP image, or not multipart/form-data." },
      },
    });
}

// ---- bulk import (lib/catalogue/import-template.ts holds the contract) ---------------------------

const importProblemSchema = problemSchema
  .extend({
    errors: z.array(importErrorSchema).optional(),
    rows: z.int().optional(),
    valid: z.int().optional(),
    badRows: z.int().optional(),
  })
  .meta({ id: "TitleImportProblem" });

const problemOf = (description: string) => ({ description, content: { "application/problem+json": { schema: importProblemSchema } } });
const binary = { type: "string" as const, format: "binary" };

/** Registers POST /api/v1/titles/import and GET /api/v1/titles/import/template. */
export function registerTitleImportPaths(r: OpenAPIRegistry) {
  r.registerPath({
    method: "post",
    path: "/api/v1/titles/import",
    tags: ["Catalogue"],
    summary: "Import titles from a CSV or XLSX file: preview (dryRun=true, the default) or import all or nothing (dryRun=false)",
    description:
      "Send the file as multipart/form-data field `file`, or as the raw body (text/csv or the XLSX type). At most 10 MB and 20,000 rows. Each title gets its ORIGINAL version. Studios only (catalogue.write).",
    request: {
      query: titleImportQuerySchema,
      body: {
        required: true,
        content: {
          "multipart/form-data": { schema: { type: "object", properties: { file: binary }, required: ["file"] } },
          "text/csv": { schema: { type: "string" } },
          [XLSX_MIME]: { schema: binary },
        },
      },
    },
    responses: {
      200: { description: "Dry run: the report.", content: { "application/json": { schema: importPreviewSchema } } },
      201: { description: "Imported.", content: { "application/json": { schema: importCommittedSchema } } },
      ...errorResponses(401, 403, 409),
      413: problemOf("The file is larger than 10 MB (or inflates too far)."),
      415: problemOf("Not a CSV or XLSX file, or an unsupported request content type."),
      422: problemOf(
        "No file, an unreadable file or header, too many rows, or (dryRun=false) rows with errors: `errors` lists every one with row and column; nothing was written.",
      ),
    },
  });
  r.registerPath({
    method: "get",
    path: "/api/v1/titles/import/template",
    tags: ["Catalogue"],
    summary: "The import template: header row and an example row (XLSX adds an Instructions sheet)",
    request: { query: templateQuerySchema },
    responses: {
      200: {
        description: "The template, as an attachment.",
        content: { "text/csv": { schema: { type: "string" } }, [XLSX_MIME]: { schema: binary } },
      },
      ...errorResponses(401, 422),
    },
  });
}

// ---- Seasons and episodes (issue 15) ---------------------------------------------------------

const seasonTitlesOut = z.object({ en: z.string(), zh: z.string().nullable() });

export const seasonSchema = z
  .object({
    id: z.uuid(),
    titleId: z.uuid(),
    number: z.int(),
    titles: seasonTitlesOut,
    releaseDate: z.iso.date().nullable(),
    eidr: z.string().nullable(),
    episodeCount: z.int(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "Season" });

export const episodeSchema = z
  .object({
    id: z.uuid(),
    seasonId: z.uuid(),
    number: z.int(),
    titles: seasonTitlesOut,
    runtimeMinutes: z.int().nullable(),
    releaseDate: z.iso.date().nullable(),
    eidr: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "Episode" });

const episodeImportSchema = z
  .object({
    dryRun: z.boolean(),
    rows: z.int(),
    episodes: z.array(createEpisodeSchema),
  })
  .meta({ id: "EpisodeImport" });

/** Registers the seasons and episodes of a series (last in the document: added after the others). */
export function registerSeasonPaths(r: OpenAPIRegistry) {
  const writeRefusals = "422 NOT_A_SERIES for a title that is not a series; 409 SEASON_TAKEN / EPISODE_TAKEN for a number already used.";
  r.registerPath({
    method: "get",
    path: "/api/v1/titles/{id}/seasons",
    tags: ["Catalogue"],
    summary: "Seasons of a series, in number order (anyone who can read the title)",
    request: { params: idParams },
    responses: { 200: ok("Seasons.", paginated(seasonSchema, "SeasonPage")), ...errorResponses(401, 404) },
  });
  r.registerPath({
    method: "post",
    path: "/api/v1/titles/{id}/seasons",
    tags: ["Catalogue"],
    summary: "Add a season to a series; only the title's studio",
    description: writeRefusals,
    request: { params: idParams, body: jsonBody(createSeasonSchema) },
    responses: { 201: ok("Created.", seasonSchema), ...errorResponses(400, 401, 403, 404, 409, 415, 422) },
  });
  r.registerPath({
    method: "get",
    path: "/api/v1/titles/{id}/seasons/{sid}/episodes",
    tags: ["Catalogue"],
    summary: "Episodes of a season, in number order",
    request: { params: seasonParams },
    responses: { 200: ok("Episodes.", paginated(episodeSchema, "EpisodePage")), ...errorResponses(401, 404) },
  });
  r.registerPath({
    method: "post",
    path: "/api/v1/titles/{id}/seasons/{sid}/episodes",
    tags: ["Catalogue"],
    summary: "Add an episode to a season; only the title's studio",
    description: writeRefusals,
    request: { params: seasonParams, body: jsonBody(createEpisodeSchema) },
    responses: { 201: ok("Created.", episodeSchema), ...errorResponses(400, 401, 403, 404, 409, 415, 422) },
  });
  r.registerPath({
    method: "post",
    path: "/api/v1/titles/{id}/seasons/{sid}/episodes/import",
    tags: ["Catalogue"],
    summary: "Import a season's episodes from a CSV or XLSX file, all or nothing (dryRun=true checks only)",
    description:
      "Columns: number, titleEn (required), titleZh, runtimeMinutes, releaseDate (YYYY-MM-DD), eidr. Send multipart/form-data field `file` (plus `dryRun`), or the raw body with `dryRun` in the query. At most 5 MB and 5,000 rows. Errors name the row and column (`rows.<row>.<column>`).",
    request: {
      params: seasonParams,
      query: z.object({ dryRun: z.enum(["true", "false"]).optional() }),
      body: {
        required: true,
        content: {
          "multipart/form-data": {
            schema: { type: "object", properties: { file: binary, dryRun: { type: "string" } }, required: ["file"] },
          },
          "text/csv": { schema: { type: "string" } },
          [XLSX_MIME]: { schema: binary },
        },
      },
    },
    responses: {
      200: ok("Dry run: the episodes that would be added.", episodeImportSchema),
      201: ok("Imported.", episodeImportSchema),
      ...errorResponses(401, 403, 404, 409, 413, 415, 422),
    },
  });
}
