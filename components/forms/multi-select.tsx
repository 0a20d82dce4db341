"use client";

import { Check, ChevronsUpDown, Plus, X } from "lucide-react";
import { useTranslations } from "next-intl";
import type * as React from "react";
import { Fragment, useId, useMemo, useRef, useState } from "react";
import { Popover, PopoverAnchor, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { cn } from "@/lib/utils";
import { ComboboxButton, ListSearch } from "./combobox";
import { listOrder, type MultiSelectOption, runsOf, searchOptions, toggled } from "./multi-select-model";

export type { MultiSelectOption } from "./multi-select-model";

export type MultiSelectProps = Omit<React.ComponentProps<"button">, "value" | "onChange" | "onBlur"> & {
  options: MultiSelectOption[];
  value: string[];
  onValueChange: (value: string[]) => void;
  onBlur?: () => void;
  placeholder?: string;
  searchPlaceholder?: string;
  /**
   * How the chosen values show: as removable chips beside an "Add" button (`chips`), or as names
   * on the button itself, the first `maxShown` then "+N more", with "Clear" beside the search
   * (`summary`, for long lists such as territories).
   */
  display?: "chips" | "summary";
  maxShown?: number;
  /** Headings in display order; options name theirs by key. Without it, an option's group is its heading. */
  groups?: { key: string; label: string }[];
  /**
   * Accepts values that are not in the list (e.g. any BCP 47 tag): returns the value to add for
   * the typed text, or null when the text cannot be one.
   */
  parseCustom?: (text: string) => string | null;
  /** Label of a chosen value that is not among the options. */
  labelOf?: (value: string) => string;
};

const ROW = "flex cursor-default items-center gap-2 rounded-md px-2 py-1.5 text-sm select-none data-[active]:bg-muted";

/**
 * The one multi-select: a searchable, grouped listbox of checkable options behind a combobox
 * button. The button takes the label props (FormField wires id and aria-* to it), so `getByLabel`
 * finds it; options are `role="option"` with `aria-selected`; each chip has its own "Remove …".
 */
export function MultiSelect({
  options,
  value,
  onValueChange,
  onBlur,
  placeholder,
  searchPlaceholder,
  display = "chips",
  maxShown = 4,
  groups,
  parseCustom,
  labelOf,
  className,
  disabled,
  ...triggerProps
}: MultiSelectProps) {
  const t = useTranslations("common.multiSelect");
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [activeIndex, setActiveIndex] = useState(0);
  const baseId = useId();
  const listId = `${baseId}-list`;
  const searchRef = useRef<HTMLInputElement>(null);
  const ordered = useMemo(() => listOrder(options, groups), [options, groups]);
  const byValue = useMemo(() => new Map(options.map((o) => [o.value, o])), [options]);
  const headings = useMemo(() => new Map(groups?.map((g) => [g.key, g.label])), [groups]);
  const filtered = useMemo(() => searchOptions(ordered, query), [ordered, query]);
  const chosen = new Set(value);

  const custom = parseCustom && query.trim() ? parseCustom(query.trim()) : null;
  const offerCustom = custom !== null && !byValue.has(custom) && !chosen.has(custom);
  // What the keyboard moves through, in the order shown: the "add custom" row first, then the options.
  const rows: { value: string; custom?: boolean }[] = [...(offerCustom && custom ? [{ value: custom, custom: true }] : []), ...filtered];
  const active = rows[Math.min(activeIndex, rows.length - 1)];
  const optionId = (v: string) => `${baseId}-o-${v.replace(/[^\w-]/g, "_")}`;
  const label = (v: string) => byValue.get(v)?.label ?? labelOf?.(v) ?? v;
  const toggle = (v: string) => onValueChange(toggled(value, v));

  function setOpenState(next: boolean) {
    setOpen(next);
    setQuery("");
    setActiveIndex(0);
    if (!next) onBlur?.();
  }

  function moveTo(index: number) {
    const next = Math.max(0, Math.min(index, rows.length - 1));
    setActiveIndex(next);
    const row = rows[next];
    if (row) document.getElementById(optionId(row.value))?.scrollIntoView({ block: "nearest" });
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown") moveTo(activeIndex + 1);
    else if (event.key === "ArrowUp") moveTo(activeIndex - 1);
    else if (event.key === "Home") moveTo(0);
    else if (event.key === "End") moveTo(rows.length - 1);
    else if (event.key === "Enter" && active) {
      toggle(active.value);
      if (active.custom) setQuery("");
    } else if (event.key === "Backspace" && display === "chips" && query === "" && value.length > 0) onValueChange(value.slice(0, -1));
    else return;
    event.preventDefault();
  }

  const trigger =
    display === "chips" ? (
      <PopoverAnchor asChild>
        <div
          data-slot="multi-select"
          className={cn(
            "flex min-h-9 w-full flex-wrap rounded-md border border-input bg-background shadow-xs transition-[color,box-shadow,border-color] items-center gap-1 px-1.5 py-1 has-[button[aria-invalid=true]]:border-destructive has-[button[data-trigger]:focus-visible]:border-ring has-[button[data-trigger]:focus-visible]:ring-3 has-[button[data-trigger]:focus-visible]:ring-ring/20",
            disabled && "opacity-50",
            className,
          )}
        >
          {value.map((v) => (
            <span
              key={v}
              className="inline-flex max-w-full items-center gap-1 rounded-md bg-secondary py-0.5 pr-0.5 pl-2 text-xs font-medium text-secondary-foreground"
            >
              <span className="truncate">{label(v)}</span>
              <button
                type="button"
                disabled={disabled}
                onClick={() => toggle(v)}
                aria-label={t("remove", { label: label(v) })}
                className="rounded p-0.5 text-muted-foreground hover:bg-background hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring/40 focus-visible:outline-none"
              >
                <X className="size-3" aria-hidden />
              </button>
            </span>
          ))}
          <PopoverTrigger asChild>
            <button
              type="button"
              data-trigger=""
              role="combobox"
              aria-expanded={open}
              aria-haspopup="listbox"
              aria-controls={open ? listId : undefined}
              disabled={disabled}
              className="inline-flex h-7 min-w-24 flex-1 items-center gap-1.5 rounded px-1.5 text-left text-sm text-muted-foreground outline-none"
              {...triggerProps}
            >
              <Plus className="size-3.5 shrink-0" aria-hidden />
              <span className="truncate">{value.length === 0 ? (placeholder ?? t("choose")) : t("add")}</span>
            </button>
          </PopoverTrigger>
        </div>
      </PopoverAnchor>
    ) : (
      <PopoverTrigger asChild>
        <ComboboxButton open={open} listId={listId} disabled={disabled} className={cn("min-h-9 py-1.5", className)} {...triggerProps}>
          {value.length === 0 ? (
            <span className="flex-1 truncate text-muted-foreground/70">{placeholder ?? t("choose")}</span>
          ) : (
            <span className="flex min-w-0 flex-1 flex-wrap gap-1">
              {value.slice(0, maxShown).map((v) => (
                <span key={v} className="max-w-48 truncate rounded bg-muted px-1.5 py-0.5 text-xs font-medium">
                  {label(v)}
                </span>
              ))}
              {value.length > maxShown ? (
                <span className="rounded px-1 py-0.5 text-xs text-muted-foreground">{t("more", { count: value.length - maxShown })}</span>
              ) : null}
            </span>
          )}
          <ChevronsUpDown className="size-4 shrink-0 text-muted-foreground" aria-hidden />
        </ComboboxButton>
      </PopoverTrigger>
    );

  const option = (o: MultiSelectOption) => {
    const isChosen = chosen.has(o.value);
    const rowIndex = rows.indexOf(o);
    return (
      <div
        key={o.value}
        id={optionId(o.value)}
        role="option"
        aria-selected={isChosen}
        tabIndex={-1}
        data-active={active === o ? "" : undefined}
        onMouseMove={() => setActiveIndex(rowIndex)}
        onClick={() => toggle(o.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter" || event.key === " ") {
            event.preventDefault();
            toggle(o.value);
          }
        }}
        className={ROW}
      >
        {display === "chips" ? (
          <Check className={cn("size-4 shrink-0 text-primary", !isChosen && "invisible")} aria-hidden />
        ) : (
          <span
            className={cn(
              "flex size-4 shrink-0 items-center justify-center rounded border border-input",
              isChosen && "border-primary bg-primary text-primary-foreground",
            )}
            aria-hidden
          >
            {isChosen ? <Check className="size-3" /> : null}
          </span>
        )}
        <span className="flex-1 truncate">{o.label}</span>
        {o.hint ? (
          <span className="shrink-0 font-mono text-[11px] text-muted-foreground" aria-hidden>
            {o.hint}
          </span>
        ) : null}
      </div>
    );
  };

  return (
    <Popover open={open} onOpenChange={setOpenState}>
      {trigger}
      <PopoverContent
        className="w-(--radix-popover-trigger-width) min-w-72 p-0"
        onOpenAutoFocus={(e) => {
          e.preventDefault();
          searchRef.current?.focus();
        }}
      >
        <ListSearch
          ref={searchRef}
          label={searchPlaceholder ?? t("search")}
          listId={listId}
          activeId={active ? optionId(active.value) : undefined}
          query={query}
          onQueryChange={(next) => {
            setQuery(next);
            setActiveIndex(0);
          }}
          onKeyDown={onKeyDown}
        >
          {display === "summary" && value.length > 0 ? (
            <button
              type="button"
              onClick={() => onValueChange([])}
              className="shrink-0 rounded px-1.5 py-0.5 text-xs text-muted-foreground hover:bg-muted hover:text-foreground"
            >
              {t("clear")}
            </button>
          ) : null}
        </ListSearch>
        <div
          id={listId}
          role="listbox"
          aria-multiselectable="true"
          aria-label={placeholder ?? t("choose")}
          className="max-h-72 overflow-y-auto p-1"
        >
          {offerCustom && custom ? (
            <div
              id={optionId(custom)}
              role="option"
              aria-selected={false}
              tabIndex={-1}
              data-active={active?.value === custom && active.custom ? "" : undefined}
              onMouseMove={() => setActiveIndex(0)}
              onClick={() => {
                toggle(custom);
                setQuery("");
              }}
              onKeyDown={() => undefined}
              className={ROW}
            >
              <Plus className="size-4 shrink-0 text-primary" aria-hidden />
              <span className="flex-1 truncate">{t("addCustom", { value: custom })}</span>
            </div>
          ) : null}
          {runsOf(filtered).map((run) => {
            const key = `${run.group ?? ""}:${run.rows[0]?.value}`;
            const heading = run.group === undefined ? undefined : (headings.get(run.group) ?? run.group);
            if (!heading) return <Fragment key={key}>{run.rows.map(option)}</Fragment>;
            return (
              // biome-ignore lint/a11y/useSemanticElements: an ARIA group of options inside a listbox, not a form fieldset.
              <div key={key} role="group" aria-label={heading}>
                <div className="px-2 pt-2 pb-1 text-[11px] font-semibold tracking-wide text-muted-foreground uppercase">{heading}</div>
                {run.rows.map(option)}
              </div>
            );
          })}
          {rows.length === 0 ? <div className="px-2 py-6 text-center text-sm text-muted-foreground">{t("empty", { query })}</div> : null}
        </div>
      </PopoverContent>
    </Popover>
  );
}
