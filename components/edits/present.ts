import { displayTitle } from "@/components/catalogue/title-display";
import type { EditCategory } from "@/lib/catalogue/schema";
import type { EditRule } from "@/lib/edits/schema";
import type { PolicyElementView } from "./types";

/** A title row from the edit queries, named in the viewer's language. */
export function titleLabel(t: { originalTitle: string; titleEn: string | null; titleZh: string | null }, locale: string): string {
  return displayTitle({ originalTitle: t.originalTitle, titles: { en: t.titleEn, zh: t.titleZh } }, locale);
}

/** Policy elements from the queries (category and rule as plain strings) as the components' view. */
export function policyElements(
  elements: { category: string; rule: string; maxPct: string | null; note: string | null }[],
): PolicyElementView[] {
  return elements.map((e) => ({ category: e.category as EditCategory, rule: e.rule as EditRule, maxPct: e.maxPct, note: e.note }));
}
