import type { ErrorCode, ErrorParams } from "@/lib/api/error-codes";

/**
 * Series, pure: which titles have seasons and episodes, and the words of their refusals. A SERIES
 * always; an ANIMATION title when it is an animated series, which the catalogue records as an
 * episode count (an animated film has a runtime and no episode count).
 */
export function isSeries(title: { kind: string; episodeCount: number | null }): boolean {
  return title.kind === "SERIES" || (title.kind === "ANIMATION" && title.episodeCount !== null);
}

const MESSAGES = {
  NOT_A_SERIES: () => "Only series (and animated series, which have an episode count) have seasons and episodes.",
  SEASON_UNKNOWN: (p: ErrorParams) => `The series has no season ${p.seasons}; add the season first.`,
  SEASON_TAKEN: (p: ErrorParams) => `This series already has a season ${p.number}.`,
  EPISODE_TAKEN: (p: ErrorParams) => `This season already has an episode ${p.number}.`,
} satisfies Partial<Record<ErrorCode, (p: ErrorParams) => string>>;

/** A field problem with its code and params (the UI says it in the reader's language). */
export function seasonRefusal(
  code: keyof typeof MESSAGES,
  params: ErrorParams = {},
): { message: string; code: ErrorCode; params: ErrorParams } {
  return { message: MESSAGES[code](params), code, params };
}
