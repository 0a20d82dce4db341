"use client";

import { createColumnHelper, rowSortingFeature, type SortingState, tableFeatures, type Updater, useTable } from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ArrowUpDown, Library } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import type * as React from "react";
import { useMemo } from "react";
import { EmptyState } from "@/components/common/empty-state";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Badge } from "@/components/ui/badge";
import { Link } from "@/components/ui/link";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { TitleKind } from "@/lib/catalogue/schema";
import { useFormat } from "@/lib/i18n/use-format";
import { getGenre } from "@/lib/reference/genres";
import { cn } from "@/lib/utils";
import { ListPending, useListNavigation } from "./list-navigation";
import { Poster } from "./poster";
import { displayTitle } from "./title-display";

/** One row of the studio's title list, as the page sends it (serialisable). */
export type TitleRow = {
  id: string;
  kind: TitleKind;
  originalTitle: string;
  titles: { en: string | null; zh: string | null };
  genres: string[];
  year: number;
  visibility: "PRIVATE" | "LISTED";
  archived: boolean;
  posterUrl: string | null;
  versionCount: number;
  updatedAt: string;
};

/** Sort keys of the list API that have a column here. */
const SORTABLE = { title: "title", year: "year", updated: "updated" } as const;
type SortKey = keyof typeof SORTABLE;
const isSortKey = (id: string): id is SortKey => Object.hasOwn(SORTABLE, id);

const features = tableFeatures({ rowSortingFeature });
const helper = createColumnHelper<typeof features, TitleRow>();

export type TitlesTableProps = {
  rows: TitleRow[];
  sort: string;
  order: "asc" | "desc";
  /** Shown when the studio has no titles at all (rather than none matching the filters). */
  emptyCatalogue: React.ReactNode;
  filtered: boolean;
};

/**
 * The studio's titles. The server sorts, filters and pages (keyset), so the table holds one page
 * and TanStack Table only renders it and turns header clicks into a new `sort`/`order` in the URL.
 */
