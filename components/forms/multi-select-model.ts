/** The searching and grouping of `MultiSelect`, apart from its JSX so the order rules are unit-tested. */

export type MultiSelectOption = {
  value: string;
  label: string;
  /** Key of the heading the option is listed under (its label when no `groups` are given). */
  group?: string;
  /** Small text on the right, e.g. the code; the search matches it too. */
  hint?: string;
  /** Extra text the search matches (English name, aliases). */
  keywords?: string;
};

export const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();

/** The options in list order: by the order of `groups` when given (stable), else as given. */
export function listOrder(options: readonly MultiSelectOption[], groups?: readonly { key: string }[]): MultiSelectOption[] {
  if (!groups) return [...options];
  const place = new Map(groups.map((g, index) => [g.key, index]));
  const at = (o: MultiSelectOption) => place.get(o.group ?? "") ?? groups.length;
  return options
    .map((o, index) => ({ o, index }))
    .sort((a, b) => at(a.o) - at(b.o) || a.index - b.index)
    .map(({ o }) => o);
}

/**
 * The options matching `query`, best first: the exact code, then names that start with the query,
 * then codes that do, then the rest, each in list order. Enter takes the first row, so "TH" or
 * "es" adds Thailand or Spanish, not a name that merely contains the letters.
 */
export function searchOptions(options: readonly MultiSelectOption[], query: string): MultiSelectOption[] {
  const q = fold(query.trim());
  if (!q) return [...options];
  const rank = (o: MultiSelectOption) =>
    o.value.toLowerCase() === q ? 0 : fold(o.label).startsWith(q) ? 1 : fold(o.value).startsWith(q) ? 2 : 3;
  return options
    .filter((o) => o.value.toLowerCase() === q || fold(`${o.label} ${o.value} ${o.hint ?? ""} ${o.keywords ?? ""}`).includes(q))
    .map((o, index) => ({ o, index, r: rank(o) }))
    .sort((a, b) => a.r - b.r || a.index - b.index)
    .map(({ o }) => o);
}

/** Consecutive rows of one group, each run under its heading (a search may list a group twice). */
export function runsOf(rows: readonly MultiSelectOption[]): { group: string | undefined; rows: MultiSelectOption[] }[] {
  const runs: { group: string | undefined; rows: MultiSelectOption[] }[] = [];
  for (const row of rows) {
    const last = runs.at(-1);
    if (last && last.group === row.group) last.rows.push(row);
    else runs.push({ group: row.group, rows: [row] });
  }
  return runs;
}

/** Adds `value` when it is not chosen, removes it when it is. */
export function toggled(chosen: readonly string[], value: string): string[] {
  return chosen.includes(value) ? chosen.filter((v) => v !== value) : [...chosen, value];
}
