import type { FieldRules } from "@/components/forms/field-errors";
import { checkEidr } from "@/lib/catalogue/eidr";

/**
 * How the catalogue forms name their field errors in `catalogue.validation`. Zod's messages are
 * English (the schemas are shared with the API), so a field shows its rule from the messages
 * instead; server errors are recognised by field (and, for the EIDR, by what went wrong) and
 * translated the same way.
 */
export const CATALOGUE_RULES = {
  kind: "kind",
  originalTitle: "originalTitle",
  "titles.en": "titleEn",
  "titles.zh": "titleZh",
  originalLanguage: "language",
  genres: "genres",
  year: "year",
  runtimeMinutes: "runtime",
  episodeCount: "episodes",
  synopsis: "synopsis",
  visibility: "visibility",
  "awards.festival": "awardFestival",
  "awards.section": "awardSection",
  "awards.award": "awardName",
  "awards.year": "awardYear",
  name: "versionName",
  derivedFromId: "derivedFrom",
  territories: "territories",
  audioLanguages: "language",
  subtitleLanguages: "language",
  status: "status",
  "changes.category": "changeCategory",
  "changes.description": "changeDescription",
  territory: "territory",
  date: "date",
  audienceSize: "audienceSize",
  score: "score",
  method: "method",
  notes: "notes",
} as const;
type RuleKey = (typeof CATALOGUE_RULES)[keyof typeof CATALOGUE_RULES];

/** Lists of plain values (genres, territories, languages) carry their errors on the list itself. */
const LIST_FIELDS = new Set(["genres", "territories", "audioLanguages", "subtitleLanguages"]);

/** "awards.2.year" → "awards.year"; "genres.3" → "genres". */
const ruleOf = (path: string): RuleKey | undefined => {
  const key = path
    .split(".")
    .filter((part) => !/^\d+$/.test(part))
    .join(".");
  return (CATALOGUE_RULES as Record<string, RuleKey>)[key];
};

/** Where the form shows a server error for `path`. */
export function formPath(path: string): string {
  const head = path.split(".")[0] ?? path;
  return LIST_FIELDS.has(head) ? head : path;
}

const isEidr = (field: string) => field === "eidr" || field === "eidrEdit";

/** What is wrong with a typed EIDR: its check character, or its form. */
function eidrRule(value: unknown): "eidrCheck" | "eidrFormat" {
  const check = checkEidr(typeof value === "string" ? value : "");
  return !check.ok && check.problem === "CHECK_CHARACTER" ? "eidrCheck" : "eidrFormat";
}

export const catalogueFieldRules = {
  ruleOf,
  refine: (path, _error, value) => (isEidr(path) ? eidrRule(value) : undefined),
  fallback: "generic",
  serverRule: (path, message, value) => {
    const field = path.split(".").pop() ?? path;
    if (isEidr(field)) {
      if (/already/i.test(message)) return "eidrTaken";
      return /check character/i.test(message) ? "eidrCheck" : eidrRule(value);
    }
    if (field === "date" && /future/i.test(message)) return "dateFuture";
    return ruleOf(path);
  },
} satisfies FieldRules;

/** The season and episode forms' fields (their English title is required, unlike a title's). */
const SEASON_RULES: Record<string, string> = {
  number: "number",
  "titles.en": "seasonTitleEn",
  "titles.zh": "titleZh",
  runtimeMinutes: "episodeRuntime",
  releaseDate: "releaseDate",
  eidr: "eidrFormat",
};

export const seasonFieldRules = {
  ruleOf: (path: string) => SEASON_RULES[path],
  refine: (path, _error, value) => (isEidr(path) ? eidrRule(value) : undefined),
  fallback: "generic",
} satisfies FieldRules;
