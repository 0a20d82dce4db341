"use client";

import { FileStack, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import type * as React from "react";
import { toast } from "sonner";
import { ConfirmDialog } from "@/components/common/confirm-dialog";
import { type Column, DataTable } from "@/components/common/data-table";
import { EmptyState } from "@/components/common/empty-state";
import { useActionError } from "@/components/forms/action-error";
import { callAction } from "@/components/forms/call-action";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/result";
import { useFormat } from "@/lib/i18n/use-format";
import type { NameMaps } from "./options";

export type GrantView = {
  id: string;
  title: { id: string; originalTitle: string; titles: { en: string | null; zh: string | null } };
  version: { id: string; name: string } | null;
  territories: string[];
  excludedTerritories: string[];
  mediaRights: string[];
  languages: string[];
  start: string;
  end: string;
  exclusive: boolean;
  holdbacks: unknown;
  editsPermitted: boolean;
  /** Seasons of a series (empty: every season). */
  seasons: number[];
};

type Holdback = { mediaRights: string[]; territories: string[]; until: string };
const holdbacksOf = (json: unknown): Holdback[] => (Array.isArray(json) ? (json as Holdback[]) : []);

/** The title as people of this language know it, with the original underneath when it differs. */
export function TitleName({ title }: { title: GrantView["title"] }) {
  const locale = useLocale();
  const local = (locale === "zh" ? title.titles.zh : title.titles.en) ?? title.originalTitle;
  return (
    <span className="flex flex-col">
      <span className="font-medium">{local}</span>
      {local !== title.originalTitle ? <span className="text-xs text-muted-foreground">{title.originalTitle}</span> : null}
    </span>
  );
}

export function GrantsTable({
  dealId,
  version,
  grants,
  names,
  languageNames,
  editable,
  deleteAction,
  toolbar,
}: {
  dealId: string;
  version: number;
  grants: GrantView[];
  names: NameMaps;
  languageNames: Record<string, string>;
  editable: boolean;
  deleteAction: (dealId: string, grantId: string, version: number) => Promise<ActionResult>;
  toolbar?: React.ReactNode;
}) {
  const t = useTranslations("deals.grants");
  const format = useFormat();
  const actionError = useActionError();
  const router = useRouter();
  const terr = (codes: string[]) => codes.map((c) => names.territories[c] ?? c).join(", ");
  const media = (codes: string[]) => codes.map((c) => names.media[c] ?? c).join(", ");

  async function remove(grantId: string) {
    const result = await callAction(() => deleteAction(dealId, grantId, version));
    if (!result.ok) {
      toast.error(result.reason === "STALE_UPDATE" ? t("stale") : actionError(result));
      router.refresh();
      return;
    }
    toast.success(t("deleted"));
    router.refresh();
  }

  const columns: Column<GrantView>[] = [
    {
      id: "title",
      header: t("columns.title"),
      className: "min-w-44",
      cell: (g) => (
        <span className="flex flex-col gap-1">
          <TitleName title={g.title} />
          {g.version ? <span className="text-xs text-muted-foreground">{t("version", { name: g.version.name })}</span> : null}
          {g.seasons.length > 0 ? (
            <span className="text-xs text-muted-foreground" data-testid="grant-seasons">
              {t("seasons", { list: g.seasons.join(", ") })}
            </span>
          ) : null}
        </span>
      ),
    },
    {
      id: "territories",
      header: t("columns.territories"),
      className: "min-w-44 max-w-72",
      cell: (g) => (
        <span className="flex flex-col gap-0.5">
          <span>{terr(g.territories)}</span>
          {g.excludedTerritories.length > 0 ? (
            <span className="text-xs text-muted-foreground">{t("except", { list: terr(g.excludedTerritories) })}</span>
          ) : null}
        </span>
      ),
    },
    { id: "media", header: t("columns.media"), className: "min-w-36 max-w-64", cell: (g) => media(g.mediaRights) },
    {
      id: "languages",
      header: t("columns.languages"),
      className: "max-w-48",
      cell: (g) =>
        g.languages.length > 0 ? (
          <span className="text-xs">{g.languages.map((l) => languageNames[l] ?? l).join(", ")}</span>
        ) : (
          <span className="text-muted-foreground">—</span>
        ),
    },
    {
      id: "window",
      header: t("columns.window"),
      nowrap: true,
      cell: (g) => <span className="tabular-nums">{t("window", { start: format.date(g.start), end: format.date(g.end) })}</span>,
    },
    {
      id: "exclusive",
      header: t("columns.exclusivity"),
      cell: (g) => <Badge variant={g.exclusive ? "brand" : "outline"}>{g.exclusive ? t("exclusive") : t("nonExclusive")}</Badge>,
    },
    {
      id: "holdbacks",
      header: t("columns.holdbacks"),
      className: "min-w-40 max-w-64",
      cell: (g) => {
        const hs = holdbacksOf(g.holdbacks);
        if (hs.length === 0) return <span className="text-muted-foreground">—</span>;
        return (
          <ul className="grid gap-1 text-xs">
            {hs.map((h) => (
              <li key={`${h.until}-${h.mediaRights.join()}-${h.territories.join()}`}>
                {t("holdback", { media: media(h.mediaRights), territories: terr(h.territories), until: format.date(h.until) })}
              </li>
            ))}
          </ul>
        );
      },
    },
    {
      id: "edits",
      header: t("columns.edits"),
      cell: (g) =>
        g.editsPermitted ? <Badge variant="success">{t("editsYes")}</Badge> : <span className="text-muted-foreground">{t("editsNo")}</span>,
    },
    ...(editable
      ? [
          {
            id: "actions",
            header: <span className="sr-only">{t("columns.actions")}</span>,
            align: "right" as const,
            cell: (g: GrantView) => (
              <ConfirmDialog
                trigger={
                  <Button variant="ghost" size="icon-sm" aria-label={t("delete", { title: g.title.originalTitle })}>
                    <Trash2 aria-hidden />
                  </Button>
                }
                title={t("deleteTitle")}
                description={t("deleteDescription", { title: g.title.originalTitle })}
                confirmLabel={t("deleteConfirm")}
                destructive
                onConfirm={() => remove(g.id)}
              />
            ),
          },
        ]
      : []),
  ];

  return (
    <section aria-labelledby="grants-heading" className="grid gap-3">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div className="grid gap-1">
          <h2 id="grants-heading" className="text-base font-semibold">
            {t("heading", { count: grants.length })}
          </h2>
          <p className="text-sm text-muted-foreground">{t("description")}</p>
        </div>
        {toolbar ? <div className="flex flex-wrap gap-2">{toolbar}</div> : null}
      </div>
      <DataTable
        label={t("label")}
        columns={columns}
        rows={grants}
        rowKey={(g) => g.id}
        empty={<EmptyState icon={FileStack} title={t("empty.title")} description={editable ? t("empty.editable") : t("empty.readOnly")} />}
      />
    </section>
  );
}
