import "server-only";
import { isLocale, toIntlLocale } from "@/lib/i18n/config";
import { listMediaRights } from "@/lib/reference/media-rights";
import { COUNTRY_M49_REGIONS, territoryName } from "@/lib/territories";
import { type AvailItem, type AvailsMatrix, layoutStatuses, type MatrixGroup, type MatrixRow, type MatrixTitle } from "./matrix";

/** Continents in the order the heat-map lists them (the product's markets first); then the rest. */
const CONTINENTS = ["142", "150", "019", "002", "009"];

/**
 * Rows grouped by UN M49 sub-region (South-eastern Asia, Western Europe, …) under their continent,
 * countries by name in the UI language; columns are leaf media under their parent, in taxonomy order.
 */
export function buildAvailsMatrix(items: AvailItem[], titles: MatrixTitle[], locale: string, deals: Map<string, string>): AvailsMatrix {
  const lang = isLocale(locale) ? locale : "en";
  const collator = new Intl.Collator(toIntlLocale(lang));
  const name = (code: string) => territoryName(code)?.[lang] ?? code;

  const countries = [...new Set(items.map((i) => i.territory))];
  const placed = countries.map((code) => {
    // Innermost first, e.g. TH → 035, 142, 001; the continent sits just under 001 World.
    const chain = [...(COUNTRY_M49_REGIONS.get(code) ?? [])].reverse();
    const continent = chain[1] ?? "";
    const group = chain[2] ?? chain[1] ?? "";
    const rank = CONTINENTS.indexOf(continent);
    return { code, name: name(code), group, groupName: group ? name(group) : "", rank: rank === -1 ? CONTINENTS.length : rank };
  });
  placed.sort((a, b) => a.rank - b.rank || collator.compare(a.groupName, b.groupName) || collator.compare(a.name, b.name));
  const rows: MatrixRow[] = placed.map((p) => ({ code: p.code, name: p.name, group: p.group }));
  const groups: MatrixGroup[] = [];
  for (const p of placed) if (!groups.some((g) => g.key === p.group)) groups.push({ key: p.group, name: p.groupName });

  const asked = new Set(items.map((i) => i.mediaRight));
  const media = listMediaRights()
    .map((p) => {
      const leaves = p.children.length > 0 ? p.children : [p];
      return {
        code: p.code,
        name: p.name[lang],
        leaves: leaves.filter((l) => asked.has(l.code)).map((l) => ({ code: l.code, name: l.name[lang] })),
      };
    })
    .filter((p) => p.leaves.length > 0);

  const leafCodes = media.flatMap((p) => p.leaves.map((l) => l.code));
  const { statuses, blockers } = layoutStatuses(
    items,
    titles.map((t) => t.id),
    rows.map((r) => r.code),
    leafCodes,
  );
  return { titles, rows, groups, media, statuses, blockers, deals: Object.fromEntries(deals) };
}
