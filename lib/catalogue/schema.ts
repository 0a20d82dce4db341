import { z } from "zod";
import { GENRE_CODES, isGenreCode } from "@/lib/reference/genres";
import { checkEidr } from "./eidr";

export const TITLE_KINDS = ["FILM", "SERIES", "ANIMATION", "GAME", "FORMAT", "MUSIC", "PUBLISHING"] as const;
export const VISIBILITIES = ["PRIVATE", "LISTED"] as const;
export const VERSION_STATUSES = ["PLANNED", "IN_PRODUCTION", "DELIVERED", "WITHDRAWN"] as const;
export const EDIT_CATEGORIES = [
  "ENDING",
  "PLOT_STRUCTURE",
  "CHARACTER_ARC",
  "COMEDIC_TIMING",
  "CULTURAL_REFERENCE",
  "DIALOGUE",
  "MUSIC",
  "TITLE",
  "RUNTIME",
  "PACING",
  "DUBBING",
  "SUBTITLES",
  "RATING_CUTS",
  "CREDITS",
  "ARTWORK",
] as const;
export type TitleKind = (typeof TITLE_KINDS)[number];
export type EditCategory = (typeof EDIT_CATEGORIES)[number];

const EIDR_MESSAGES = {
  FORMAT: "Use the EIDR form 10.5240/XXXX-XXXX-XXXX-XXXX-XXXX-C.",
  CHECK_CHARACTER: "This EIDR ID's check character does not match; check for a typo.",
} as const;