export function TitlesTable({ rows, sort, order, emptyCatalogue, filtered }: TitlesTableProps) {
  const t = useTranslations("catalogue.list");
  const tKind = useTranslations("catalogue.kinds");
  const tVisibility = useTranslations("catalogue.visibility");
  const locale = useLocale();
  const f = useFormat();
  const nav = useListNavigation();
  const hydrated = useHydrated();

  const columns = useMemo(
    () =>
      helper.columns([
        helper.display({
          id: "poster",
          header: () => <span className="sr-only">{t("columns.poster")}</span>,
          cell: ({ row }) => (
            <Poster url={row.original.posterUrl} title={displayTitle(row.original, locale)} kind={row.original.kind} alt="" size="thumb" />
          ),
        }),
        helper.accessor("originalTitle", {
          id: "title",
          header: t("columns.title"),
          // The list sorts by the original title, so that is the line people scan; translations sit under it.
          cell: ({ row }) => {
            const title = row.original;
            const translations = [title.titles.en, title.titles.zh].filter(
              (name): name is string => !!name && name !== title.originalTitle,
            );
            return (
              <span className="flex min-w-0 flex-col">
                <span className="flex items-center gap-2">
                  <Link href={`/titles/${title.id}`} className="truncate font-medium text-foreground hover:text-primary hover:underline">
                    {title.originalTitle}
                  </Link>
                  {title.archived ? <Badge variant="muted">{t("archived")}</Badge> : null}
                </span>
                {translations.length > 0 ? (
                  <span className="truncate text-xs text-muted-foreground">{[...new Set(translations)].join(" · ")}</span>
                ) : null}
              </span>
            );
          },
        }),
        helper.accessor("kind", { header: t("columns.kind"), enableSorting: false, cell: ({ getValue }) => tKind(getValue()) }),
        helper.accessor("genres", {
          header: t("columns.genres"),
          enableSorting: false,
          cell: ({ getValue }) => {
            const names = getValue().map((code) => {
              const genre = getGenre(code);
              return genre ? (locale === "zh" ? genre.name.zh : genre.name.en) : code;
            });
            return <span className="line-clamp-2 text-muted-foreground">{names.join(", ")}</span>;
          },
        }),
        helper.accessor("year", {
          header: t("columns.year"),
          sortDescFirst: true,
          cell: ({ getValue }) => <span className="tabular-nums">{getValue()}</span>,
        }),
        helper.accessor("visibility", {
          header: t("columns.visibility"),
          enableSorting: false,
          cell: ({ getValue }) => <Badge variant={getValue() === "LISTED" ? "teal" : "muted"}>{tVisibility(getValue())}</Badge>,
        }),
        helper.accessor("versionCount", {
          header: t("columns.versions"),
          enableSorting: false,
          cell: ({ getValue }) => <span className="tabular-nums">{f.number(getValue())}</span>,
        }),
        helper.accessor("updatedAt", {
          id: "updated",
          header: t("columns.updated"),
          sortDescFirst: true,
          cell: ({ getValue }) => (
            // Relative time moves between the server render and hydration; the text may differ by seconds.
            <time
              dateTime={getValue()}
              title={f.dateTime(getValue())}
              className="whitespace-nowrap text-muted-foreground"
              suppressHydrationWarning
            >
              {f.relative(getValue())}
            </time>
          ),
        }),
      ]),
    [t, tKind, tVisibility, locale, f],
  );

  const sorting = useMemo<SortingState>(() => [{ id: isSortKey(sort) ? sort : "title", desc: order === "desc" }], [sort, order]);

  function onSortingChange(updater: Updater<SortingState>) {
    const next = typeof updater === "function" ? updater(sorting) : updater;
    const first = next[0];
    if (!first || !isSortKey(first.id)) return;
    nav.update({ sort: SORTABLE[first.id], order: first.desc ? "desc" : "asc" });
  }

  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (row) => row.id,
    state: { sorting },
    onSortingChange,
    manualSorting: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
  });

  if (rows.length === 0 && !filtered) return <>{emptyCatalogue}</>;

  return (
    <ListPending>
      <div className="min-w-0 overflow-hidden rounded-xl border bg-card shadow-xs">
        <Table aria-label={t("title")} data-testid="titles-table">
          <TableHeader>
            {table.getHeaderGroups().map((group) => (
              <TableRow key={group.id} className="hover:bg-transparent">
                {group.headers.map((header) => {
                  const column = header.column;
                  const sorted = column.getIsSorted();
                  const right = column.id === "versionCount";
                  return (
                    <TableHead
                      key={header.id}
                      scope="col"
                      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                      className={cn(right && "text-right", column.id === "poster" && "w-12")}
                    >
                      {column.getCanSort() ? (
                        <button
                          type="button"
                          onClick={column.getToggleSortingHandler()}
                          disabled={nav.pending || !hydrated}
                          className={cn(
                            "-mx-1 inline-flex items-center gap-1 rounded px-1 py-0.5 hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring/40 focus-visible:outline-none",
                            sorted && "text-foreground",
                          )}
                        >
                          <table.FlexRender header={header} />
                          {sorted === "asc" ? (
                            <ArrowUp className="size-3.5" aria-hidden />
                          ) : sorted === "desc" ? (
                            <ArrowDown className="size-3.5" aria-hidden />
                          ) : (
                            <ArrowUpDown className="size-3.5 opacity-40" aria-hidden />
                          )}
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </TableHead>
                  );
                })}
              </TableRow>
            ))}
          </TableHeader>
          <TableBody>
            {table.getRowModel().rows.map((row) => (
              <TableRow key={row.id} data-title-id={row.id} className={cn(row.original.archived && "text-muted-foreground")}>
                {row.getAllCells().map((cell) => (
                  <TableCell
                    key={cell.id}
                    className={cn(
                      cell.column.id === "versionCount" && "text-right",
                      cell.column.id === "title" && "max-w-80 min-w-56",
                      cell.column.id === "genres" && "max-w-56 min-w-36",
                      cell.column.id === "poster" && "py-1.5",
                    )}
                  >
                    <table.FlexRender cell={cell} />
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {rows.length === 0 ? (
          <EmptyState icon={Library} title={t("noResults.title")} description={t("noResults.description")} className="m-4 border-0" />
        ) : null}
      </div>
    </ListPending>
  );
}
