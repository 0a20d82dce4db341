/**
 * Reference data other than territories (see lib/territories): media rights, genres, currencies
 * and languages. Pure and synchronous. media-rights and genres are small typed constants and safe
 * to import anywhere; currencies and languages carry package data (ISO 4217 list, IANA registry
 * indices): import those from server code, not from client components.
 */

export {
  assertCurrencyCodes,
  CURRENCY_DATA_DATE,
  type Currency,
  getCurrency,
  isCurrencyCode,
  listCurrencies,
  minorUnits,
} from "./currencies";
export { isUnknownReferenceCodeError, type ReferenceKind, UnknownReferenceCodeError } from "./errors";
export { assertGenreCodes, GENRE_CODES, type GenreCode, getGenre, isGenreCode, listGenres } from "./genres";
export {
  canonicalizeLanguageTag,
  canonicalizeLanguageTags,
  isValidLanguageTag,
  LANGUAGE_REGISTRY_DATE,
  languageName,
  listLanguages,
  SUGGESTED_LANGUAGE_TAGS,
} from "./languages";
export {
  expandMediaRights,
  getMediaRight,
  isLeafMediaRight,
  isMediaRightCode,
  listMediaRights,
  MEDIA_RIGHT_LEAVES,
  MEDIA_RIGHT_PARENTS,
  type MediaRightCode,
  type MediaRightLeafCode,
  type MediaRightNode,
  type MediaRightParentCode,
  mediaRightParent,
  unknownMediaRightCodes,
} from "./media-rights";
export type { LocalizedName, NamedCode } from "./types";
