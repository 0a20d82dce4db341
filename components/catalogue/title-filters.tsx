"use client";

import { Loader2, Search, X } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { SimpleSelect } from "@/components/forms/select-field";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { TITLE_KINDS, VISIBILITIES } from "@/lib/catalogue/schema";
import { listGenres } from "@/lib/reference/genres";
import { cn } from "@/lib/utils";
import { useListNavigation } from "./list-navigation";

const ALL = "all";
const SEARCH_DELAY_MS = 300;

type Filter = "kind" | "genre" | "visibility" | "archived";

export type TitleFiltersProps = {
  filters: Filter[];
  /** Sort choices as a select (the marketplace grid has no column headers to click). */
  sorts?: { value: string; label: string }[];
  defaultSort?: string;
  searchPlaceholder: string;
  className?: string;
};

/** Search (debounced) and filter selects that write to the URL. */
export function TitleFilters({ filters, sorts, defaultSort, searchPlaceholder, className }: TitleFiltersProps) {
  const t = useTranslations("catalogue.filters");
  const tKind = useTranslations("catalogue.kinds");
  const tVisibility = useTranslations("catalogue.visibility");
  const locale = useLocale();
  const nav = useListNavigation();
  const hydrated = useHydrated();
  const searchId = useId();
  const { params } = nav;
  const active = (key: string) => params.get(key) ?? "";

  const genres = listGenres().map((g) => ({ value: g.code, label: locale === "zh" ? g.name.zh : g.name.en }));
  // Each filter's choices; the first is what an absent parameter means. "archived=false" is the
  // API's default, so "Active" is shown for it and kept out of the URL.
  const options: Record<Filter, { label: string; items: { value: string; label: string }[] }> = {
    kind: { label: t("kind"), items: [{ value: ALL, label: t("allKinds") }, ...TITLE_KINDS.map((k) => ({ value: k, label: tKind(k) }))] },
    genre: { label: t("genre"), items: [{ value: ALL, label: t("allGenres") }, ...genres] },
    visibility: {
      label: t("visibility"),
      items: [{ value: ALL, label: t("allVisibilities") }, ...VISIBILITIES.map((v) => ({ value: v, label: tVisibility(v) }))],
    },
    archived: {
      label: t("status"),
      items: [
        { value: "false", label: t("archived.false") },
        { value: "true", label: t("archived.true") },
        { value: ALL, label: t("archived.all") },
      ],
    },
  };
  const filtered = [...filters, "q"].some((key) => active(key) !== "");

  return (
    <search className={cn("flex flex-wrap items-end gap-3", className)}>
      <fieldset disabled={!hydrated} className="contents">
        <div className="grid min-w-56 flex-1 gap-1.5">
          <Label htmlFor={searchId} className="text-xs text-muted-foreground">
            {t("search")}
          </Label>
          <SearchBox
            id={searchId}
            value={active("q")}
            placeholder={searchPlaceholder}
            onSearch={(q) => nav.update({ q })}
            pending={nav.pending}
          />
        </div>
        {filters.map((filter) => {
          const { label, items } = options[filter];
          const absent = items[0]?.value ?? ALL;
          return (
            <FilterSelect
              key={filter}
              label={label}
              value={active(filter) || absent}
              options={items}
              onChange={(v) => nav.update({ [filter]: v === absent ? null : v })}
            />
          );
        })}
        {sorts && sorts.length > 0 ? (
          <FilterSelect
            label={t("sort")}
            value={active("sort") ? `${active("sort")}:${active("order") || "asc"}` : (defaultSort ?? sorts[0]?.value ?? "")}
            options={sorts}
            onChange={(v) => {
              const [sort, order] = v.split(":");
              nav.update({ sort, order });
            }}
          />
        ) : null}
        {filtered ? (
          <Button
            variant="ghost"
            size="sm"
            className="h-9"
            onClick={() => nav.update(Object.fromEntries(["q", ...filters].map((k) => [k, null])))}
            disabled={nav.pending}
          >
            <X aria-hidden />
            {t("clear")}
          </Button>
        ) : null}
      </fieldset>
    </search>
  );
}

function FilterSelect({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id} className="text-xs text-muted-foreground">
        {label}
      </Label>
      <SimpleSelect id={id} className="w-44" value={value} onValueChange={onChange} options={options} />
    </div>
  );
}

/**
 * A search box that sends its value after a pause in typing. It keeps what the user typed while
 * the URL catches up, and takes the URL's value when it changes from elsewhere (Clear filters).
 */
export function SearchBox({
  id,
  value,
  placeholder,
  onSearch,
  pending,
}: {
  id: string;
  value: string;
  placeholder: string;
  onSearch: (q: string) => void;
  pending: boolean;
}) {
  const t = useTranslations("catalogue.filters");
  const [text, setText] = useState(value);
  const sent = useRef(value);
  const search = useRef(onSearch);
  search.current = onSearch;

  useEffect(() => {
    if (value !== sent.current) {
      sent.current = value;
      setText(value);
    }
  }, [value]);

  useEffect(() => {
    const q = text.trim();
    if (q === sent.current.trim()) return;
    const timer = setTimeout(() => {
      sent.current = q;
      search.current(q);
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);

  return (
    <div className="relative">
      <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
      <Input
        id={id}
        type="search"
        value={text}
        maxLength={200}
        autoComplete="off"
        placeholder={placeholder}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            sent.current = text.trim();
            search.current(text.trim());
          }
        }}
        className="pr-9 pl-9"
      />
      {pending ? (
        <Loader2
          className="absolute top-1/2 right-3 size-4 -translate-y-1/2 animate-spin text-muted-foreground"
          aria-label={t("searching")}
        />
      ) : null}
    </div>
  );
}
