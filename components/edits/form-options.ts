import "server-only";
import type { DealChoice, TitleChoice } from "@/components/edits/request-form";
import type { Actor } from "@/lib/auth/actor";
import { dealsForEdits, requestableTitles } from "@/lib/edits/queries";
import { listTerritories } from "@/lib/territories";
import { titleLabel } from "./present";

/** What the request form offers, named in the viewer's language (built on the server). */
export async function requestFormOptions(actor: Actor, locale: string, originalLabel: string) {
  const [titles, deals] = await Promise.all([requestableTitles(actor), dealsForEdits(actor)]);
  const titleChoices: TitleChoice[] = titles.map((x) => ({
    id: x.id,
    name: titleLabel(x, locale),
    studio: x.studio.name,
    versions: x.versions.map((v) => ({
      id: v.id,
      name: v.kind === "ORIGINAL" && v.name === "Original" ? originalLabel : v.name,
      original: v.kind === "ORIGINAL",
    })),
  }));
  const dealChoices: DealChoice[] = deals.map((d) => {
    const titleIds = [...new Set(d.grants.map((g) => g.titleId))];
    return { id: d.id, name: d.name, titleIds, editsPermittedTitleIds: titleIds };
  });
  const territories = listTerritories().map((item) => ({ code: item.code, type: item.type, name: { en: item.name.en, zh: item.name.zh } }));
  return { titles: titleChoices, deals: dealChoices, territories };
}