/** An EIDR ID, upper-cased, with its ISO 7064 check character verified. Empty string = none. */
export const eidrSchema = z
  .string()
  .max(40)
  .transform((value, ctx) => {
    if (value.trim() === "") return undefined;
    const check = checkEidr(value);
    if (check.ok) return check.value;
    ctx.addIssue({ code: "custom", message: EIDR_MESSAGES[check.problem] });
    return z.NEVER;
  })
  .meta({ description: "EIDR ID, e.g. 10.5240/7EC7-228A-510A-053E-CBB8-J", example: "10.5240/7EC7-228A-510A-053E-CBB8-J" });

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Use at most ${max} characters.` });
const requiredText = (max: number, message: string) => text(max).min(1, { error: message });
const optionalText = (max: number) =>
  text(max)
    .optional()
    .transform((v) => (v === "" ? undefined : v));

const thisYear = new Date().getUTCFullYear();

export const awardSchema = z
  .object({
    festival: requiredText(200, "Name the festival or award body."),
    section: optionalText(200),
    award: requiredText(200, "Name the award."),
    year: z
      .int({ error: "Enter a year." })
      .min(1888)
      .max(thisYear + 1),
  })
  .meta({ id: "Award" });

export const genreCodesSchema = z
  .array(z.string().refine(isGenreCode, { error: `Unknown genre. Use one of: ${GENRE_CODES.join(", ")}.` }))
  .max(10, { error: "Choose at most 10 genres." })
  .refine((codes) => new Set(codes).size === codes.length, { error: "Each genre once." });

const titleFields = {
  kind: z.enum(TITLE_KINDS, { error: `Choose a kind: ${TITLE_KINDS.join(", ")}.` }),
  originalTitle: requiredText(300, "Enter the original title."),
  titles: z
    .object({ en: optionalText(300), zh: optionalText(300) })
    .default({ en: undefined, zh: undefined })
    .meta({ description: "Localized titles: English and Simplified Chinese." }),
  /** Checked against the IANA registry on the server (lib/reference/languages). */
  originalLanguage: requiredText(35, "Enter the original language (BCP 47, e.g. zh, ko, pt-BR)."),
  genres: genreCodesSchema.default([]),
  year: z
    .int({ error: "Enter the year as a whole number." })
    .min(1888, { error: "Too early." })
    .max(thisYear + 5, { error: "Too far ahead." }),
  runtimeMinutes: z.int().min(1).max(20_000).nullish(),
  episodeCount: z.int().min(1).max(100_000).nullish(),
  eidr: eidrSchema.nullish(),
  synopsis: optionalText(10_000).nullish(),
  visibility: z.enum(VISIBILITIES).default("PRIVATE"),
  awards: z.array(awardSchema).max(100).default([]),
};

export const createTitleSchema = z.object(titleFields).meta({ id: "TitleInput" });
export type CreateTitleInput = z.input<typeof createTitleSchema>;
export type CreateTitleData = z.output<typeof createTitleSchema>;

/** In a PATCH, an empty string clears the field (like null); absent leaves it alone. */
const clearable = (max: number) =>
  text(max)
    .nullish()
    .transform((v) => (v === "" ? null : v));

export const updateTitleSchema = z
  .object({
    kind: titleFields.kind.optional(),
    originalTitle: titleFields.originalTitle.optional(),
    titles: z.object({ en: clearable(300), zh: clearable(300) }).optional(),
    originalLanguage: titleFields.originalLanguage.optional(),
    genres: genreCodesSchema.optional(),
    year: titleFields.year.optional(),
    runtimeMinutes: titleFields.runtimeMinutes,
    episodeCount: titleFields.episodeCount,
    eidr: z.preprocess((v) => (v === "" ? null : v), eidrSchema.nullish()),
    synopsis: clearable(10_000),
    visibility: z.enum(VISIBILITIES).optional(),
    awards: z.array(awardSchema).max(100).optional(),
    archived: z.boolean().optional().meta({ description: "true archives the title (hidden from lists by default); false restores it." }),
    lockVersion: z.int().min(1).optional().meta({
      description: "The lockVersion you last read; if someone changed the title since, the update is refused with 409.",
    }),
  })
  .meta({ id: "TitlePatch" });
export type UpdateTitleInput = z.input<typeof updateTitleSchema>;
export type UpdateTitleData = z.output<typeof updateTitleSchema>;

export const TITLE_SORTS = ["title", "year", "updated", "created"] as const;

export const titleListQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  kind: z.enum(TITLE_KINDS).optional(),
  genre: z.string().refine(isGenreCode, { error: "Unknown genre." }).optional(),
  visibility: z.enum(VISIBILITIES).optional(),
  archived: z.enum(["true", "false", "all"]).default("false"),
  sort: z.enum(TITLE_SORTS).default("title"),
  order: z.enum(["asc", "desc"]).default("asc"),
  locale: z.enum(["en", "zh"]).optional().meta({
    description:
      "The language `sort=title` orders by: en = the English title (else the original), case-insensitively A–Z; zh = the Chinese title (else the original) by pinyin. Default: the UI language of a session, else Accept-Language.",
  }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  // Title-sorted cursors carry the original title (up to 300 characters, 3 bytes each in UTF-8,
  // more when JSON-escaped), base64url-encoded: 500 characters refused the API's own cursors.
  cursor: z.string().max(4096).optional(),
});
export type TitleListQuery = z.output<typeof titleListQuerySchema>;

// ---- versions and market tests ----------------------------------------------------------------

export const versionChangeSchema = z
  .object({
    category: z.enum(EDIT_CATEGORIES, { error: "Choose the edit-policy element this change touches." }),
    description: requiredText(2000, "Describe the change."),
  })
  .meta({ id: "VersionChange" });

const versionFields = {
  kind: z.literal("INTERNATIONAL", { error: "Only INTERNATIONAL versions can be added; every title has its ORIGINAL." }),
  name: requiredText(200, "Name the version, e.g. “Thai theatrical cut”."),
  derivedFromId: z.uuid({ error: "Choose the version this one is derived from." }),
  /** Country, M49 region or group codes; checked on the server (lib/territories). */
  territories: z.array(z.string().trim().min(1).max(20)).min(1, { error: "Choose at least one territory." }).max(300),
  audioLanguages: z.array(z.string().trim().min(1).max(35)).max(50).default([]),
  subtitleLanguages: z.array(z.string().trim().min(1).max(35)).max(50).default([]),
  runtimeMinutes: z.int().min(1).max(20_000).nullish(),
  status: z.enum(VERSION_STATUSES).default("PLANNED"),
  eidrEdit: eidrSchema.nullish(),
  changes: z.array(versionChangeSchema).max(200).default([]),
};

export const createVersionSchema = z.object(versionFields).meta({ id: "VersionInput" });
export type CreateVersionInput = z.input<typeof createVersionSchema>;
export type CreateVersionData = z.output<typeof createVersionSchema>;

export const updateVersionSchema = z
  .object({
    name: versionFields.name.optional(),
    territories: versionFields.territories.optional(),
    audioLanguages: z.array(z.string().trim().min(1).max(35)).max(50).optional(),
    subtitleLanguages: z.array(z.string().trim().min(1).max(35)).max(50).optional(),
    runtimeMinutes: versionFields.runtimeMinutes,
    status: z.enum(VERSION_STATUSES).optional(),
    eidrEdit: versionFields.eidrEdit,
    changes: z.array(versionChangeSchema).max(200).optional(),
    lockVersion: z.int().min(1).optional(),
  })
  .meta({ id: "VersionPatch" });
export type UpdateVersionData = z.output<typeof updateVersionSchema>;

const isoDate = z.iso.date({ error: "Use a date as YYYY-MM-DD." });

export const createMarketTestSchema = z
  .object({
    territory: z
      .string()
      .trim()
      .length(2, { error: "Use a country code (ISO 3166-1 alpha-2)." })
      .transform((c) => c.toUpperCase()),
    date: isoDate,
    audienceSize: z.int({ error: "Enter the audience size as a whole number." }).min(1).max(1_000_000_000),
    score: z.int({ error: "Enter a score from 0 to 100." }).min(0, { error: "Scores run from 0 to 100." }).max(100, {
      error: "Scores run from 0 to 100.",
    }),
    method: requiredText(100, "Say how the audience was tested (screening, survey, panel…)."),
    notes: optionalText(4000).nullish(),
  })
  .meta({ id: "MarketTestInput" });
export type CreateMarketTestData = z.output<typeof createMarketTestSchema>;

export const MARKET_TEST_METHODS = ["SCREENING", "SURVEY", "ONLINE_PANEL", "FOCUS_GROUP", "STREAMING_PILOT", "A_B_TEST"] as const;

// ---- Seasons and episodes of a series ------------------------------------------------------

/** A calendar date; an empty string (a blank date input) is none. */
const optionalDate = z.preprocess((v) => (v === "" ? undefined : v), z.iso.date({ error: "Use a date as YYYY-MM-DD." }).nullish());
const seasonTitles = z
  .object({ en: requiredText(300, "Enter the English title."), zh: optionalText(300).nullish() })
  .meta({ description: "Titles: English (required) and Simplified Chinese." });

export const createSeasonSchema = z
  .object({
    number: z
      .int({ error: "Use a season number: a whole number from 1." })
      .min(1, { error: "Use a season number: a whole number from 1." })
      .max(1000, { error: "Use season numbers up to 1000." }),
    titles: seasonTitles,
    releaseDate: optionalDate,
    eidr: eidrSchema.nullish(),
  })
  .meta({ id: "SeasonInput" });
export type CreateSeasonInput = z.input<typeof createSeasonSchema>;
export type CreateSeasonData = z.output<typeof createSeasonSchema>;

export const createEpisodeSchema = z
  .object({
    number: z
      .int({ error: "Use an episode number: a whole number from 1." })
      .min(1, { error: "Use an episode number: a whole number from 1." })
      .max(100_000, { error: "Use episode numbers up to 100000." }),
    titles: seasonTitles,
    runtimeMinutes: z
      .int({ error: "Use whole minutes from 1 to 2000." })
      .min(1, { error: "Use whole minutes from 1 to 2000." })
      .max(2000, { error: "Use whole minutes from 1 to 2000." })
      .nullish(),
    releaseDate: optionalDate,
    eidr: eidrSchema.nullish(),
  })
  .meta({ id: "EpisodeInput" });
export type CreateEpisodeInput = z.input<typeof createEpisodeSchema>;
export type CreateEpisodeData = z.output<typeof createEpisodeSchema>;

export const seasonParams = z.object({ id: z.uuid(), sid: z.uuid() });
