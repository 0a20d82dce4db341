import { type TitleListQuery, titleListQuerySchema } from "@/lib/catalogue/schema";

type Search = Record<string, string | string[] | undefined>;

/**
 * The list query of a page URL, one parameter at a time: a hand-edited or stale parameter (an
 * unknown genre, a cursor from another sort) is dropped instead of failing the whole page.
 */
export function listQueryFrom(search: Search, defaults: Partial<Record<keyof TitleListQuery, string>> = {}): TitleListQuery {
  const shape = titleListQuerySchema.shape;
  const raw: Record<string, string> = {};
  for (const key of Object.keys(shape) as (keyof typeof shape)[]) {
    const value = search[key];
    const text = typeof value === "string" && value !== "" ? value : defaults[key];
    if (text !== undefined && shape[key].safeParse(text).success) raw[key] = text;
  }
  return titleListQuerySchema.parse(raw);
}

/** Page sizes the list offers (the API allows up to 200). */
export const PAGE_SIZES = [25, 50, 100];
