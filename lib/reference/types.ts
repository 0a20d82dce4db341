/** A display name in the two languages the product ships: English and Simplified Chinese (zh-Hans). */
export type LocalizedName = { readonly en: string; readonly zh: string };

/** A code with its display names: the shape of `GET /api/v1/genres` items and similar lists. */
export type NamedCode<C extends string = string> = { readonly code: C; readonly name: LocalizedName };
