"use client";

import { Check, Plus, Search, X } from "lucide-react";
import { useTranslations } from "next-intl";
import type * as React from "react";
import { Fragment, useId, useMemo, useRef, useState } from "react";
import { Popover, PopoverAnchor, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { cn } from "@/lib/utils";

export type MultiSelectOption = {
  value: string;
  label: string;
  /** Heading the option is listed under (e.g. "Countries"). */
  group?: string;
  /** Small text on the right, e.g. the code. */
  hint?: string;
  /** Extra text the search matches (English name, aliases). */
  keywords?: string;
};

export type MultiSelectProps = Omit<React.ComponentProps<"button">, "value" | "onChange" | "onBlur"> & {
  options: MultiSelectOption[];
  value: string[];
  onValueChange: (value: string[]) => void;
  onBlur?: () => void;
  placeholder?: string;
  searchPlaceholder?: string;
  /**
   * Accepts values that are not in the list (e.g. any BCP 47 tag): returns the value to add for
   * the typed text, or null when the text cannot be one.
   */
  parseCustom?: (text: string) => string | null;
  /** Label of a chosen value that is not among the options. */
  labelOf?: (value: string) => string;
};

const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();

/**
 * Chips for the chosen values and a searchable, grouped list to add or remove them. The trigger
 * button takes the label props (FormField wires id and aria-* to it), so `getByLabel` finds it;
 * each chip has its own "Remove …" button.
 */
export function MultiSelect({
  options,
  value,
  onValueChange,
  onBlur,
  placeholder,
  searchPlaceholder,
  parseCustom,
  labelOf,
  className,
  disabled,
  ...triggerProps
}: MultiSelectProps) {
  const t = useTranslations("catalogue.multiSelect");
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [activeIndex, setActiveIndex] = useState(0);
  const baseId = useId();
  const listId = `${baseId}-list`;
  const searchRef = useRef<HTMLInputElement>(null);
  const byValue = useMemo(() => new Map(options.map((o) => [o.value, o])), [options]);
  const chosen = new Set(value);

  const filtered = useMemo(() => {
    const q = fold(query.trim());
    if (!q) return options;
    // Exact codes first, then names that start with the query, then the rest: Enter takes the
    // first row, and "TH" or "es" must add Thailand or Spanish, not a name that merely contains it.
    const rank = (o: (typeof options)[number]) =>
      o.value.toLowerCase() === q ? 0 : fold(o.label).startsWith(q) ? 1 : fold(o.value).startsWith(q) ? 2 : 3;
    return options
      .filter((o) => o.value.toLowerCase() === q || fold(`${o.label} ${o.value} ${o.keywords ?? ""}`).includes(q))
      .map((o, index) => ({ o, index, r: rank(o) }))
      .sort((a, b) => a.r - b.r || a.index - b.index)
      .map(({ o }) => o);
  }, [options, query]);
  const custom = parseCustom && query.trim() ? parseCustom(query.trim()) : null;
  const offerCustom = custom !== null && !byValue.has(custom) && !chosen.has(custom);
  // What the keyboard moves through: the "add custom" row first, then the options.
  const rows: { value: string; custom?: boolean }[] = [...(offerCustom && custom ? [{ value: custom, custom: true }] : []), ...filtered];
  const active = rows[Math.min(activeIndex, rows.length - 1)];
  const optionId = (v: string) => `${baseId}-o-${v.replace(/[^\w-]/g, "_")}`;

  const label = (v: string) => byValue.get(v)?.label ?? labelOf?.(v) ?? v;

  function toggle(v: string) {
    onValueChange(chosen.has(v) ? value.filter((x) => x !== v) : [...value, v]);
  }

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
    } else if (event.key === "Backspace" && query === "" && value.length > 0) onValueChange(value.slice(0, -1));
    else return;
    event.preventDefault();
  }

  let lastGroup: string | undefined;

  return (
    <Popover open={open} onOpenChange={setOpenState}>
      <PopoverAnchor asChild>
        <div
          data-slot="multi-select"
          className={cn(
            "flex min-h-9 w-full flex-wrap items-center gap-1 rounded-md border border-input bg-background px-1.5 py-1 shadow-xs transition-[color,box-shadow,border-color] has-[button[aria-invalid=true]]:border-destructive has-[button[data-trigger]:focus-visible]:border-ring has-[button[data-trigger]:focus-visible]:ring-3 has-[button[data-trigger]:focus-visible]:ring-ring/20",
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
      <PopoverContent
        className="w-(--radix-popover-trigger-width) min-w-72 p-0"
        onOpenAutoFocus={(e) => {
          e.preventDefault();
          searchRef.current?.focus();
        }}
      >
        <div className="flex items-center gap-2 border-b px-3">
          <Search className="size-4 shrink-0 text-muted-foreground" aria-hidden />
          <input
            ref={searchRef}
            type="text"
            autoComplete="off"
            aria-label={searchPlaceholder ?? t("search")}
            aria-controls={listId}
            aria-activedescendant={active ? optionId(active.value) : undefined}
            placeholder={searchPlaceholder ?? t("search")}
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setActiveIndex(0);
            }}
            onKeyDown={onKeyDown}
            className="h-10 w-full bg-transparent text-sm outline-none placeholder:text-muted-foreground/70"
          />
        </div>
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
              className="flex cursor-default items-center gap-2 rounded-md px-2 py-1.5 text-sm select-none data-[active]:bg-muted"
            >
              <Plus className="size-4 shrink-0 text-primary" aria-hidden />
              <span className="flex-1 truncate">{t("addCustom", { value: custom })}</span>
            </div>
          ) : null}
          {filtered.map((option, index) => {
            const heading = option.group && option.group !== lastGroup ? option.group : null;
            lastGroup = option.group;
            const isChosen = chosen.has(option.value);
            const rowIndex = index + (offerCustom ? 1 : 0);
            return (
              <Fragment key={option.value}>
                {heading ? (
                  <div
                    role="presentation"
                    className="px-2 pt-2 pb-1 text-[11px] font-semibold tracking-wide text-muted-foreground uppercase"
                  >
                    {heading}
                  </div>
                ) : null}
                <div
                  id={optionId(option.value)}
                  role="option"
                  aria-selected={isChosen}
                  tabIndex={-1}
                  data-active={active === option ? "" : undefined}
                  onMouseMove={() => setActiveIndex(rowIndex)}
                  onClick={() => toggle(option.value)}
                  onKeyDown={(event) => {
                    if (event.key === "Enter" || event.key === " ") {
                      event.preventDefault();
                      toggle(option.value);
                    }
                  }}
                  className="flex cursor-default items-center gap-2 rounded-md px-2 py-1.5 text-sm select-none data-[active]:bg-muted"
                >
                  <Check className={cn("size-4 shrink-0 text-primary", !isChosen && "invisible")} aria-hidden />
                  <span className="flex-1 truncate">{option.label}</span>
                  {option.hint ? (
                    <span className="font-mono text-[11px] text-muted-foreground" aria-hidden>
                      {option.hint}
                    </span>
                  ) : null}
                </div>
              </Fragment>
            );
          })}
          {rows.length === 0 ? <div className="px-2 py-6 text-center text-sm text-muted-foreground">{t("empty", { query })}</div> : null}
        </div>
      </PopoverContent>
    </Popover>
  );
}
