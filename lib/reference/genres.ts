/**
 * The managed genre list of PRODUCT.md §2. It is the product's own list (no external standard
 * covers xianxia or "sandbox shooter"), so it is a typed constant; titles store these codes.
 * The ten genres named in the spec come first, then general ones for films, series, formats and
 * games. Add codes at the end; never rename or remove one that titles may store.
 * (ANIMATION and MUSIC are title kinds in §2, not genres.)
 */
import { UnknownReferenceCodeError } from "./errors";
import type { LocalizedName, NamedCode } from "./types";

const GENRES = {
  // Named in PRODUCT.md §2
  XIANXIA: { en: "Xianxia", zh: "仙侠" },
  WUXIA: { en: "Wuxia", zh: "武侠" },
  CRIME: { en: "Crime", zh: "犯罪" },
  ACTION_ADVENTURE: { en: "Action-adventure", zh: "动作冒险" },
  FANTASY: { en: "Fantasy", zh: "奇幻" },
  ROMANCE: { en: "Romance", zh: "爱情" },
  SCI_FI: { en: "Science fiction", zh: "科幻" },
  COMEDY: { en: "Comedy", zh: "喜剧" },
  MOBILE_ACTION_RPG: { en: "Mobile action RPG", zh: "移动端动作角色扮演" },
  SANDBOX_SHOOTER: { en: "Sandbox shooter", zh: "沙盒射击" },
  // General
  DRAMA: { en: "Drama", zh: "剧情" },
  THRILLER: { en: "Thriller", zh: "惊悚" },
  MYSTERY: { en: "Mystery", zh: "悬疑" },
  HORROR: { en: "Horror", zh: "恐怖" },
  HISTORICAL: { en: "Historical / period", zh: "历史古装" },
  WAR: { en: "War", zh: "战争" },
  FAMILY: { en: "Family", zh: "家庭" },
  DOCUMENTARY: { en: "Documentary", zh: "纪录片" },
  MUSICAL: { en: "Musical", zh: "歌舞" },
  SPORTS: { en: "Sports", zh: "体育" },
  REALITY: { en: "Reality / variety", zh: "真人秀综艺" },
  STRATEGY: { en: "Strategy", zh: "策略" },
  PUZZLE: { en: "Puzzle", zh: "益智" },
} as const satisfies Record<string, LocalizedName>;

export type GenreCode = keyof typeof GENRES;

const ITEMS: readonly NamedCode<GenreCode>[] = Object.freeze(
  (Object.entries(GENRES) as [GenreCode, LocalizedName][]).map(([code, name]) => Object.freeze({ code, name })),
);

export const GENRE_CODES: readonly GenreCode[] = Object.freeze(ITEMS.map((g) => g.code));

/** `GET /api/v1/genres` → `{items: listGenres()}`. */
export function listGenres(): readonly NamedCode<GenreCode>[] {
  return ITEMS;
}

export function isGenreCode(code: string): code is GenreCode {
  return Object.hasOwn(GENRES, code);
}

export function getGenre(code: string): NamedCode<GenreCode> | undefined {
  return isGenreCode(code) ? ITEMS.find((g) => g.code === code) : undefined;
}

/** Throws `UnknownReferenceCodeError` (kind "genre") listing every unknown code. */
export function assertGenreCodes(codes: readonly string[]): asserts codes is readonly GenreCode[] {
  const unknown = codes.filter((c) => !isGenreCode(c));
  if (unknown.length > 0) throw new UnknownReferenceCodeError("genre", unknown);
}
