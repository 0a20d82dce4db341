import "server-only";
import { canonicalizeLanguageTag } from "@/lib/reference/languages";
import type { FieldError } from "@/lib/result";
import { isCountryCode, normalizeTerritoryCode, unknownTerritoryCodes } from "@/lib/territories";

/**
 * Checks against reference data too large for the browser bundle (IANA language registry,
 * territories), done on the server after the zod schema, with errors on the field paths.
 */
export function checkLanguages(tags: readonly string[], path: string, errors: FieldError[]): string[] {
  const result = tags.map((tag, i) => {
    const canonical = canonicalizeLanguageTag(tag);
    if (!canonical)
      errors.push({
        path: tags.length === 1 && path.endsWith("Language") ? path : `${path}.${i}`,
        message: `“${tag}” is not a BCP 47 language tag (e.g. zh, ko, pt-BR).`,
        code: "LANGUAGE_UNKNOWN",
        params: { value: tag },
      });
    return canonical ?? tag;
  });
  return [...new Set(result)];
}

export function checkLanguage(tag: string, path: string, errors: FieldError[]): string {
  const canonical = canonicalizeLanguageTag(tag);
  if (!canonical)
    errors.push({
      path,
      message: `“${tag}” is not a BCP 47 language tag (e.g. zh, ko, pt-BR).`,
      code: "LANGUAGE_UNKNOWN",
      params: { value: tag },
    });
  return canonical ?? tag;
}

export function checkTerritories(codes: readonly string[], path: string, errors: FieldError[]): string[] {
  const normalized = codes.map(normalizeTerritoryCode);
  const unknown = new Set(unknownTerritoryCodes(normalized));
  normalized.forEach((code, i) => {
    if (unknown.has(code))
      errors.push({
        path: `${path}.${i}`,
        message: `Unknown territory “${codes[i]}”: use a country, M49 region or group code.`,
        code: "TERRITORY_UNKNOWN",
        params: { value: codes[i] ?? "" },
      });
  });
  return [...new Set(normalized)];
}

export function checkCountry(code: string, path: string, errors: FieldError[]): string {
  const normalized = code.trim().toUpperCase();
  if (!isCountryCode(normalized))
    errors.push({ path, message: `“${code}” is not an ISO 3166-1 country code.`, code: "COUNTRY_UNKNOWN", params: { value: code } });
  return normalized;
}
