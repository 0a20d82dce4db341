"use client";

import { useTranslations } from "next-intl";
import { type Column, DataTable } from "@/components/common/data-table";
import { Badge } from "@/components/ui/badge";
import { useFormat } from "@/lib/i18n/use-format";
import type { NameMaps } from "./options";

export type HeldScopeView = {
  territories: string[];
  excludedTerritories: string[];
  mediaRights: string[];
  start: string;
  end: string | null;
  exclusive: boolean;
};

/** The chain of title, read-only (partners, members without rights.manage). */
export function RightsHeldTable({ items, names }: { items: HeldScopeView[]; names: NameMaps }) {
  const t = useTranslations("deals.rightsHeld");
  const f = useFormat();
  const terr = (codes: string[]) => codes.map((c) => names.territories[c] ?? c).join(", ");
  const columns: Column<HeldScopeView & { key: string }>[] = [
    {
      id: "territories",
      header: t("territories"),
      cell: (h) => (
        <span className="flex flex-col gap-0.5">
          <span>{terr(h.territories)}</span>
          {h.excludedTerritories.length > 0 ? (
            <span className="text-xs text-muted-foreground">{t("except", { list: terr(h.excludedTerritories) })}</span>
          ) : null}
        </span>
      ),
    },
    { id: "media", header: t("media"), cell: (h) => h.mediaRights.map((m) => names.media[m] ?? m).join(", ") },
    {
      id: "window",
      header: t("window"),
      nowrap: true,
      cell: (h) =>
        h.end ? t("windowClosed", { start: f.date(h.start), end: f.date(h.end) }) : t("windowPerpetual", { start: f.date(h.start) }),
    },
    {
      id: "exclusive",
      header: t("exclusivity"),
      cell: (h) => <Badge variant={h.exclusive ? "brand" : "outline"}>{h.exclusive ? t("exclusive") : t("nonExclusive")}</Badge>,
    },
  ];
  return <DataTable label={t("title")} columns={columns} rows={items.map((h, i) => ({ ...h, key: String(i) }))} rowKey={(h) => h.key} />;
}
