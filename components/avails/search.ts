/** The avails question as it travels in the page URL, and as the API's query string. */

export type AvailsFilterValues = {
  /** "all", "studio:<id>" or a title id. */
  scope: string;
  territories: string[];
  mediaRights: string[];
  start: string;
  end: string;
  exclusive: boolean;
  /** One season of a series title (only with a title scope); absent = the whole series. */
  season?: number;
};

export function availsSearch(v: AvailsFilterValues): string {
  const qs = new URLSearchParams({ scope: v.scope });
  if (v.territories.length > 0) qs.set("territories", v.territories.join(","));
  if (v.mediaRights.length > 0) qs.set("mediaRights", v.mediaRights.join(","));
  qs.set("start", v.start);
  qs.set("end", v.end);
  qs.set("exclusive", String(v.exclusive));
  if (v.season !== undefined) qs.set("season", String(v.season));
  return qs.toString();
}

/** The same question for /api/v1/avails and /api/v1/avails/export (scope becomes titleId or studioId). */
export function availsApiSearch(v: AvailsFilterValues): string {
  const qs = new URLSearchParams(availsSearch(v));
  qs.delete("scope");
  if (v.scope.startsWith("studio:")) qs.set("studioId", v.scope.slice("studio:".length));
  else if (v.scope !== "all") qs.set("titleId", v.scope);
  return qs.toString();
}
